"""Index segments are read through their memory map, never copied into the process."""
import io
import mmap
import random
import tracemalloc

import pytest
from whoosh.filedb.filestore import FileStorage
from whoosh.fields import ID, TEXT, Schema
from whoosh.qparser import QueryParser

from search import backend  # noqa: F401  (installs the mapped segment reader, as the web app does)
from search.segment_files import InPlaceFileStorage, MappedCompoundStorage, MappedPart

WORDS = [f"w{i}" for i in range(3000)]


@pytest.fixture
def mapped_bytes(tmp_path):
    data = b"first line\nsecond\n\nfourth line without end" + bytes(range(256))
    path = tmp_path / "blob"
    path.write_bytes(b"HEADER" + data + b"TRAILER")
    with open(path, "rb") as f:
        source = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
    yield data, MappedPart(source, len(b"HEADER"), len(data))
    source.close()


def test_mapped_part_reads_like_a_file_of_its_own_bytes(mapped_bytes):
    data, part = mapped_bytes
    reference = io.BytesIO(data)
    steps = [("read", 5), ("readline",), ("tell",), ("readline",), ("readline",), ("read", 3),
             ("seek", 2, 1), ("read", 4), ("seek", -6, 2), ("read", 100), ("read", 10), ("tell",),
             ("seek", 0), ("read", None), ("seek", 11), ("readline", 3), ("read", -1)]
    for name, *args in steps:
        assert getattr(part, name)(*args) == getattr(reference, name)(*args), (name, args)


def test_mapped_part_never_reads_past_its_own_end(mapped_bytes):
    data, part = mapped_bytes
    part.seek(len(data) - 3)
    assert part.peek(100) == data[-3:] and part.tell() == len(data) - 3  # a look, not a read
    assert part.readline() == data[-3:]
    assert part.read(10) == b""
    buffer = bytearray(8)
    part.seek(0)
    assert part.readinto(buffer) == 8 and bytes(buffer) == data[:8]


def _large_index(path, storage_class=InPlaceFileStorage):
    rng = random.Random(7)
    ix = storage_class(str(path)).create_index(Schema(id=ID(stored=True), body=TEXT(phrase=True)))
    writer = ix.writer()
    for n in range(1500):
        writer.add_document(id=str(n), body=" ".join(rng.choices(WORDS, k=300)))
    writer.commit()
    return ix


def test_searching_a_segment_does_not_copy_it_into_process_memory(tmp_path):
    ix = _large_index(tmp_path)
    segment_bytes = sum(f.stat().st_size for f in tmp_path.glob("*.seg"))
    assert segment_bytes > 2_000_000

    tracemalloc.start()
    try:
        with ix.searcher() as searcher:
            assert isinstance(searcher.reader()._storage.a, MappedCompoundStorage)
            hits = searcher.search(QueryParser("body", ix.schema).parse('w1 OR "w2 w3"'), limit=None)
            ids = {hit["id"] for hit in hits}
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert ids  # the query really read postings, positions and stored fields
    assert peak < segment_bytes / 4, f"{peak:,} bytes allocated while reading a {segment_bytes:,}-byte segment"


def test_a_reader_keeps_working_after_a_merge_deletes_its_segment(tmp_path):
    ix = _large_index(tmp_path)
    query = QueryParser("body", ix.schema).parse("w5")
    with ix.searcher() as searcher:
        before = [hit["id"] for hit in searcher.search(query, limit=None)]
        writer = ix.writer()
        writer.add_document(id="new", body="w5 w6")
        writer.commit(optimize=True)  # merges into a new segment and deletes the old file
        assert before and [hit["id"] for hit in searcher.search(query, limit=None)] == before


def test_other_whoosh_indexes_in_the_process_read_as_whoosh_ships(tmp_path):
    ix = _large_index(tmp_path, FileStorage)
    with ix.searcher() as searcher:
        assert not isinstance(searcher.reader()._storage.a, MappedCompoundStorage)
        assert len(searcher.search(QueryParser("body", ix.schema).parse("w1"), limit=None))


def test_the_archive_backend_opens_its_index_for_reading_in_place():
    from search.engine import backend

    assert isinstance(backend().storage, InPlaceFileStorage)
    assert isinstance(backend().index.storage, InPlaceFileStorage)

"""Index segments read in place through their memory map, not copied into each process.

Whoosh maps a compound segment file, then wraps every part of it in a BytesIO, which copies the
part into the process's private memory: at 100k articles each gunicorn worker held its own
0.9 GB copy of the postings. Reading through the map instead leaves the pages in the shared page
cache. The segment stays one compound file, mapped when the reader opens it: a merge in another
process may delete the file later, and the map keeps its data readable until the reader closes.
(Plain per-part files failed exactly there: a reader opens some of them lazily.)

Only indexes opened through `InPlaceFileStorage` (the archive's) read this way: any other whoosh
index in the process, such as the benchmark's stock baseline, keeps whoosh's own behaviour.
`install()` routes segments of such storages to `MappedCompoundStorage`.
"""
import mmap

from whoosh.codec import base as codec_base
from whoosh.filedb.compound import CompoundStorage
from whoosh.filedb.filestore import FileStorage
from whoosh.filedb.structfile import BufferFile, StructFile


PEEK_BYTES = 256


class MappedPart:
    """A read-only file over one part of a map, with its own position.

    Each open part keeps its own position, so readers in different threads never move each
    other's (whoosh's SubFile seeks the shared parent instead).
    """

    def __init__(self, source: mmap.mmap, offset: int, length: int):
        self._source = source
        self._start = offset
        self._end = offset + length
        self._pos = offset
        self.closed = False

    def read(self, size: int | None = -1) -> bytes:
        stop = self._end if size is None or size < 0 else min(self._end, self._pos + size)
        data = self._source[self._pos:stop] if stop > self._pos else b""
        self._pos = max(self._pos, stop)
        return data

    def peek(self, size: int = 0) -> bytes:
        # pickle's reader takes one look ahead, then one read of what it used, instead of a
        # read per opcode; whoosh unpickles a small header before every postings block.
        return self._source[self._pos : min(self._end, self._pos + PEEK_BYTES)]

    def readinto(self, buffer) -> int:
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def readline(self, size: int | None = -1) -> bytes:
        newline = self._source.find(b"\n", self._pos, self._end)
        stop = self._end if newline < 0 else newline + 1
        if size is not None and size >= 0:
            stop = min(stop, self._pos + size)
        return self.read(stop - self._pos)

    def seek(self, where: int, whence: int = 0) -> int:
        base = {0: self._start, 1: self._pos, 2: self._end}[whence]
        self._pos = min(max(self._start, base + where), self._end)
        return self._pos - self._start

    def tell(self) -> int:
        return self._pos - self._start

    def close(self) -> None:
        self.closed = True


class MappedFile(BufferFile):
    """Whoosh's BufferFile (random access by slicing the view) with a non-copying stream."""

    def __init__(self, source: mmap.mmap, offset: int, length: int, name: str):
        StructFile.__init__(self, MappedPart(source, offset, length), name=name)
        self._buf = memoryview(source)[offset : offset + length]


class MappedCompoundStorage(CompoundStorage):
    def open_file(self, name, *args, **kwargs):
        # Closed (whoosh raises its StorageError) or not mapped (whoosh reads the file itself).
        if self.is_closed or self._source is None:
            return super().open_file(name, *args, **kwargs)
        offset, length = self.range(name)
        return MappedFile(self._source, offset, length, name)


class InPlaceFileStorage(FileStorage):
    """A folder of index files whose compound segments are read through their map."""


_whoosh_open_compound_file = codec_base.Segment.open_compound_file


def _open_compound_file(segment, storage):
    if not isinstance(storage, InPlaceFileStorage):
        return _whoosh_open_compound_file(segment, storage)
    return MappedCompoundStorage(storage.open_file(segment.make_filename(segment.COMPOUND_EXT)))


def install() -> None:
    # Segments come unpickled from the index's table of contents, as whoosh's own classes, so
    # the method is replaced on their base class; it changes nothing for other storages.
    codec_base.Segment.open_compound_file = _open_compound_file

"""A term's postings in one segment as numpy arrays, with frequent terms' arrays kept decoded.

Reads whoosh 2.7.4's W3 blocks (pinned exactly). Decoding is what a search over a large archive
spends its time on: a word in most of 100k articles has ~800 blocks, and inflating, unpickling
and summing them took ~110 ms each time the word was searched. A segment never changes once
written, so the decoded arrays of a frequent term stay true for as long as the segment lives:
they are kept (`kept`) within a memory budget (settings.GAOXIN_POSTINGS_CACHE_MB), the least
recently used going first. Short lists are read afresh each time, skipping the blocks that hold
none of the wanted documents.
"""
import threading
from collections import OrderedDict
from itertools import chain
from pickle import loads

import numpy as np
from django.conf import settings
from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.formats import Positions
from whoosh.matching import FilterMatcher

DOCNUM = np.int32
KEEP_FROM = 256  # postings (2 blocks); a shorter list decodes in a fraction of a millisecond


def segment_key(reader) -> str:
    segment = reader.segment()
    return segment.segment_id() if segment is not None else ""  # an empty index has no segment


class KeptArrays:
    """Decoded arrays by (segment, field, term, kind), dropped least recently used first once
    they would outgrow the budget."""

    def __init__(self):
        self._lock = threading.Lock()
        self._entries: OrderedDict[tuple, tuple[np.ndarray, ...]] = OrderedDict()
        self.bytes = 0

    def get(self, key: tuple) -> tuple[np.ndarray, ...] | None:
        with self._lock:
            arrays = self._entries.get(key)
            if arrays is not None:
                self._entries.move_to_end(key)
            return arrays

    def put(self, key: tuple, arrays: tuple[np.ndarray, ...]) -> None:
        budget, size = settings.GAOXIN_POSTINGS_CACHE_MB << 20, _nbytes(arrays)
        with self._lock:
            if size > budget or key in self._entries:
                return
            while self.bytes + size > budget:
                self.bytes -= _nbytes(self._entries.popitem(last=False)[1])
            for array in arrays:
                array.flags.writeable = False  # shared by every later search: nobody may edit them
            self._entries[key] = arrays
            self.bytes += size

    def keep_only(self, live_segments: set[str]) -> None:
        """Forget the segments a merge or a rebuild has retired."""
        with self._lock:
            for key in [key for key in self._entries if key[0] not in live_segments]:
                self.bytes -= _nbytes(self._entries.pop(key))

    def clear(self) -> None:
        self.keep_only(set())


def _nbytes(arrays) -> int:
    return sum(array.nbytes for array in arrays)


kept = KeptArrays()


def posting_blocks(matcher, wanted: np.ndarray | None = None):
    """(document ids, block) for each block of a fresh W3 matcher; with `wanted` (a mask),
    blocks holding none of the wanted documents are skipped without being decoded.

    A block's ids are stored as gaps, summed here in one numpy call instead of a Python
    generator step per posting.
    """
    previous_max = -1
    while matcher.is_active():
        if wanted is None or wanted[previous_max + 1 : matcher._maxid + 1].any():
            if matcher._data is None:
                matcher._read_data()
            stored = np.asarray(matcher._data[0], dtype=DOCNUM)
            yield (stored if matcher._byteids else np.cumsum(stored, dtype=DOCNUM)), matcher
        previous_max = matcher._maxid
        matcher._next_block()


def _block_weights(block) -> np.ndarray:
    """The weights of a block's postings, as whoosh's matcher would return them (float32)."""
    stored = block._data[1]
    if stored is None or isinstance(stored, float):  # stored once for the block
        return np.full(block._blocklength, 1.0 if stored is None else stored, dtype=np.float32)
    return np.asarray(stored, dtype=np.float32)


def _position_gaps(value: bytes) -> list[int]:
    """whoosh 2.7.4's Positions value: the frequency (4 bytes), then a pickled list of gaps whose
    final STOP byte may have been dropped (as Positions.decode_positions reads it)."""
    return loads(value[4:] if value.endswith(b".") else value[4:] + b".")


def _term_bytes(reader, fieldname: str, text) -> bytes | None:
    term = text if isinstance(text, bytes) else reader.schema[fieldname].to_bytes(text)
    return term if (fieldname, term) in reader else None


def _raw_matcher(reader, fieldname: str, term: bytes):
    """The term's postings with deleted documents still in (they are dropped by `deleted_documents`)."""
    matcher = reader.postings(fieldname, term)
    return matcher.child if isinstance(matcher, FilterMatcher) else matcher


def deleted_documents(reader) -> np.ndarray:
    return np.fromiter(reader._perdoc.deleted_docs(), dtype=DOCNUM) if reader.has_deletions() else np.empty(0, DOCNUM)


def _kept_or_decoded(reader, fieldname: str, term: bytes, kind: str, decode, wanted, keep: bool = True):
    """The term's arrays of one kind: kept ones, or decoded now (and kept, for a frequent term:
    all blocks then, whatever is wanted)."""
    key = (segment_key(reader), fieldname, term, kind)
    arrays = kept.get(key) if keep else None
    if arrays is not None:
        return arrays
    matcher = _raw_matcher(reader, fieldname, term)
    if not isinstance(matcher, W3LeafMatcher):
        return None
    if not keep or reader.doc_frequency(fieldname, term) < KEEP_FROM:
        return decode(matcher, wanted)
    arrays = decode(matcher, None)
    kept.put(key, arrays)
    return arrays


def _decode_weights(matcher, wanted) -> tuple[np.ndarray, np.ndarray]:
    ids, weights = [], []
    for block_ids, block in posting_blocks(matcher, wanted):
        ids.append(block_ids)
        weights.append(_block_weights(block))
    if not ids:
        return np.empty(0, DOCNUM), np.empty(0, np.float32)
    return np.concatenate(ids), np.concatenate(weights)


def _decode_positions(matcher, wanted) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(document ids, occurrences in each, positions of all occurrences, document by document):
    three arrays, the positions as uint16 when they fit, a quarter of a (document, position) key.

    Block by block, so a word's Python objects never outnumber one block's postings.
    """
    docs, counts, positions = [], [], []
    for ids, block in posting_blocks(matcher, wanted):
        block._read_values()
        chosen = np.arange(len(ids)) if wanted is None else np.flatnonzero(wanted[ids])
        gaps = [_position_gaps(block._values[index]) for index in chosen.tolist()]
        per_doc = np.fromiter(map(len, gaps), dtype=np.int64, count=len(gaps))
        flat = np.fromiter(chain.from_iterable(gaps), dtype=np.int64, count=int(per_doc.sum()))
        # Positions are stored as gaps from the previous one in the same document: a running
        # sum that restarts at each document.
        running = np.cumsum(flat)
        firsts = np.cumsum(per_doc) - per_doc
        restart = np.repeat(running[firsts] - flat[firsts], per_doc) if len(flat) else running
        docs.append(ids[chosen])
        counts.append(per_doc.astype(np.int32))
        positions.append(running - restart)
    if not docs:
        return np.empty(0, DOCNUM), np.empty(0, np.int32), np.empty(0, np.uint16)
    positions = np.concatenate(positions)
    narrow = np.uint16 if not len(positions) or positions.max() <= np.iinfo(np.uint16).max else np.int32
    return np.concatenate(docs), np.concatenate(counts), positions.astype(narrow)


def ids_and_weights(reader, fieldname: str, text, wanted: np.ndarray | None = None, keep: bool = True):
    """(document ids, weights) of a term's live postings in one segment: all of them, or at least
    those among `wanted` (a mask). None for postings in another format than W3 blocks.

    keep=False for a caller that keeps what it reads itself (facet tables).
    """
    term = _term_bytes(reader, fieldname, text)
    if term is None:
        return np.empty(0, DOCNUM), np.empty(0, np.float32)
    found = _kept_or_decoded(reader, fieldname, term, "weights", _decode_weights, wanted, keep)
    if found is None:
        return None
    ids, weights = found
    hidden = deleted_documents(reader)
    if len(hidden):
        # A mask lookup per posting: np.isin would sort all of a frequent word's ids each time.
        dead = np.zeros(reader.doc_count_all(), dtype=bool)
        dead[hidden] = True
        live = ~dead[ids]
        return ids[live], weights[live]
    return ids, weights


def position_keys(reader, fieldname: str, text, wanted: np.ndarray) -> np.ndarray | None:
    """Each occurrence of a term in the `wanted` live documents (a mask) of one segment, as
    ascending (document << 32 | position) keys. None where positions are not whoosh's W3
    Positions."""
    if type(reader.schema[fieldname].format) is not Positions:
        return None
    term = _term_bytes(reader, fieldname, text)
    if term is None:
        return np.empty(0, np.int64)
    hidden = deleted_documents(reader)
    if len(hidden):
        wanted = wanted.copy()
        wanted[hidden] = False
    found = _kept_or_decoded(reader, fieldname, term, "positions", _decode_positions, wanted)
    if found is None:
        return None
    docs, counts, positions = found
    chosen = wanted[docs]
    return (np.repeat(docs[chosen].astype(np.int64), counts[chosen]) << 32) | positions[np.repeat(chosen, counts)]

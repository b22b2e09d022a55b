"""Sets of matched documents as numpy masks over the index's document numbers, and back.

A mask is cheap to intersect, count and reuse; `DocumentSet` turns one back into a query, so
whoosh checks a costly clause (phrase positions) only on the documents the mask allows.
"""
from array import array
from itertools import chain
from pickle import loads

import numpy as np
from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.formats import Positions
from whoosh.matching import FilterMatcher, ListMatcher
from whoosh.query import And, AndNot, Or, Phrase, Query, Term
from whoosh.reading import TermNotFound

DOCNUM = np.int32


def segment_key(reader) -> str:
    segment = reader.segment()
    return segment.segment_id() if segment is not None else ""  # an empty index has no segment


def posting_blocks(matcher, wanted: np.ndarray | None = None):
    """(document ids, block) for each postings block of a fresh matcher; with `wanted` (a mask),
    blocks holding none of the wanted documents are skipped without being decoded.

    Reads whoosh 2.7.4's W3 blocks (pinned exactly): a block's ids are stored as gaps, summed
    here in one numpy call instead of a Python generator step per posting.
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


def block_weights(block) -> np.ndarray:
    """The weights of a block's postings, as whoosh's matcher would return them."""
    stored = block._data[1]
    if stored is None or isinstance(stored, float):  # stored once for the block
        return np.full(block._blocklength, np.float32(1.0 if stored is None else stored), dtype=np.float64)
    return np.asarray(stored, dtype=np.float64)


def leaf_ids(matcher, wanted: np.ndarray | None = None) -> np.ndarray:
    """The document ids of a fresh matcher: all of them, or at least those in `wanted`."""
    if isinstance(matcher, W3LeafMatcher):
        blocks = [ids for ids, _block in posting_blocks(matcher, wanted)]
        return np.concatenate(blocks) if blocks else np.empty(0, DOCNUM)
    return np.fromiter(matcher.all_ids(), dtype=DOCNUM)


def matched_documents(searcher, query) -> np.ndarray:
    """A boolean mask over the index's document numbers: True where `query` matches."""
    mask = np.zeros(searcher.doc_count_all(), dtype=bool)
    for leaf, offset in searcher.leaf_searchers():
        found = segment_mask(leaf, query, None)
        mask[offset : offset + len(found)] = found
    return mask


def segment_mask(leaf, query, within: np.ndarray | None) -> np.ndarray:
    """The query's matches in one segment, as a mask; `within`, if given, may limit the work to
    those documents (the result is then only exact inside them).

    Terms, AND, OR, NOT and phrases are evaluated on whole postings arrays; anything else asks
    whoosh's matcher for its ids one by one.
    """
    size = leaf.doc_count_all()
    if isinstance(query, Term):
        return _ids_mask(term_ids(leaf.reader(), query.fieldname, query.text, within), size)
    if isinstance(query, DocumentSet):
        offset = query.offsets[segment_key(leaf.reader())]
        return query.mask[offset : offset + size].copy()
    if isinstance(query, And):
        # Cheap clauses first, so a phrase is checked only where everything else matched.
        running = within
        for child in sorted(query.subqueries, key=_cost_rank):
            found = segment_mask(leaf, child, running)
            running = found if running is None else running & found
        return running if running is not None else np.zeros(size, dtype=bool)
    if isinstance(query, Or):
        found = np.zeros(size, dtype=bool)
        for child in query.subqueries:
            found |= segment_mask(leaf, child, within)
        return found
    if isinstance(query, AndNot):
        positive = segment_mask(leaf, query.a, within)
        return positive & ~segment_mask(leaf, query.b, positive)
    if isinstance(query, Phrase) and query.slop == 1 and leaf.schema[query.fieldname].format.supports("positions"):
        return phrase_mask(leaf, query, within)
    return _ids_mask(_generic_ids(leaf, query), size)


def _cost_rank(query) -> int:
    return 0 if isinstance(query, DocumentSet) else 2 if isinstance(query, Phrase) else 1


def _ids_mask(ids: np.ndarray, size: int) -> np.ndarray:
    mask = np.zeros(size, dtype=bool)
    mask[ids] = True
    return mask


def _generic_ids(leaf, query) -> np.ndarray:
    try:
        matcher = query.matcher(leaf, leaf.boolean_context())
    except TermNotFound:
        return np.empty(0, DOCNUM)
    return np.fromiter(matcher.all_ids(), dtype=DOCNUM)


def _postings(reader, fieldname: str, text):
    """(raw block matcher, hidden document ids) for a term, or None when the segment lacks it."""
    field = reader.schema[fieldname]
    term = field.to_bytes(text) if not isinstance(text, bytes) else text
    if (fieldname, term) not in reader:
        return None
    matcher = reader.postings(fieldname, term)
    if isinstance(matcher, FilterMatcher) and matcher._exclude:
        # A segment with deletions wraps its postings to hide them; read the raw postings and
        # drop the hidden documents (the wrapper's id set) in one step.
        return matcher.child, np.fromiter(matcher._ids, dtype=DOCNUM)
    return matcher, None


def term_ids(reader, fieldname: str, text, wanted: np.ndarray | None = None) -> np.ndarray:
    """The live documents of one segment holding a term: all of them, or at least those among
    `wanted` (a mask; postings blocks with none of them are skipped)."""
    found = _postings(reader, fieldname, text)
    if found is None:
        return np.empty(0, DOCNUM)
    matcher, hidden = found
    ids = leaf_ids(matcher, wanted)
    return ids[~np.isin(ids, hidden)] if hidden is not None and len(hidden) else ids


def term_positions(reader, fieldname: str, text, wanted: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Where a term stands in each of the `wanted` documents (a mask) that contain it, as two
    arrays of equal length: document ids and positions."""
    found = _postings(reader, fieldname, text)
    if found is None:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    matcher, hidden = found
    if hidden is not None and len(hidden):
        wanted = wanted.copy()
        wanted[hidden] = False
    if not isinstance(matcher, W3LeafMatcher) or type(reader.schema[fieldname].format) is not Positions:
        pairs = [(doc, position) for doc in matcher.all_ids() if wanted[doc] for position in matcher.value_as("positions")]
        return np.array([d for d, _ in pairs], np.int64), np.array([p for _, p in pairs], np.int64)
    docs, gaps = [], []
    for ids, block in posting_blocks(matcher, wanted):
        block._read_values()
        for index in np.flatnonzero(wanted[ids]).tolist():
            docs.append(int(ids[index]))
            gaps.append(_position_gaps(block._values[index]))
    counts = np.fromiter(map(len, gaps), dtype=np.int64, count=len(gaps))
    flat = np.fromiter(chain.from_iterable(gaps), dtype=np.int64, count=int(counts.sum()))
    # Positions are stored as gaps from the previous one in the same document: a running sum
    # that restarts at each document.
    running = np.cumsum(flat)
    firsts = np.cumsum(counts) - counts
    restart = np.repeat(running[firsts] - flat[firsts], counts) if len(flat) else running
    return np.repeat(np.asarray(docs, np.int64), counts), running - restart


def _position_gaps(value: bytes) -> list[int]:
    """whoosh 2.7.4's Positions value: the frequency (4 bytes), then a pickled list of gaps whose
    final STOP byte may have been dropped (as Positions.decode_positions reads it)."""
    return loads(value[4:] if value.endswith(b".") else value[4:] + b".")


def phrase_mask(leaf, query, within: np.ndarray | None) -> np.ndarray:
    """Documents where the phrase's words stand at consecutive positions.

    Each word's postings are read once, for the documents still possible after the words before
    it; a phrase occurrence is a (document, start) key that every word confirms.
    """
    size, reader = leaf.doc_count_all(), leaf.reader()
    candidates = within.copy() if within is not None else np.ones(size, dtype=bool)
    if not query.words:
        return np.zeros(size, dtype=bool)
    shift = len(query.words)  # keeps every start at or above zero
    starts = None
    # The rarest word first: the others are then read only where it occurs.
    by_rarity = sorted(enumerate(query.words), key=lambda item: reader.doc_frequency(query.fieldname, item[1]))
    for distance, word in by_rarity:
        docs, positions = term_positions(reader, query.fieldname, word, candidates)
        keys = (docs << 32) | (positions - distance + shift)  # ascending, as the postings are
        starts = keys if starts is None else starts[_sorted_contains(keys, starts)]
        candidates = np.zeros(size, dtype=bool)
        candidates[starts >> 32] = True
        if not len(starts):
            break
    return candidates


def _sorted_contains(haystack: np.ndarray, needles: np.ndarray) -> np.ndarray:
    """For each needle, whether the ascending array `haystack` holds it."""
    if not len(haystack):
        return np.zeros(len(needles), dtype=bool)
    at = np.minimum(np.searchsorted(haystack, needles), len(haystack) - 1)
    return haystack[at] == needles


class DocumentSet(Query):
    """The documents of a mask, as a query that matches them and adds nothing to scores."""

    def __init__(self, mask: np.ndarray, searcher):
        self.mask = mask
        self.offsets = {segment_key(leaf.reader()): offset for leaf, offset in searcher.leaf_searchers()}

    def __repr__(self):
        return f"DocumentSet({int(self.mask.sum())} documents)"

    def is_leaf(self):
        return True

    def estimate_size(self, ixreader):
        return int(self.mask.sum())

    def estimate_min_size(self, ixreader):
        return self.estimate_size(ixreader)

    def matcher(self, searcher, context=None):
        offset = self.offsets[segment_key(searcher.reader())]
        ids = np.flatnonzero(self.mask[offset : offset + searcher.doc_count_all()])
        # Zero weights, not all_weights=0.0: ListMatcher reads a falsy all_weights as "1.0 each".
        return ListMatcher(array("I", ids.tolist()), weights=array("f", bytes(4 * len(ids))))

"""Sets of matched documents as numpy masks over the index's document numbers, and back.

A mask is cheap to intersect, count and reuse; `DocumentSet` turns one back into a query, so
whoosh checks a costly clause (phrase positions) only on the documents the mask allows.
"""
from array import array

import numpy as np
from whoosh.matching import ListMatcher
from whoosh.query import And, AndNot, Or, Phrase, Query, Term
from whoosh.reading import TermNotFound

from .postings import DOCNUM, ids_and_weights, position_keys, segment_key


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
    if isinstance(query, Phrase) and query.slop == 1:
        found = phrase_mask(leaf, query, within)
        if found is not None:
            return found
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


def term_ids(reader, fieldname: str, text, wanted: np.ndarray | None = None, keep: bool = True) -> np.ndarray:
    """The live documents of one segment holding a term: all of them, or at least those among
    `wanted` (a mask). keep=False: see postings.ids_and_weights."""
    found = ids_and_weights(reader, fieldname, text, wanted, keep)
    if found is not None:
        return found[0]
    try:
        return np.fromiter(reader.postings(fieldname, text).all_ids(), dtype=DOCNUM)
    except TermNotFound:
        return np.empty(0, DOCNUM)


def phrase_mask(leaf, query, within: np.ndarray | None) -> np.ndarray | None:
    """Documents where the phrase's words stand at consecutive positions; None when the field's
    positions are not in whoosh's W3 format.

    Each word's occurrences are read once, for the documents still possible after the words
    before it; a phrase occurrence is a (document, start) key that every word confirms.
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
        keys = position_keys(reader, query.fieldname, word, candidates)
        if keys is None:
            return None
        keys = keys + (shift - distance)  # (document, start) keys, still ascending
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

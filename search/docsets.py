"""Sets of matched documents as numpy masks over the index's document numbers, and back.

A mask is cheap to intersect, count and reuse; `DocumentSet` turns one back into a query, so
whoosh checks a costly clause (phrase positions) only on the documents the mask allows.
"""
from array import array

import numpy as np
from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.matching import FilterMatcher, ListMatcher
from whoosh.query import And, AndNot, Or, Phrase, Query, Term
from whoosh.reading import TermNotFound

DOCNUM = np.int32


def segment_key(reader) -> str:
    segment = reader.segment()
    return segment.segment_id() if segment is not None else ""  # an empty index has no segment


def leaf_ids(matcher) -> np.ndarray:
    """Every document id of a fresh matcher, read a postings block at a time where possible."""
    if isinstance(matcher, W3LeafMatcher):
        blocks = []
        # whoosh 2.7.4's block reader (pinned exactly); one slice per block instead of a Python
        # call per posting, which is what makes facet tables and single-word queries cheap.
        while matcher.is_active():
            if matcher._ids is None:
                matcher._read_ids()
            blocks.append(np.asarray(matcher._ids[matcher._i :], dtype=DOCNUM))
            matcher._next_block()
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
        return _ids_mask(term_ids(leaf.reader(), query.fieldname, query.text), size)
    if isinstance(query, DocumentSet):
        offset = query.offsets[segment_key(leaf.reader())]
        return query.mask[offset : offset + size].copy()
    if isinstance(query, And):
        # Cheap clauses first, so a phrase is checked only where everything else matched.
        running = within
        for child in sorted(query.subqueries, key=lambda q: isinstance(q, Phrase)):
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


def term_ids(reader, fieldname: str, text) -> np.ndarray:
    """The live documents of one segment holding a term."""
    found = _postings(reader, fieldname, text)
    if found is None:
        return np.empty(0, DOCNUM)
    matcher, hidden = found
    ids = leaf_ids(matcher)
    return ids[~np.isin(ids, hidden)] if hidden is not None and len(hidden) else ids


def term_positions(reader, fieldname: str, text, wanted: np.ndarray) -> dict[int, list[int]]:
    """Positions of a term in each of the `wanted` documents (a mask) that contain it."""
    found = _postings(reader, fieldname, text)
    if found is None:
        return {}
    matcher, _hidden = found
    if not isinstance(matcher, W3LeafMatcher):
        return {doc: list(matcher.value_as("positions")) for doc in matcher.all_ids() if wanted[doc]}
    decode = reader.schema[fieldname].format.decode_positions
    positions = {}
    while matcher.is_active():
        if matcher._ids is None:
            matcher._read_ids()
        matcher._read_values()
        start = matcher._i
        ids = np.asarray(matcher._ids[start:], dtype=DOCNUM)
        for index in np.flatnonzero(wanted[ids]):
            positions[int(ids[index])] = decode(matcher._values[start + index])
        matcher._next_block()
    return positions


def phrase_mask(leaf, query, within: np.ndarray | None) -> np.ndarray:
    """Documents where the phrase's words stand at consecutive positions."""
    size, reader = leaf.doc_count_all(), leaf.reader()
    if not query.words:
        return np.zeros(size, dtype=bool)
    candidates = within.copy() if within is not None else np.ones(size, dtype=bool)
    for word in query.words:
        candidates &= _ids_mask(term_ids(reader, query.fieldname, word), size)
    if not candidates.any():
        return candidates
    per_word = [term_positions(reader, query.fieldname, word, candidates) for word in query.words]
    found = np.zeros(size, dtype=bool)
    for doc in np.flatnonzero(candidates).tolist():
        starts = set(per_word[0].get(doc, ()))
        for distance, positions in enumerate(per_word[1:], start=1):
            starts &= {position - distance for position in positions.get(doc, ())}
            if not starts:
                break
        found[doc] = bool(starts)
    return found


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
        return ListMatcher(array("I", ids.tolist()), all_weights=0.0)

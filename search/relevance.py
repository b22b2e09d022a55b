"""Relevance ranking of known matches: whoosh's BM25F, computed on whole postings arrays.

Whoosh scores a query one posting at a time in Python; for a word in most of 100k articles that
took 0.3 s before the first page could be shown. Here each query term's weights are read a
block at a time (only blocks holding matched documents) and scored with numpy, with the same
formula, statistics and tie order as whoosh, so the page is the one whoosh would show.

`top_documents` answers None for a query it cannot score exactly (wildcards, ranges, a boosted
group, another weighting model); the caller then lets whoosh rank.
"""
import threading

import numpy as np
from whoosh import scoring
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield
from whoosh.query import And, Or, Term
from whoosh.util.numeric import byte_to_length

from .docsets import DocumentSet
from .postings import ids_and_weights, segment_key

# Field lengths are stored as one lossy byte per document; this is whoosh's decoding of each.
LENGTH_OF_BYTE = np.array([byte_to_length(b) for b in range(256)], dtype=np.float64)


def scored_terms(query, boost: float = 1.0) -> list[tuple[str, str, float]] | None:
    """The (field, text, boost) terms whose BM25F scores add up to the query's score, or None
    when whoosh would score the query some other way."""
    if isinstance(query, Term):
        return [(query.fieldname, query.text, boost * query.boost)] if isinstance(query.text, str) else None
    if isinstance(query, DocumentSet):
        return []
    if type(query) in (And, Or) and query.boost == 1.0 and not getattr(query, "scale", None):
        terms = []
        for child in query.subqueries:
            found = scored_terms(child, boost)
            if found is None:
                return None
            terms += found
        return terms
    return None


class FieldLengths:
    """Decoded field lengths of the live segments; a segment's lengths never change."""

    def __init__(self):
        self._lock = threading.Lock()
        self._cache: dict[tuple[str, str], np.ndarray] = {}

    def get(self, reader, fieldname: str, live: set[str]) -> np.ndarray:
        key = (segment_key(reader), fieldname)
        with self._lock:
            if key not in self._cache:  # a new segment: merges may have retired others
                self._cache = {k: lengths for k, lengths in self._cache.items() if k[0] in live}
                self._cache[key] = _decoded_lengths(reader, fieldname)
            return self._cache[key]


def _decoded_lengths(reader, fieldname: str) -> np.ndarray:
    size = reader.doc_count_all()
    column = reader._perdoc._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
    codes = np.zeros(size, dtype=np.uint8)
    if column is not None:
        stored = np.frombuffer(column._dbfile.get(column._basepos, column._count), dtype=np.uint8)
        codes[: len(stored)] = stored[:size]
    return LENGTH_OF_BYTE[codes]


field_lengths = FieldLengths()


def bm25(idf: float, weights: np.ndarray, lengths: np.ndarray, average: float, b: float, k1: float) -> np.ndarray:
    """whoosh.scoring.bm25, term for term, on arrays."""
    return idf * ((weights * (k1 + 1)) / (weights + k1 * ((1 - b) + b * lengths / average)))


def term_scores(search, leaf, fieldname: str, text: str, wanted: np.ndarray, live: set[str]):
    """(document ids, scores) in one segment for the `wanted` documents holding the term; None
    for postings in another format than whoosh 2.7.4's blocks."""
    found = ids_and_weights(leaf.reader(), fieldname, text, wanted)
    if found is None:
        return None
    ids, weights = found
    keep = wanted[ids]
    # float64, as whoosh computes: numpy would keep float32 weights in float32.
    ids, weights = ids[keep], weights[keep].astype(np.float64)
    model = search.weighting
    b = model._field_B.get(fieldname, model.B)
    average = search.avg_field_length(fieldname) or 1
    lengths = field_lengths.get(leaf.reader(), fieldname, live)[ids]
    return ids, bm25(search.idf(fieldname, text), weights, lengths, average, b, model.K1)


def top_documents(search, query, matched: np.ndarray, limit: int) -> list[tuple[int, float]] | None:
    """The best `limit` of the matched documents (a mask over the index), as (docnum, score),
    best first; equal scores keep index order, as in whoosh. None: let whoosh rank."""
    terms = scored_terms(query)
    if not terms or type(search.weighting) is not scoring.BM25F:
        return None
    for fieldname, _text, _boost in terms:
        if fieldname not in search.schema or not search.schema[fieldname].scorable:
            return None
    scores = np.zeros(len(matched), dtype=np.float64)
    leaves = search.leaf_searchers()
    live = {segment_key(leaf.reader()) for leaf, _offset in leaves}
    for leaf, offset in leaves:
        wanted = matched[offset : offset + leaf.doc_count_all()]
        if not wanted.any():
            continue
        for fieldname, text, boost in terms:
            found = term_scores(search, leaf, fieldname, text, wanted, live)
            if found is None:
                return None
            ids, term_score = found
            scores[offset + ids] += term_score * boost if boost != 1.0 else term_score
    candidates = np.flatnonzero(matched)
    best = candidates[np.lexsort((candidates, -scores[candidates]))[:limit]]
    return [(int(doc), float(scores[doc])) for doc in best]

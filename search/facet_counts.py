"""Where a facet is counted: the matched documents as a numpy mask, the facet values as arrays.

whoosh.sorting reads each matched document's list column in Python, so counting grew with the
number of matches (224 ms for a word found in nearly every one of 10k articles). Here each index
segment's facet postings are read once into two parallel arrays, (document, value), and counting
the values of any set of matched documents is one numpy bincount over them.

Segments never change once written but for deletions, and a deleted document never matches, so
a segment's table stays valid for as long as the segment lives.
"""
import threading
from dataclasses import dataclass

import numpy as np
from whoosh.fields import NUMERIC

from .docsets import term_ids
from .postings import DOCNUM, deleted_documents, segment_key


@dataclass(frozen=True)
class FacetTable:
    """One facet field over a set of documents: value texts, and (document, value index) pairs."""

    values: tuple
    docs: np.ndarray
    value_index: np.ndarray

    @classmethod
    def read(cls, reader, fieldname: str) -> "FacetTable":
        field = reader.schema[fieldname]
        if isinstance(field, NUMERIC) and reader.has_column(fieldname):
            return cls.from_column(reader, fieldname)
        return cls.from_postings(reader, fieldname)

    @classmethod
    def from_postings(cls, reader, fieldname: str) -> "FacetTable":
        field = reader.schema[fieldname]
        values, docs, indexes = [], [], []
        # sortable_terms: one term per value (a numeric field also indexes coarser range terms).
        for position, term in enumerate(field.sortable_terms(reader, fieldname)):
            ids = term_ids(reader, fieldname, term, keep=False)
            values.append(field.from_bytes(term))
            docs.append(ids)
            indexes.append(np.full(len(ids), position, dtype=DOCNUM))
        return cls(tuple(values), _joined(docs), _joined(indexes))

    @classmethod
    def from_column(cls, reader, fieldname: str) -> "FacetTable":
        """A number per document, from the field's sortable column in one pass: reading postings
        value by value took 25 s for the repost groups (a value per article) of 100k articles."""
        field, size = reader.schema[fieldname], reader.doc_count_all()
        column = reader.column_reader(fieldname, translate=False)
        stored = np.fromiter(column, dtype=np.int64, count=size)
        present = stored != column._default  # what the column holds for a document without one
        present[deleted_documents(reader)] = False
        docs = np.flatnonzero(present).astype(DOCNUM)
        distinct, value_index = np.unique(stored[docs], return_inverse=True)
        values = tuple(field.from_column_value(int(value)) for value in distinct)
        return cls(values, docs, value_index.astype(DOCNUM))

    @classmethod
    def combined(cls, parts: list[tuple["FacetTable", int]]) -> "FacetTable":
        """Segment tables with their document offsets, as one table over the whole index."""
        positions, docs, indexes = {}, [], []
        for table, offset in parts:
            remap = np.array([positions.setdefault(value, len(positions)) for value in table.values] or [0], DOCNUM)
            docs.append(table.docs + offset)
            indexes.append(remap[table.value_index])
        values = sorted(positions, key=positions.get)
        return cls(tuple(values), _joined(docs), _joined(indexes))

    def counts(self, matched: np.ndarray) -> np.ndarray:
        return np.bincount(self.value_index[matched[self.docs]], minlength=len(self.values))

    def count(self, matched: np.ndarray) -> list[tuple[str, int]]:
        """(value, number of matched documents), most frequent first; values with none left out."""
        counts = self.counts(matched)
        found = np.nonzero(counts)[0]
        return sorted(((self.values[i], int(counts[i])) for i in found if self.values[i]), key=lambda vc: (-vc[1], vc[0]))

    def mask(self, chosen: list[str], size: int) -> np.ndarray:
        """The documents having any of the `chosen` values."""
        wanted = set(chosen)
        positions = [i for i, value in enumerate(self.values) if value in wanted]
        mask = np.zeros(size, dtype=bool)
        mask[self.docs[np.isin(self.value_index, positions)]] = True
        return mask

    def distinct(self, matched: np.ndarray) -> int:
        """How many different values the matched documents have."""
        return int(np.count_nonzero(self.counts(matched)))


def _joined(arrays: list[np.ndarray]) -> np.ndarray:
    return np.concatenate(arrays).astype(DOCNUM, copy=False) if arrays else np.empty(0, DOCNUM)


class FacetTables:
    """Facet tables for the current searcher, built per segment and kept while segments live."""

    def __init__(self):
        self._lock = threading.Lock()
        self._segments: dict[tuple[str, str], FacetTable] = {}
        self._combined: dict[str, FacetTable] = {}
        self._layout = None

    def table(self, searcher, fieldname: str) -> FacetTable:
        leaves = [(leaf.reader(), offset) for leaf, offset in searcher.leaf_searchers()]
        layout = tuple((segment_key(reader), offset) for reader, offset in leaves)
        with self._lock:
            if layout != self._layout:
                live = {key for key, _offset in layout}
                self._segments = {k: t for k, t in self._segments.items() if k[0] in live}
                self._combined, self._layout = {}, layout
            if fieldname not in self._combined:
                parts = []
                for reader, offset in leaves:
                    key = (segment_key(reader), fieldname)
                    if key not in self._segments:
                        self._segments[key] = FacetTable.read(reader, fieldname)
                    parts.append((self._segments[key], offset))
                self._combined[fieldname] = FacetTable.combined(parts)
            return self._combined[fieldname]

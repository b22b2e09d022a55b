"""A Whoosh field for facet values: untokenised, multi-valued, with a sortable list column.

Haystack's `*_exact` fields run values through an analyzer, so "Hi Tech" splits in two and a
one-character value vanishes. Here each value is one exact term, and the per-document list
column lets whoosh.sorting count facets over the matched documents without touching postings.
"""
from whoosh import columns, formats
from whoosh.fields import FieldType


class FacetField(FieldType):
    def __init__(self, stored=True):
        super().__init__(formats.Existence(), analyzer=None, scorable=False, stored=stored, unique=False)
        self.column_type = columns.VarBytesListColumn()

    @staticmethod
    def values(value) -> list[str]:
        if value is None:
            return []
        if isinstance(value, str):
            value = [value]
        return sorted({str(v) for v in value if v is not None and str(v) != ""})

    def index(self, value, **kwargs):
        for text in self.values(value):
            yield text.encode("utf-8"), 1, 1.0, b""

    def process_text(self, qstring, mode="", **kwargs):
        # A query value is matched as it is: no analysis, no splitting.
        return iter([qstring])

    def tokenize(self, value, **kwargs):
        raise NotImplementedError("facet values are not tokenised")

    def to_bytes(self, value):
        return value.encode("utf-8") if isinstance(value, str) else value

    def from_bytes(self, data):
        return data.decode("utf-8")

    def to_column_value(self, value):
        return [text.encode("utf-8") for text in self.values(value)]

    def from_column_value(self, value):
        return [item.decode("utf-8") for item in value]

    def sortable_terms(self, ixreader, fieldname):
        return ixreader.lexicon(fieldname)

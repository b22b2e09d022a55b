"""Haystack's Whoosh backend, adapted to Chinese text and to several writing processes.

Changes from the stock backend, and why:
- text fields use the archive's Chinese analysis (search.analysis) and store positions, so
  phrase queries work; the stock English StemmingAnalyzer is never used;
- multi-valued fields become exact, sortable facet fields (search.fields.FacetField);
- no spelling dictionary: it doubled indexing time and suggests nonsense for Chinese;
- writers wait for the index lock and raise if they cannot get it, instead of dropping
  the update (stock `remove()` swallowed LockError and left deleted articles searchable);
- documents are added in one writer per batch, looking up old copies through one searcher,
  rather than `update_document`, which opens a searcher per document.

Segments stay whoosh's compound files, read through their memory map (search.segment_files)
rather than copied into each process: with plain files, a reader opens some files lazily, and
another process's merge may have deleted them by then (2 errors in 8,697 requests under load
with concurrent edits).
"""
import logging
import time

from haystack.backends.whoosh_backend import WhooshEngine, WhooshSearchBackend
from haystack.constants import DJANGO_CT, DJANGO_ID, ID
from haystack.exceptions import SkipDocument
from haystack.utils import get_identifier
from whoosh.fields import DATETIME, ID as WHOOSH_ID, NUMERIC, TEXT, Schema
from whoosh.index import LockError
from whoosh.qparser import QueryParser

from .analysis import chinese_analyzer
from .fields import FacetField
from .segment_files import InPlaceFileStorage, install as read_segments_in_place

read_segments_in_place()

log = logging.getLogger(__name__)

LOCK_TIMEOUT_SECONDS = 30
LOCK_RETRIES = 3


class IndexBusy(RuntimeError):
    """Another process held the index lock for longer than we are willing to wait."""


class ArchiveWhooshBackend(WhooshSearchBackend):
    def build_schema(self, fields):
        schema_fields = {
            ID: WHOOSH_ID(stored=True, unique=True),
            DJANGO_CT: WHOOSH_ID(stored=True),
            DJANGO_ID: WHOOSH_ID(stored=True),
        }
        content_field_name = ""
        for field in fields.values():
            name = field.index_fieldname
            if field.is_multivalued:
                schema_fields[name] = FacetField(stored=field.stored)
            elif field.field_type in ("date", "datetime"):
                schema_fields[name] = DATETIME(stored=field.stored, sortable=True)
            elif field.field_type == "integer":
                schema_fields[name] = NUMERIC(stored=field.stored, numtype=int, sortable=True)
            else:
                schema_fields[name] = TEXT(
                    analyzer=chinese_analyzer(),
                    phrase=True,
                    # Unspaced Chinese is one expression: 重庆高新区 must not match 重庆 … 高新区.
                    multitoken_query="phrase",
                    stored=field.stored,
                    field_boost=field.boost,
                )
            if field.document:
                content_field_name = name
        return content_field_name, Schema(**schema_fields)

    def setup(self):
        super().setup()
        # Haystack opened the index through a plain FileStorage; reopen it through ours.
        self.storage = InPlaceFileStorage(self.path)
        self.index = self.storage.open_index(schema=self.schema)
        self.parser = QueryParser(self.content_field_name, schema=self.schema)

    def prepare(self, index, obj) -> dict | None:
        try:
            doc = index.full_prepare(obj)
        except SkipDocument:
            return None
        doc.pop("boost", None)
        return {key: self.whoosh_value(key, value) for key, value in doc.items()}

    def whoosh_value(self, key, value):
        if isinstance(self.schema[key], FacetField):
            return FacetField.values(value)
        return self._from_python(value)

    def writer(self):
        """A writer that waits for the lock; several gunicorn workers may save at once."""
        last_error = None
        for attempt in range(LOCK_RETRIES):
            try:
                return self.index.refresh().writer(timeout=LOCK_TIMEOUT_SECONDS / LOCK_RETRIES, delay=0.05)
            except LockError as error:
                last_error = error
                log.warning("search index busy, retrying (%s/%s)", attempt + 1, LOCK_RETRIES)
                time.sleep(0.1 * (attempt + 1))
        raise IndexBusy(f"the search index stayed locked for {LOCK_TIMEOUT_SECONDS} s") from last_error

    def update(self, index, iterable, commit=True):
        if not self.setup_complete:
            self.setup()
        docs = [doc for doc in (self.prepare(index, obj) for obj in iterable) if doc]
        if not docs:
            return
        writer = self.writer()
        try:
            with writer.searcher() as searcher:
                for doc in docs:
                    docnum = searcher.document_number(**{ID: doc[ID]})
                    if docnum is not None:
                        writer.delete_document(docnum)
            for doc in docs:
                writer.add_document(**doc)
        except BaseException:
            writer.cancel()
            raise
        writer.commit()

    def remove(self, obj_or_string, commit=True):
        self.remove_many([get_identifier(obj_or_string)])

    def remove_many(self, identifiers) -> None:
        """Delete documents in one writer; a missing document is not an error."""
        if not identifiers:
            return
        if not self.setup_complete:
            self.setup()
        writer = self.writer()
        try:
            for identifier in identifiers:
                writer.delete_by_term(ID, identifier)
        except BaseException:
            writer.cancel()
            raise
        writer.commit()


class ArchiveWhooshEngine(WhooshEngine):
    backend = ArchiveWhooshBackend

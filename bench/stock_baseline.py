"""Baseline (b): haystack's stock Whoosh backend with jieba's ChineseAnalyzer, no facets.

The recipe most Chinese Django sites follow is to copy haystack/backends/whoosh_backend.py and
replace StemmingAnalyzer with jieba.analyse.ChineseAnalyzer. Subclassing and swapping the
analyzer in the schema does exactly that and nothing else. The backend is wired as a second
haystack connection ("stock") over the same ArticleIndex, filled by haystack's own
`update_index` command and queried through SearchQuerySet.auto_query, as a SearchView does.

Above --stock-build-max articles its `update_index` would take hours (its time grew ×13 from 1k
to 10k): the same documents, prepared by the same backend, then go in through one whoosh writer
per core instead (`fill_in_bulk`), so (b)'s queries are still measured on the same corpus, and no
build time is reported for that size. A rerun on the same corpus may keep (b)'s index
(`--reuse-stock-index`) once `holds_database_articles` confirms it covers exactly the database's
articles: it depends on nothing but the corpus.
"""
import shutil

from haystack.backends.whoosh_backend import WhooshEngine, WhooshSearchBackend
from jieba.analyse import ChineseAnalyzer
from whoosh.fields import TEXT

from .disk import folder_bytes
from .env import STOCK_INDEX
from .timing import Stopwatch

ALIAS = "stock"
PAGE_SIZE = 20


class ChineseWhooshBackend(WhooshSearchBackend):
    def build_schema(self, fields):
        content_field_name, schema = super().build_schema(fields)
        for name in schema.names():
            if isinstance(schema[name], TEXT):
                schema[name].analyzer = ChineseAnalyzer()
        return content_field_name, schema


class ChineseWhooshEngine(WhooshEngine):
    backend = ChineseWhooshBackend


def register() -> None:
    """Add the connection at run time; the archive's settings stay untouched."""
    from haystack import connections

    connections.connections_info[ALIAS] = {"ENGINE": f"{__name__}.ChineseWhooshEngine", "PATH": str(STOCK_INDEX)}


def build() -> dict:
    from django.core.management import call_command
    from haystack import connections

    shutil.rmtree(STOCK_INDEX, ignore_errors=True)
    connections.reload(ALIAS)
    with Stopwatch() as watch:
        call_command("update_index", using=[ALIAS], verbosity=0)
    return {"build_seconds": round(watch.seconds, 1), "bytes": folder_bytes(STOCK_INDEX)}


def fill_in_bulk(procs: int) -> dict:
    from haystack import connections

    from archive.models import Article

    shutil.rmtree(STOCK_INDEX, ignore_errors=True)
    connections.reload(ALIAS)
    backend = connections[ALIAS].get_backend()
    backend.setup()
    search_index = connections[ALIAS].get_unified_index().get_index(Article)
    writer = backend.index.writer(procs=procs, limitmb=256, multisegment=True)
    for obj in search_index.index_queryset().order_by("pk").iterator(chunk_size=500):
        doc = search_index.full_prepare(obj)
        writer.add_document(**{key: backend._from_python(value) for key, value in doc.items() if key != "boost"})
    writer.commit()
    return {"build_seconds": None, "filled_in_bulk": True, "bytes": folder_bytes(STOCK_INDEX)}


def holds_database_articles() -> bool:
    """Whether (b)'s index on disk holds one live document for each article, and no other."""
    from haystack import connections
    from haystack.constants import DJANGO_ID
    from whoosh.index import exists_in

    from archive.models import Article

    if not exists_in(str(STOCK_INDEX)):
        return False
    connections.reload(ALIAS)
    backend = connections[ALIAS].get_backend()
    backend.setup()
    with backend.index.searcher() as searcher:
        indexed = {int(value) for value in searcher.lexicon(DJANGO_ID)}
        live = searcher.doc_count()
    return live == len(indexed) and indexed == set(Article.objects.values_list("pk", flat=True))


def reused() -> dict:
    return {"build_seconds": None, "reused": True, "bytes": folder_bytes(STOCK_INDEX)}


def search(query) -> int:
    """The first page of results and the total, as a paginated SearchView shows them."""
    from haystack.query import SearchQuerySet

    results = SearchQuerySet(using=ALIAS).auto_query(query.q)
    list(results[:PAGE_SIZE])
    return results.count()

"""Putting the corpus into the benchmark database with bulk inserts.

The ingest pipeline would take hours at 100k (it cleans, extracts and reindexes page by page);
its speed is measured on a sample instead (bench/ingest_sample.py). Here articles go in with
the links extraction would have made, so the index and the baselines see the same data.
"""
import hashlib
import io
import shutil
import sys

from django.core.management import call_command
from django.db import connections, transaction

from .corpus import Corpus
from .env import DATA, ROOT
from .timing import Stopwatch

BATCH = 1000
NAME_PREFIX = "corpus-"


def reset() -> None:
    """Start from an empty database: a corpus only grows, so a smaller size means starting over."""
    from haystack import connections as search_connections

    from search.engine import reset_searcher

    connections.close_all()
    reset_searcher()
    shutil.rmtree(DATA, ignore_errors=True)
    DATA.mkdir(parents=True)
    search_connections.reload("default")  # a fresh backend creates the index on its first write


def prepare() -> None:
    """As `make run` does, static files included: gunicorn serves pages the way `make run` does.

    The seed pages are ingested first, as in the archive itself: the corpus recombines their
    paragraphs, so the names extraction finds in them (习近平, 五大工程, …) are already in the
    word file, and the ingest sample's catch-up only has the names that are new to it.
    (A second run finds the seed pages stored and loads nothing twice.)
    """
    call_command("migrate", interactive=False, verbosity=0)
    call_command("load_parks", stdout=io.StringIO())  # it reports counts even at verbosity 0
    call_command("collectstatic", interactive=False, verbosity=0)
    call_command("ingest", str(ROOT / "fixtures" / "raw"), stdout=io.StringIO(), stderr=io.StringIO())


def stored() -> int:
    from archive.models import RawPage

    return RawPage.objects.filter(file_name__startswith=NAME_PREFIX).count()


class Loader:
    """Bulk-inserts articles, creating each source, person and programme once."""

    def __init__(self):
        from archive.models import Figure, Initiative, Park, Source

        self.parks = {p.full_name: p.pk for p in Park.objects.all()}
        self.park_by_short_name = {p.short_name: p.pk for p in Park.objects.all() if p.short_name}
        self.sources = dict(Source.objects.values_list("name", "pk"))
        self.figures = {(name, org): pk for pk, name, org in Figure.objects.values_list("pk", "name", "organisation")}
        self.initiatives = dict(Initiative.objects.values_list("name", "pk"))

    def insert(self, specs) -> None:
        from archive.models import (
            Article, ArticleFigure, ArticleInitiative, ArticlePark, Figure, Initiative, RawPage, Source,
        )

        self._create_missing(Source, self.sources, {s.source: {"name": s.source} for s in specs})
        self._create_missing(
            Figure,
            self.figures,
            {
                (p.name, p.organisation): {
                    "name": p.name, "role": p.role, "organisation": p.organisation,
                    "park_id": self.park_by_short_name.get(p.organisation),
                }
                for s in specs
                for p in s.people
            },
        )
        self._create_missing(
            Initiative,
            self.initiatives,
            {p.name: {"name": p.name, "category": p.category, "first_seen": s.published} for s in specs for p in s.programmes},
        )
        raws = RawPage.objects.bulk_create(
            [RawPage(file_name=f"{NAME_PREFIX}{s.number:07d}.txt", checksum=_digest(s), content=b"", encoding="utf-8") for s in specs]
        )
        articles = Article.objects.bulk_create([self._article(s, raw) for s, raw in zip(specs, raws)])
        ArticlePark.objects.bulk_create(
            [
                ArticlePark(article=a, park_id=self.parks[park.full_name], salience=salience, count=count)
                for a, s in zip(articles, specs)
                for park, salience, count in s.parks
            ]
        )
        ArticleFigure.objects.bulk_create(
            [
                ArticleFigure(article=a, figure_id=self.figures[(p.name, p.organisation)], role=p.role)
                for a, s in zip(articles, specs)
                for p in s.people
            ]
        )
        ArticleInitiative.objects.bulk_create(
            [ArticleInitiative(article=a, initiative_id=self.initiatives[p.name]) for a, s in zip(articles, specs) for p in s.programmes]
        )

    @staticmethod
    def _create_missing(model, known: dict, wanted: dict) -> None:
        missing = [key for key in wanted if key not in known]
        created = model.objects.bulk_create([model(**wanted[key]) for key in missing])
        known.update((key, obj.pk) for key, obj in zip(missing, created))

    def _article(self, spec, raw):
        from archive.models import Article

        regions = sorted({r for park, _s, _c in spec.parks for r in (park.province, *park.macro_regions) if r})
        return Article(
            title=spec.title,
            body=spec.body,
            published=spec.published,
            date_precision=spec.precision,
            date_evidence="发布时间",
            source_id=self.sources[spec.source],
            authors=[spec.author],
            raw_page=raw,
            position=0,
            regions=regions,
            content_hash=_digest(spec),
        )


def _digest(spec) -> str:
    return hashlib.sha256("\n".join([spec.title, *spec.paragraphs]).encode("utf-8")).hexdigest()


def grow_to(size: int, corpus: Corpus) -> dict:
    """Make the database hold exactly articles 0 … size-1; returns what it took."""
    have = stored()
    if have > size:
        reset()
        prepare()
        have = 0
    loader = Loader()
    with Stopwatch() as watch:
        for start in range(have, size, BATCH):
            stop = min(size, start + BATCH)
            with transaction.atomic():
                loader.insert(list(corpus.articles(start, stop)))
            if sys.stderr.isatty():
                sys.stderr.write(f"\r  loaded {stop}/{size}")
    if sys.stderr.isatty() and have < size:
        sys.stderr.write("\n")
    return {"inserted": size - have, "seconds": round(watch.seconds, 1)}

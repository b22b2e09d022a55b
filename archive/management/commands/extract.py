import sys

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from archive.extraction import extract_entities
from archive.extraction.pipeline import matcher_for
from archive.linking import EntityIndex, LinkStats, apply_extraction, gazetteer_entries
from archive.models import Article


class Command(BaseCommand):
    help = "Re-run entity extraction on stored articles; curators' link decisions are kept."

    def add_arguments(self, parser):
        parser.add_argument("article_ids", nargs="*", type=int, help="articles to re-extract")
        parser.add_argument("--all", action="store_true", help="re-extract every article")

    def handle(self, *args, **options):
        ids = options["article_ids"]
        if options["all"] == bool(ids):
            raise CommandError("give article ids or --all (not both)")
        articles = Article.objects.order_by("pk")
        if ids:
            articles = articles.filter(pk__in=ids)
            missing = set(ids) - set(articles.values_list("pk", flat=True))
            if missing:
                raise CommandError(f"no such article: {', '.join(map(str, sorted(missing)))}")
        gazetteer = gazetteer_entries()
        matcher = matcher_for(gazetteer)
        index = EntityIndex()
        stats, total = LinkStats(), articles.count()
        for number, article in enumerate(articles.iterator(), start=1):
            self.progress(number, total, article.title)
            extraction = extract_entities(article.title, article.paragraphs(), gazetteer, matcher=matcher)
            with transaction.atomic():
                stats += apply_extraction(article, extraction, index=index)
        if total and sys.stderr.isatty():
            sys.stderr.write("\n")
        self.stdout.write(
            f"articles: {total}; links: {stats.added} added, {stats.removed} removed; "
            f"entities: {stats.created} created, {stats.proposed} parks proposed"
        )

    def progress(self, number, total, title):
        if sys.stderr.isatty():
            sys.stderr.write(f"\r[{number}/{total}] {title[:40]:<40}")
            sys.stderr.flush()

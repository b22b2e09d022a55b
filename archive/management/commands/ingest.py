import json
import sys
from collections import Counter

from django.core.management.base import BaseCommand, CommandError

from archive.cleaning import UnreadablePage
from archive.ingest import PageOutcome, find_pages, ingest_page, preview, read_page
from archive.linking import EntityIndex, gazetteer_entries
from search.signals import batched_indexing, flush_batch, index_missing

# Pages per search-index commit: one commit per page would cost more than cleaning the page.
INDEX_BATCH = 25


class Command(BaseCommand):
    help = "Clean raw scraped pages (files or folders) and store their articles."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="page files (.txt, .html) or folders of them")
        parser.add_argument("--dry-run", action="store_true", help="write nothing")
        parser.add_argument("--json", action="store_true", help="print one JSON object per article (with --dry-run)")
        parser.add_argument("--force", action="store_true", help="re-clean pages whose bytes have not changed")

    def handle(self, *args, **options):
        if options["json"] and not options["dry_run"]:
            raise CommandError("--json prints what would be stored; use it with --dry-run")
        pages, outcomes = find_pages(options["paths"])
        with batched_indexing():
            self.ingest_all(pages, outcomes, options)
        if not options["dry_run"]:
            # Articles committed just before a crash may have missed the index: catch them up.
            repaired = index_missing([pk for o in outcomes if o.status == "unchanged" for pk in o.article_ids])
            if repaired:
                self.stdout.write(f"search index: {repaired} articles caught up")
        self.clear_progress(len(pages))
        self.summarise(outcomes, dry_run=options["dry_run"])
        if not pages and outcomes:
            raise CommandError("nothing to ingest")

    def ingest_all(self, pages, outcomes, options):
        gazetteer = gazetteer_entries()
        entities = EntityIndex()  # one lookup of known figures and initiatives per run, not per article
        for number, path in enumerate(pages, start=1):
            self.progress(number, len(pages), path.name)
            try:
                raw, sidecar = read_page(path)
                if options["dry_run"]:
                    records = preview(raw, path.name, sidecar, gazetteer)
                    if options["json"]:
                        for record in records:
                            self.stdout.write(json.dumps(record, ensure_ascii=False))
                    outcomes.append(PageOutcome(path.name, "previewed", created=len(records)))
                else:
                    outcomes.append(ingest_page(raw, path.name, sidecar, gazetteer, force=options["force"], entities=entities))
            except (UnreadablePage, OSError) as error:
                outcomes.append(PageOutcome(path.name, "failed", reason=str(error)))
            if number % INDEX_BATCH == 0:
                flush_batch()

    def progress(self, number, total, name):
        if sys.stderr.isatty():
            width = 30
            filled = width * number // max(total, 1)
            sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {number}/{total} {name[:40]:<40}")
            sys.stderr.flush()

    def clear_progress(self, total):
        if total and sys.stderr.isatty():
            sys.stderr.write("\n")

    def summarise(self, outcomes, dry_run):
        """The summary goes to stderr under --dry-run so stdout stays pure JSON Lines."""
        out = self.stderr if dry_run else self.stdout
        pages = Counter(o.status for o in outcomes)
        flags = Counter(flag for o in outcomes for flag in o.flags)
        articles = (
            f"articles: {sum(o.created for o in outcomes)} would be stored"
            if dry_run
            else "articles: {} created, {} updated, {} unchanged, {} removed".format(
                sum(o.created for o in outcomes),
                sum(o.updated for o in outcomes),
                sum(o.unchanged for o in outcomes),
                sum(o.removed for o in outcomes),
            )
        )
        out.write(f"pages: {len(outcomes)} ({', '.join(f'{n} {s}' for s, n in sorted(pages.items())) or 'none'})")
        out.write(articles)
        if flags:
            out.write("flags: " + ", ".join(f"{flag} {n}" for flag, n in sorted(flags.items())))
        for outcome in outcomes:
            if outcome.status == "failed":
                out.write(f"failed: {outcome.name}: {outcome.reason}")

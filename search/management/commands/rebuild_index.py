import sys

from django.core.management.base import BaseCommand, CommandError

from search.rebuild import build


class Command(BaseCommand):
    help = "Rebuild the search index beside the live one and swap it in (search keeps working meanwhile)."

    def add_arguments(self, parser):
        # Accepted for compatibility with haystack's command; this rebuild never asks.
        parser.add_argument("--noinput", "--no-input", action="store_true", help="do not prompt (never prompts)")
        parser.add_argument(
            "--procs", type=int, default=None,
            help="writer processes (default: $GAOXIN_INDEX_PROCS or one per core; archives under 2,000 articles use one)",
        )

    def handle(self, *args, **options):
        def progress(done, total):
            if sys.stderr.isatty():
                sys.stderr.write(f"\rindexed {done}/{total}")
                sys.stderr.flush()

        if options["procs"] is not None and options["procs"] < 1:
            raise CommandError("--procs must be 1 or more")
        result = build(progress, procs=options["procs"])
        if sys.stderr.isatty():
            sys.stderr.write("\n")
        self.stdout.write(f"search index rebuilt: {result['indexed']} articles ({result['replayed']} edits replayed)")

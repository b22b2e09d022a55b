"""Ingest throughput on a sample of noisy raw pages, in a throwaway copy of the corpus.

Run as its own process (`python -m bench.ingest_sample COPY_DIR COUNT`), because Django reads
the database and index location once per process: the sample must write into the copy, never
into the corpus the other figures are measured on. Prints one JSON object.

Two figures: clean_page alone (the pure cleaning step), and ingest_page end to end as
`manage.py ingest` runs it — cleaning, extraction, linking, one transaction per page, and the
index update that follows each commit.
"""
import json
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

from .env import DATA, INGEST_COPY, ROOT, setup_django
from .timing import Stopwatch, summary

FIRST_NUMBER = 10_000_000  # far past any corpus size: these pages are new to the archive


def main(copy_dir: Path, count: int) -> dict:
    setup_django(copy_dir)
    from archive.cleaning import UnreadablePage, clean_page
    from archive.ingest import ingest_page
    from archive.linking import EntityIndex, gazetteer_entries
    from archive.management.commands.ingest import INDEX_BATCH
    from search import dictionary
    from search.signals import articles_mentioning, batched_indexing, flush_batch

    from .corpus import Corpus
    from .pages import render

    corpus = Corpus()
    pages = [render(corpus.article(n)) for n in range(FIRST_NUMBER, FIRST_NUMBER + count)]

    with Stopwatch() as cleaning:
        for page in pages:
            try:
                clean_page(page.data, page.name, {})
            except UnreadablePage:
                pass

    gazetteer, entities = gazetteer_entries(), EntityIndex()
    durations, outcomes, errors = [], Counter(), Counter()
    articles = 0

    def attempt(step):
        """Run one step; a crash `manage.py ingest` would stop on is counted and the sample goes on."""
        try:
            return step()
        except UnreadablePage:
            outcomes["failed"] += 1
        except Exception as error:
            outcomes["error"] += 1
            errors[f"{type(error).__name__}: {str(error)[:160]}"] += 1

    # As the ingest command runs it: index updates gathered and applied every INDEX_BATCH pages;
    # new dictionary words caught up once, when the job ends (the context's exit), timed apart.
    with Stopwatch() as job:
        with batched_indexing():
            with Stopwatch() as ingest:
                for number, page in enumerate(pages, start=1):
                    with Stopwatch() as one:
                        outcome = attempt(lambda: ingest_page(page.data, page.name, {}, gazetteer, entities=entities))
                        if number % INDEX_BATCH == 0:
                            attempt(flush_batch)
                    durations.append(one.seconds)
                    if outcome:
                        outcomes[outcome.status] += 1
                        articles += outcome.created + outcome.updated
                attempt(flush_batch)
            with Stopwatch() as counting:
                new_words = sorted(set(dictionary.archive_words()) - dictionary.read())
                mentioning = len(articles_mentioning(new_words))
    catch_up_seconds = job.seconds - ingest.seconds - counting.seconds
    return {
        "pages": count,
        "index_batch": INDEX_BATCH,
        "mix": {
            "gbk": sum(p.encoding == "gbk" for p in pages),
            "traditional": sum(p.script == "traditional" for p in pages),
        },
        "outcomes": dict(outcomes),
        "errors": dict(errors),
        "articles_stored": articles,
        "clean_page_per_second": round(count / cleaning.seconds, 1),
        "ingest_page_per_second": round(count / ingest.seconds, 1),
        "ingest_page_latency": summary(durations),
        # Older articles that mention a name new to the dictionary are indexed again at the end.
        "dictionary_catch_up": {
            "new_words": len(new_words),
            "examples": new_words[:10],
            "articles_reindexed": mentioning,
            "seconds": round(catch_up_seconds, 1),
        },
        "job_page_per_second": round(count / (job.seconds - counting.seconds), 2),
    }


def run(count: int) -> dict:
    """Copy the corpus aside, measure the sample in a child process, drop the copy."""
    shutil.rmtree(INGEST_COPY, ignore_errors=True)
    shutil.copytree(DATA, INGEST_COPY, symlinks=True)  # the index path is a relative symlink
    try:
        child = subprocess.run(
            [sys.executable, "-m", "bench.ingest_sample", str(INGEST_COPY), str(count)],
            cwd=ROOT, capture_output=True, text=True,
        )
    finally:
        shutil.rmtree(INGEST_COPY, ignore_errors=True)
    if child.returncode:
        raise RuntimeError(f"ingest sample failed:\n{child.stderr[-3000:]}")
    return json.loads(child.stdout.strip().splitlines()[-1])


if __name__ == "__main__":
    print(json.dumps(main(Path(sys.argv[1]), int(sys.argv[2]))))

"""`python -m bench [--sizes 1000,10000,100000]`: build each corpus size, measure, report.

Sizes run smallest first on one database that grows (article N is always the same article),
so 10k only adds 9k articles to the 1k corpus. Results go to bench/results/<size>.json.
"""
import argparse
import datetime
import os
import subprocess

from .env import DATA, ROOT, setup_django

DEFAULT_SIZES = "1000"  # ~2 min on 2 cores; 10k adds ~7 min, 100k over an hour


def arguments(argv=None):
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument(
        "--sizes",
        default=os.environ.get("BENCH_SIZES") or DEFAULT_SIZES,
        help=f"comma-separated corpus sizes (default: $BENCH_SIZES or {DEFAULT_SIZES})",
    )
    parser.add_argument("--repeats", type=int, default=20, help="timed runs per query in-process (default 20)")
    parser.add_argument("--budget", type=float, default=5.0, help="seconds per query before fewer repeats suffice (default 5)")
    parser.add_argument(
        "--stock-build-max", type=int, default=1_000,
        help="largest size at which baseline (b) is built by its own update_index and timed; above it, "
        "its index is filled in bulk and its build time is not reported (default 1000: its own build "
        "takes ~16 min at 10k)",
    )
    parser.add_argument(
        "--reuse-stock-index", action="store_true",
        help="keep baseline (b)'s index from an earlier run when it holds exactly the corpus's articles "
        "(it takes ~36 min to fill at 100k); its build time is then not reported",
    )
    parser.add_argument("--ingest-sample", type=int, default=100, help="raw pages ingested for the throughput figure")
    parser.add_argument("--http-requests", type=int, default=60, help="page requests per concurrency level (default 60)")
    parser.add_argument("--http-seconds", type=float, default=60.0, help="time limit per concurrency level (default 60)")
    return parser.parse_args(argv)


def measure_size(size: int, corpus, args) -> dict:
    from django.conf import settings

    from search.rebuild import build

    from . import inprocess, ingest_sample, load, orm_baseline, serve, stock_baseline
    from .disk import folder_bytes
    from .machine import describe
    from .queries import query_set
    from .timing import Stopwatch, measure_queries

    print(f"\n== {size:,} articles")
    loading = load.grow_to(size, corpus)
    print(f"  corpus loaded ({loading})")
    with Stopwatch() as indexing:
        build()
    index_path = DATA / "whoosh_index"
    print(f"  archive index built in {indexing.seconds:.1f} s")

    queries = query_set(corpus.world.most_quoted_person().name)
    archive = inprocess.measure(queries, args.repeats, args.budget)
    print("  archive search measured")
    orm = measure_queries(queries, orm_baseline.search, args.repeats, args.budget)
    print("  baseline (a) ORM measured")
    if args.reuse_stock_index and stock_baseline.holds_database_articles():
        stock = stock_baseline.reused()
        print("  baseline (b) index reused: it holds exactly this corpus")
    elif size <= args.stock_build_max:
        stock = stock_baseline.build()
        print(f"  baseline (b) index built in {stock['build_seconds']} s")
    else:
        stock = stock_baseline.fill_in_bulk(settings.GAOXIN_INDEX_PROCS)
        print("  baseline (b) index filled in bulk (build not timed at this size)")
    stock.update(measure_queries([q for q in queries if not q.faceted], stock_baseline.search, args.repeats, args.budget))
    print("  baseline (b) stock Whoosh measured")
    ingest = ingest_sample.run(args.ingest_sample)
    print(f"  ingest sample: {ingest['ingest_page_per_second']} pages/s")
    http = serve.measure(DATA, queries, {1: args.http_requests, 8: args.http_requests}, args.http_seconds)
    print("  gunicorn pages measured")

    return {
        "size": size,
        "measured_at": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "machine": describe(),
        "project": project_revision(),
        "corpus": {
            "articles": size,
            "load": loading,
            "database_bytes": folder_bytes(DATA / "db.sqlite3"),
            "query_set": [{"label": q.label, "q": q.q, "filters": q.filters} for q in queries],
        },
        "ingest": ingest,
        "index": {
            "build_seconds": round(indexing.seconds, 1),
            "articles_per_second": round(size / indexing.seconds, 1),
            "bytes": folder_bytes(index_path),
        },
        "search": archive,
        "baseline_orm": orm,
        "baseline_stock": stock,
        "http": http,
    }


def project_revision() -> dict:
    """The code measured: the commit, and whether the work tree differed from it."""
    def git(*args):
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True).stdout.strip()

    return {"commit": git("rev-parse", "HEAD"), "modified_files": len(git("status", "--porcelain", "--untracked-files=no").splitlines())}


def main(argv=None) -> None:
    args = arguments(argv)
    sizes = sorted({int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()})
    setup_django()
    from . import load, report, stock_baseline
    from .corpus import Corpus

    load.prepare()
    stock_baseline.register()
    corpus = Corpus()
    for size in sizes:
        result = report.judge(measure_size(size, corpus, args))
        report.write(result)
        print(report.size_table(result))
    print(report.growth_table(report.saved_results()))


if __name__ == "__main__":
    main()

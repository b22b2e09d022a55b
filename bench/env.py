"""Where the benchmark keeps its data, and the environment that points Django there.

Everything lives under bench/work/ (gitignored), never under var/: the archive's settings read
these variables once, at import, so `configure` must run before django.setup().
"""
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
WORK = BENCH / "work"
RESULTS = BENCH / "results"
DATA = WORK / "data"  # the benchmark corpus: database, archive index, word file
INGEST_COPY = WORK / "ingest"  # a throwaway copy of DATA that the ingest sample writes into
STOCK_INDEX = WORK / "stock_index"  # baseline (b): haystack's stock Whoosh backend + jieba


def variables(data_dir: Path) -> dict[str, str]:
    return {
        "DJANGO_SETTINGS_MODULE": "archive.settings",
        "GAOXIN_DATA_DIR": str(data_dir),
        "GAOXIN_INDEX_PATH": str(data_dir / "whoosh_index"),
        "GAOXIN_USER_DICT": str(data_dir / "userdict.txt"),
        "DATABASE_URL": f"sqlite:///{data_dir / 'db.sqlite3'}",
        # Production mode: with DEBUG on, Django keeps every SQL query in memory, which would
        # inflate both the bulk load and the workers' RSS.
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "bench-only-not-a-secret",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        # Plain HTTP on loopback: no redirect to HTTPS (production sits behind a TLS proxy).
        "GAOXIN_SSL_REDIRECT": "0",
        # The per-client search budget would answer the load client with 429s; the benchmark
        # measures the search page, not the rate limiter.
        "GAOXIN_SEARCH_RATE": "0",
    }


def configure(data_dir: Path = DATA) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    os.environ.update(variables(data_dir))


def setup_django(data_dir: Path = DATA) -> None:
    configure(data_dir)
    import django

    django.setup()

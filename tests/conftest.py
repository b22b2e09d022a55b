import shutil
from pathlib import Path

import pytest
from django.core.management import call_command
from haystack import connections

from search.engine import reset_searcher

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "fixtures" / "raw"


@pytest.fixture(autouse=True)
def isolated_search(tmp_path_factory, settings, monkeypatch):
    """Every test gets its own empty index and word file, so tests never see each other's data."""
    folder = tmp_path_factory.mktemp("search-data")
    monkeypatch.setitem(settings.HAYSTACK_CONNECTIONS["default"], "PATH", str(folder / "index"))
    settings.GAOXIN_USER_DICT = folder / "userdict.txt"
    connections.reload("default")
    reset_searcher()
    yield folder / "index"
    reset_searcher()
    connections.reload("default")


@pytest.fixture(autouse=True)
def no_rate_limits(settings):
    """Budgets are per minute and per process; tests that check them set their own."""
    from django.core.cache import cache

    settings.GAOXIN_RATE_LIMITS = {scope: 0 for scope in settings.GAOXIN_RATE_LIMITS}
    cache.clear()


@pytest.fixture
def parks(db):
    call_command("load_parks", verbosity=0)


@pytest.fixture
def seed_dir(tmp_path):
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    return folder


@pytest.fixture
def seeded(parks, seed_dir, transactional_db):
    """The five seed pages ingested and indexed (committed, so the index hooks run)."""
    call_command("ingest", str(seed_dir), verbosity=0)
    return seed_dir

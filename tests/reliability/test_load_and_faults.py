"""Sustained load with concurrent edits, and kill -9 in the middle of ingest and of rebuild_index.

Run with `make reliability` (also part of CI); they start real processes and take a few minutes.
"""
import json
import random
import signal
import threading
import time
import urllib.parse
import urllib.request
from collections import Counter

import pytest

from .harness import SEEDS, Archive, Server

pytestmark = pytest.mark.reliability

LOAD_SECONDS = 60
QUERIES = ["党建", "高新区", "成都高新区", "两江新区", "黨建聯盟", '"国家高新区"', "党建 联盟", "园区新闻 -氢能", "title:党建"]
FILTERS = [{}, {"year": "2021"}, {"region": "四川省"}, {"sort": "oldest"}, {"park": "成都高新区", "from": "2015"}]


def search_traffic(server: Server, stop: threading.Event, statuses: Counter, latencies: list):
    rng = random.Random()
    while not stop.is_set():
        params = {"q": rng.choice(QUERIES), **rng.choice(FILTERS), "format": "json"}
        url = server.url("/search/?" + urllib.parse.urlencode(params))
        started = time.monotonic()
        try:
            with urllib.request.urlopen(url, timeout=30) as response:
                json.loads(response.read())
                statuses[response.status] += 1
        except urllib.error.HTTPError as error:
            statuses[error.code] += 1
        except OSError as error:
            statuses[type(error).__name__] += 1
        latencies.append(time.monotonic() - started)


EDITS = """
import sys
from archive.models import Article
ids = list(Article.objects.order_by("pk").values_list("pk", flat=True))[:100]
for number, pk in enumerate(ids):
    article = Article.objects.get(pk=pk)
    article.body = article.body + f" 负载编辑{pk}号"
    article.save()
print(",".join(map(str, ids)))
"""


def test_sustained_search_traffic_while_another_process_edits(tmp_path):
    archive = Archive(tmp_path)
    archive.setup(extra_articles=200)
    server = Server(archive)
    stop, statuses, latencies = threading.Event(), Counter(), []
    clients = [threading.Thread(target=search_traffic, args=(server, stop, statuses, latencies)) for _ in range(4)]
    try:
        for client in clients:
            client.start()
        time.sleep(5)
        edited = archive.python(EDITS).stdout.strip().split(",")
        time.sleep(LOAD_SECONDS - 5)
    finally:
        stop.set()
        for client in clients:
            client.join(timeout=60)
        server.stop()
    latencies.sort()
    print(f"\nrequests: {sum(statuses.values())} {dict(statuses)}; p50 {latencies[len(latencies) // 2] * 1000:.0f} ms, "
          f"p95 {latencies[int(len(latencies) * 0.95)] * 1000:.0f} ms")
    assert set(statuses) == {200}, statuses
    assert len(edited) == 100
    for pk in edited:
        assert archive.search_ids(f"负载编辑{pk}号") == {int(pk)}, pk


def many_pages(folder, copies=30):
    folder.mkdir()
    for number in range(copies):
        for seed in SEEDS.iterdir():
            text = seed.read_text(encoding="utf-8") + f"\n\n第{number}份副本。\n"
            (folder / f"{number:03d}_{seed.name}").write_text(text, encoding="utf-8")
    return folder


def test_kill_during_ingest_leaves_no_half_written_page_and_a_rerun_completes(tmp_path):
    archive = Archive(tmp_path / "data")
    archive.manage("migrate", "-v0")
    archive.manage("load_parks")
    pages = many_pages(tmp_path / "pages")
    process = archive.start("ingest", str(pages))
    time.sleep(6)
    process.send_signal(signal.SIGKILL)
    process.wait()
    half = archive.python(
        "from archive.models import RawPage\n"
        "print(RawPage.objects.count(), RawPage.objects.filter(articles__isnull=True).count())\n"
    ).stdout.split()
    loaded, empty = int(half[0]), int(half[1])
    assert 0 < loaded < 150 and empty == 0
    rerun = archive.manage("ingest", str(pages))
    # The page being written at the kill was rolled back whole, so exactly the committed ones are unchanged.
    assert f"pages: 150 ({150 - loaded} created, {loaded} unchanged)" in rerun.stdout, rerun.stdout
    # Articles committed but not yet indexed when the process died were caught up by the rerun.
    every = archive.python("from archive.models import Article\nprint(sorted(Article.objects.visible().values_list('pk', flat=True)))")
    assert sorted(archive.search_ids("")) == eval(every.stdout)


def test_kill_during_rebuild_keeps_the_old_index_and_a_rerun_completes(tmp_path):
    archive = Archive(tmp_path)
    archive.setup(extra_articles=1500)
    before = archive.search_ids("园区新闻")
    assert len(before) == 1500
    process = archive.start("rebuild_index")
    time.sleep(8)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert archive.search_ids("园区新闻") == before
    result = archive.manage("rebuild_index")
    total = int(archive.python("from archive.models import Article\nprint(Article.objects.visible().count())").stdout)
    assert f"search index rebuilt: {total} articles" in result.stdout
    assert archive.search_ids("园区新闻") == before
    leftovers = [p for p in tmp_path.iterdir() if p.name.startswith("index.g")]
    assert len(leftovers) == 1, leftovers

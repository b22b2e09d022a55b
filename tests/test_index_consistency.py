"""The index stays in step with the database: waiting writers, interrupted rebuilds, two processes."""
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from django.utils import timezone
from haystack import connections

from archive.models import Article
from search import rebuild
from search.engine import more_like_this, run_search
from search.params import SearchParams

from . import factories

pytestmark = pytest.mark.django_db(transaction=True)
ROOT = Path(__file__).resolve().parent.parent


def hits(q):
    return {hit["id"] for hit in run_search(SearchParams(q=q)).hits}


def test_a_writer_waits_for_the_lock_instead_of_dropping_the_update():
    article = factories.article("氢能产业园开工", "氢能。", "2022-01-01")
    backend = connections["default"].get_backend()
    blocker = backend.index.writer()  # another process's writer, in effect
    threading.Timer(1.0, blocker.cancel).start()
    started = time.monotonic()
    article.delete()  # must wait about a second, then remove the document
    assert time.monotonic() - started >= 0.9
    assert hits("氢能") == set()


def test_interrupted_rebuild_leaves_the_live_index_working(monkeypatch, isolated_search):
    article = factories.article("两江新区二次创业", "两江新区。", "2022-09-28")
    rebuild.build()
    assert hits("两江新区") == {article.pk}
    with monkeypatch.context() as patched:  # only the writer; the test's own index path stays
        patched.setattr(rebuild.whoosh_index.FileIndex, "writer", lambda self, **kw: FailingWriter(), raising=False)
        with pytest.raises(KeyboardInterrupt):
            rebuild.build()
    assert rebuild.live_path() == isolated_search
    assert hits("两江新区") == {article.pk}
    assert len(rebuild.generation_folders(rebuild.live_path())) == 1
    assert rebuild.build()["indexed"] == 1


class FailingWriter:
    def add_document(self, **fields):
        raise KeyboardInterrupt("killed mid-rebuild")

    def cancel(self):
        pass


def test_edits_during_a_rebuild_are_replayed(monkeypatch):
    first = factories.article("成都高新区党建", "党建。", "2020-12-08")
    original_create = rebuild.whoosh_index.create_in

    def create_then_edit(*args, **kwargs):
        created = original_create(*args, **kwargs)
        Article.objects.filter(pk=first.pk).update(body="党建与氢能。", updated_at=timezone.now())
        return created

    monkeypatch.setattr(rebuild.whoosh_index, "create_in", create_then_edit)
    result = rebuild.build()
    assert result["replayed"] >= 1
    assert hits("氢能") == {first.pk}


def test_more_like_this_finds_the_closest_article():
    a = factories.article("成渝国家高新区党建联盟发布十大党建共建项目", "党建联盟 共建项目 成渝地区 双城经济圈 高新区 党建 联盟 项目", "2020-12-08")
    b = factories.article("成渝地区双城经济圈党建联盟交接", "党建联盟 双城经济圈 成渝地区 轮值主席 党建 联盟", "2021-12-08")
    factories.article("常州高新区新能源", "新能源 光伏 储能 汽车 产业 集群", "2023-04-01")
    assert more_like_this(a.pk)[0] == b.pk


WORKER = """
import sys
import django
django.setup()
from archive.models import Article
role, ids = sys.argv[1], [int(i) for i in sys.argv[2].split(",")]
for pk in ids:
    article = Article.objects.get(pk=pk)
    if role == "edit":
        article.body = article.body + f" 编辑标记{pk}号"
        article.save()
    elif role == "hide":
        article.is_hidden = True
        article.save()
    else:
        article.delete()
"""


def test_two_processes_updating_and_deleting_at_once(tmp_path):
    env = {**os.environ, "GAOXIN_DATA_DIR": str(tmp_path), "GAOXIN_INDEX_PATH": str(tmp_path / "index"),
           "GAOXIN_USER_DICT": str(tmp_path / "userdict.txt"), "DJANGO_SETTINGS_MODULE": "archive.settings"}
    env.pop("DATABASE_URL", None)
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run(manage + ["migrate", "-v0"], env=env, check=True, cwd=ROOT)
    make = "from tests.factories import article\n" + "\n".join(
        f"article('第{i}篇新闻', '园区新闻正文{i}。', '2021-01-{i % 28 + 1:02d}')" for i in range(40)
    )
    subprocess.run(manage + ["shell", "-v0", "-c", make], env=env, check=True, cwd=ROOT)
    subprocess.run(manage + ["rebuild_index"], env=env, check=True, cwd=ROOT, capture_output=True)
    ids = subprocess.run(manage + ["shell", "-v0", "-c", "from archive.models import Article; print(','.join(str(p) for p in Article.objects.order_by('pk').values_list('pk', flat=True)))"],
                         env=env, check=True, cwd=ROOT, capture_output=True, text=True).stdout.strip().split(",")
    edit, hide, delete = ids[:20], ids[20:25], ids[25:40]
    workers = [
        subprocess.Popen([sys.executable, "-c", WORKER, role, ",".join(group)], env=env, cwd=ROOT)
        for role, group in (("edit", edit), ("delete", delete), ("hide", hide))
    ]
    assert [w.wait(timeout=120) for w in workers] == [0, 0, 0]
    check = f"""
from search.engine import run_search
from search.params import SearchParams
found = lambda q: {{h['id'] for h in run_search(SearchParams(q=q), page_size=100).hits}}
assert found('编辑标记') == {{{",".join(edit)}}}, found('编辑标记')
assert found('园区新闻') == {{{",".join(edit)}}}, found('园区新闻')
print('consistent')
"""
    result = subprocess.run(manage + ["shell", "-v0", "-c", check], env=env, cwd=ROOT, capture_output=True, text=True)
    assert "consistent" in result.stdout, result.stderr[-2000:]


def test_a_new_dictionary_word_reindexes_many_articles_in_chunks(monkeypatch):
    from archive.models import Initiative
    from search import signals

    raw = factories.article("样本", "样本").raw_page
    Article.objects.bulk_create(
        Article(title=f"第{i}篇", body="南宁高新区推进政银合作。", raw_page=raw, position=i + 1, content_hash=str(i))
        for i in range(1200)
    )
    batches = []
    original_update = connections["default"].get_backend().__class__.update

    def counting_update(self, index, objects, commit=True):
        batches.append(len(objects))
        return original_update(self, index, objects, commit)

    monkeypatch.setattr(connections["default"].get_backend().__class__, "update", counting_update)
    Initiative.objects.create(name="政银合作", category="营商环境")
    assert max(batches) <= signals.REINDEX_CHUNK and sum(batches) >= 1200
    assert len(run_search(SearchParams(q="政银合作"), page_size=2000).hits) == 1200


def test_a_new_word_in_most_of_a_large_archive_rebuilds_the_index_instead(monkeypatch):
    from archive.models import Initiative
    from search import rebuild, signals

    raw = factories.article("样本", "样本").raw_page
    Article.objects.bulk_create(
        Article(title=f"第{i}篇", body=f"南宁高新区推进政银合作{'。' if i % 3 else '，另有要闻。'}", raw_page=raw,
                position=i + 1, content_hash=str(i))
        for i in range(30)
    )
    rebuild.build()
    before = rebuild.live_path().resolve()
    monkeypatch.setattr(rebuild, "PARALLEL_FROM", 10)  # a "large" archive, for the test
    monkeypatch.setattr(signals, "reindex_articles", lambda ids: pytest.fail("reindexed article by article"))
    Initiative.objects.create(name="政银合作", category="营商环境")
    assert rebuild.live_path().resolve() != before  # a new index generation was swapped in
    assert len(run_search(SearchParams(q="政银合作"), page_size=100).hits) == 30


def test_a_new_word_in_few_articles_is_caught_up_article_by_article(monkeypatch):
    from archive.models import Initiative
    from search import rebuild, signals

    mentioning = factories.article("政银合作", "南宁高新区推进政银合作。")
    for i in range(12):
        factories.article(f"第{i}篇", "南宁高新区推进产业项目。")
    monkeypatch.setattr(rebuild, "PARALLEL_FROM", 10)
    monkeypatch.setattr(rebuild, "build", lambda *args, **kwargs: pytest.fail("rebuilt the whole index"))
    Initiative.objects.create(name="政银合作", category="营商环境")
    assert hits("政银合作") == {mentioning.pk}
    assert signals.worth_rebuilding(13) and not signals.worth_rebuilding(1)


def test_a_bulk_job_catches_up_new_dictionary_words_once_at_its_end():
    from archive.models import Initiative
    from search import dictionary
    from search.signals import batched_indexing, flush_batch

    older = factories.article("重庆高新区基层治理", "创新打造老杨群工党建品牌。", "2021-12-08")
    with batched_indexing():
        Initiative.objects.create(name="老杨群工", category="党建")
        newer = factories.article("老杨群工再升级", "老杨群工服务站。", "2022-03-01")
        flush_batch()
        assert "老杨群工" not in dictionary.read()  # the catch-up waits for the end of the job
        assert newer.pk in hits("服务站")  # the batch's own articles are searchable at once
    assert "老杨群工" in dictionary.read()
    assert hits("老杨群工") == {older.pk, newer.pk}
    assert hits("杨群") == set()


def test_saving_only_fields_the_index_does_not_show_reindexes_nothing(monkeypatch):
    import datetime

    from archive.models import Initiative

    article = factories.article("链长制推进会", "链长制。", "2021-05-01", initiatives=[("链长制", "产业")])
    initiative = Initiative.objects.get(name="链长制")
    updates = []
    backend_class = connections["default"].get_backend().__class__
    original_update = backend_class.update
    monkeypatch.setattr(backend_class, "update", lambda self, index, objects, commit=True: (
        updates.append(len(objects)), original_update(self, index, objects, commit))[1])
    initiative.first_seen = datetime.date(2020, 1, 1)
    initiative.save(update_fields=["first_seen"])
    assert updates == []
    initiative.category = "党建"
    initiative.save(update_fields=["category"])
    assert updates == [1]
    facets = run_search(SearchParams(q="链长制")).facets
    assert dict(facets["initiative_category"]) == {"党建": 1} and article.pk in hits("链长制")

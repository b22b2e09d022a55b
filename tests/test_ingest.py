import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from archive.models import Article, RawPage


def ingest(*paths, **options):
    out, err = StringIO(), StringIO()
    call_command("ingest", *map(str, paths), stdout=out, stderr=err, **options)
    return out.getvalue(), err.getvalue()


@pytest.mark.django_db(transaction=True)
def test_ingest_stores_every_seed_page_with_provenance(parks, seed_dir):
    out, _ = ingest(seed_dir)
    assert "pages: 5 (5 created)" in out
    assert RawPage.objects.count() == 5
    assert Article.objects.count() >= 5
    for raw in RawPage.objects.all():
        original = (seed_dir / raw.file_name).read_bytes()
        assert bytes(raw.content) == original  # kept verbatim
        assert raw.articles.exists()
    assert all(len(a.content_hash) == 64 for a in Article.objects.all())


@pytest.mark.django_db(transaction=True)
def test_second_ingest_changes_nothing(parks, seed_dir):
    ingest(seed_dir)
    before = {a.pk: (a.title, a.body, a.updated_at) for a in Article.objects.all()}
    out, _ = ingest(seed_dir)
    assert "5 unchanged" in out
    assert "0 created, 0 updated" in out
    after = {a.pk: (a.title, a.body, a.updated_at) for a in Article.objects.all()}
    assert after == before


@pytest.mark.django_db(transaction=True)
def test_changed_page_updates_its_articles_in_place(parks, tmp_path):
    page = tmp_path / "item.txt"
    page.write_text("成都高新区举行党建活动\n\n3月13日，成都高新区召开会议。\n", encoding="utf-8")
    ingest(page)
    article = Article.objects.get()
    page.write_text("成都高新区举行党建活动\n\n3月13日，成都高新区召开会议，研究部署工作。\n", encoding="utf-8")
    out, _ = ingest(page)
    assert "1 updated" in out
    assert Article.objects.get().pk == article.pk
    assert "研究部署工作" in Article.objects.get().body


@pytest.mark.django_db(transaction=True)
def test_bad_files_are_reported_and_the_rest_loads(parks, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "good.txt").write_text("南宁高新区开启政银合作\n\n近日，南宁高新区举行签约仪式。\n", encoding="utf-8")
    (tmp_path / "broken.txt").write_text("苏州高新区新闻\n\n正文。\n", encoding="utf-8")
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    out, _ = ingest(tmp_path, tmp_path / "missing.txt")
    assert "failed: empty.txt:" in out
    assert "failed: broken.txt: sidecar broken.json is not valid JSON" in out
    assert "missing.txt: no such file or folder" in out
    assert list(RawPage.objects.values_list("file_name", flat=True)) == ["good.txt"]


@pytest.mark.django_db(transaction=True)
def test_sidecar_metadata_is_used(parks, tmp_path):
    (tmp_path / "a.txt").write_text("石家庄高新区35项成果获奖\n\n近日，河北省科学技术奖励大会召开。\n", encoding="utf-8")
    (tmp_path / "a.json").write_text(
        json.dumps({"url": "http://example.org/a", "source": "科技日报", "fetched_at": "2023-06-01T00:00:00"}),
        encoding="utf-8",
    )
    ingest(tmp_path)
    article = Article.objects.get()
    assert article.url == "http://example.org/a"
    assert article.source.name == "科技日报"
    assert RawPage.objects.get().sidecar["source"] == "科技日报"


@pytest.mark.django_db
def test_dry_run_json_writes_nothing_and_prints_one_object_per_article(parks, seed_dir):
    out, err = ingest(seed_dir, dry_run=True, json=True)
    records = [json.loads(line) for line in out.splitlines()]
    assert len(records) >= 5
    required = {"raw", "title", "subtitle", "authors", "source", "url", "published", "date_precision",
                "paragraphs", "flags", "parks", "regions", "figures", "initiatives"}
    for record in records:
        assert required <= set(record)
        assert isinstance(record["paragraphs"], list) and isinstance(record["authors"], list)
    assert {r["raw"] for r in records} == {p.name for p in seed_dir.iterdir()}
    assert "would be stored" in err
    assert RawPage.objects.count() == 0 and Article.objects.count() == 0


@pytest.mark.django_db
def test_json_without_dry_run_is_refused(parks, seed_dir):
    with pytest.raises(CommandError, match="--dry-run"):
        ingest(seed_dir, json=True)

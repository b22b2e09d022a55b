"""Curation through the admin, driven with the test client, checked in search afterwards."""
import io
import zipfile

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group

from archive.models import Article, ArticleFigure, ArticlePark, Figure, Initiative, Park, RawPage
from search.engine import run_search
from search.params import SearchParams

from . import factories

pytestmark = pytest.mark.django_db(transaction=True)


def found(q="", **filters):
    return {hit["id"] for hit in run_search(SearchParams(q=q, filters=filters), page_size=100).hits}


def facet(name):
    return dict(run_search(SearchParams()).facets[name])


def run_action(client, model, action, objects, **extra):
    data = {"action": action, "_selected_action": [o.pk for o in objects], **extra}
    return client.post(f"/admin/archive/{model}/", data, follow=True)


@pytest.fixture
def duplicates():
    first = factories.article("张卫星致辞", "科技部火炬中心党委书记张卫星表示祝贺。", "2020-12-08", figures=[("张卫星", "党委书记")])
    second = factories.article("张衛星出席", "张衛星出席会议。", "2021-12-08")
    twin = Figure.objects.create(name="张衛星", organisation="科技部火炬中心")
    ArticleFigure.objects.create(article=second, figure=twin, role="书记")
    return first, second, Figure.objects.get(name="张卫星"), twin


def test_merge_figures_moves_every_link_and_keeps_names(admin_client, duplicates):
    first, second, keep, twin = duplicates
    page = run_action(admin_client, "figure", "merge_selected", [keep, twin])
    assert "选择要保留的一项" in page.content.decode()
    run_action(admin_client, "figure", "merge_selected", [keep, twin], apply="1", keep=keep.pk)
    keep.refresh_from_db()
    assert not Figure.objects.filter(pk=twin.pk).exists()
    assert "张衛星" in keep.aliases and keep.organisation == "科技部火炬中心"
    assert set(keep.articles.values_list("pk", flat=True)) == {first.pk, second.pk}
    assert facet("figure") == {"张卫星": 2}
    assert LogEntry.objects.filter(object_id=str(keep.pk), change_message__contains="合并").exists()


def test_merge_needs_two_items(admin_client, duplicates):
    *_, keep, _twin = duplicates
    page = run_action(admin_client, "figure", "merge_selected", [keep]).content.decode()
    assert "至少选择两项" in page


def test_merge_parks_moves_links_entities_and_names(admin_client):
    keep = factories.park("成都高新区", full_name="成都高新技术产业开发区")
    proposed = Park.objects.create(full_name="成都高新", short_name="成都高新", status=Park.Status.PROPOSED)
    article = factories.article("成都高新发布", "成都高新发布项目。", "2022-01-01", parks=[proposed])
    Initiative.objects.create(name="双孵化", park=proposed)
    run_action(admin_client, "park", "merge_selected", [keep, proposed], apply="1", keep=keep.pk)
    keep.refresh_from_db()
    assert "成都高新" in keep.aliases
    assert Initiative.objects.get().park == keep
    assert list(article.parks.all()) == [keep]
    assert found(park=["成都高新区"]) == {article.pk}


def test_merge_initiatives_keeps_earliest_first_seen(admin_client):
    a = Initiative.objects.create(name="十大党建共建项目", first_seen="2021-12-08")
    b = Initiative.objects.create(name="十大共建项目", first_seen="2020-12-08")
    run_action(admin_client, "initiative", "merge_selected", [a, b], apply="1", keep=a.pk)
    a.refresh_from_db()
    assert str(a.first_seen) == "2020-12-08" and a.aliases == ["十大共建项目"]


def test_hide_and_publish_follow_through_to_search(admin_client):
    article = factories.article("两江新区二次创业", "两江新区。", "2022-09-28")
    run_action(admin_client, "article", "hide", [article])
    assert found("两江新区") == set()
    assert admin_client.get(f"/articles/{article.pk}/").status_code == 404
    run_action(admin_client, "article", "publish", [article])
    assert found("两江新区") == {article.pk}
    assert LogEntry.objects.filter(object_id=str(article.pk), change_message="隐藏").exists()


def test_editing_in_the_admin_updates_search(admin_client):
    article = factories.article("新区建设", "新区建设稳步推进。", "2021-03-01")
    form = admin_client.get(f"/admin/archive/article/{article.pk}/change/")
    assert form.status_code == 200
    data = {
        "title": "新区建设", "subtitle": "", "body": "新区建设引入氢能项目。", "published": "2021-03-01",
        "date_precision": "day", "date_evidence": "", "authors": "[]", "url": "", "flags": "[]", "reviewed": "on",
        "sections": "[]", "regions": "[]", "original_script": "simplified",
    }
    for prefix in ("park_links", "figure_links", "initiative_links"):
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
    response = admin_client.post(f"/admin/archive/article/{article.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert found("氢能") == {article.pk}


def test_deleting_in_the_admin_removes_from_search(admin_client):
    article = factories.article("石家庄高新区获奖", "获奖。", "2023-01-01")
    admin_client.post(f"/admin/archive/article/{article.pk}/delete/", {"post": "yes"})
    assert not Article.objects.filter(pk=article.pk).exists()
    assert found("获奖") == set()


def test_review_queue_lists_flagged_unreviewed_articles_with_raw_page(admin_client):
    flagged = factories.article("乱码文章", "正文。", flags=["mojibake"], cleaning_report=[{"action": "flagged", "reason": "mojibake", "text": "ÂÃ"}])
    factories.article("干净文章", "正文。")
    page = admin_client.get("/admin/archive/article/?queue=review").content.decode()
    assert "乱码文章" in page and "干净文章" not in page
    assert "乱码文章" in admin_client.get("/admin/archive/article/?flag=mojibake").content.decode()
    change = admin_client.get(f"/admin/archive/article/{flagged.pk}/change/").content.decode()
    assert "mojibake" in change and "原始页面内容" in change
    run_action(admin_client, "article", "mark_reviewed", [flagged])
    assert "乱码文章" not in admin_client.get("/admin/archive/article/?queue=review").content.decode()


def test_rerun_restores_text_from_the_raw_page(admin_client, parks, tmp_path):
    from django.core.management import call_command

    page = tmp_path / "item.txt"
    page.write_text("南宁高新区开启政银合作\n\n近日，南宁高新区举行签约仪式。\n", encoding="utf-8")
    call_command("ingest", str(page), verbosity=0)
    article = Article.objects.get()
    Article.objects.filter(pk=article.pk).update(body="被改坏的正文")
    response = run_action(admin_client, "article", "rerun_pipeline", [article])
    assert "页面 1 个" in response.content.decode()
    assert "签约仪式" in Article.objects.get().body


def test_a_removed_automatic_link_stays_removed_after_extraction(admin_client, parks, tmp_path):
    from django.core.management import call_command

    page = tmp_path / "item.txt"
    page.write_text("南宁高新区开启政银合作\n\n近日，南宁高新区举行签约仪式。\n", encoding="utf-8")
    call_command("ingest", str(page), verbosity=0)
    article = Article.objects.get()
    link = article.park_links.get()
    data = {
        "title": article.title, "subtitle": article.subtitle, "body": article.body, "published": "",
        "date_precision": article.date_precision, "date_evidence": article.date_evidence, "authors": "[]", "url": "",
        "flags": "[]", "sections": "[]", "regions": "[]", "original_script": "simplified",
        "park_links-TOTAL_FORMS": "1", "park_links-INITIAL_FORMS": "1", "park_links-0-id": link.pk,
        "park_links-0-article": article.pk, "park_links-0-park": link.park_id, "park_links-0-salience": link.salience,
        "park_links-0-count": link.count, "park_links-0-origin": link.origin, "park_links-0-DELETE": "on",
        "figure_links-TOTAL_FORMS": "0", "figure_links-INITIAL_FORMS": "0",
        "initiative_links-TOTAL_FORMS": "0", "initiative_links-INITIAL_FORMS": "0",
    }
    response = admin_client.post(f"/admin/archive/article/{article.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert ArticlePark.objects.get(pk=link.pk).rejected
    call_command("extract", str(article.pk), verbosity=0)
    assert ArticlePark.objects.get(pk=link.pk).rejected
    assert found(park=["南宁高新区"]) == set()


def upload(client, *files):
    return client.post("/admin/archive/rawpage/upload/", {"files": list(files)}, follow=True)


def named(name, content):
    handle = io.BytesIO(content)
    handle.name = name
    return handle


def test_upload_single_files_through_the_pipeline(admin_client, parks):
    response = upload(admin_client, named("a.txt", "常州高新区打造新能源之都\n\n近日，常州高新区出台实施意见。\n".encode("gbk")))
    assert "新建文章 1" in response.content.decode()
    assert RawPage.objects.get().file_name == "a.txt"
    assert found("新能源") == {Article.objects.get().pk}
    assert LogEntry.objects.filter(change_message__contains="上传").exists()


def test_upload_zip_rejects_traversal_and_bombs_and_loads_the_rest(admin_client, parks):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("pages/good.txt", "荣昌高新区获批联动创新区\n\n日前，荣昌高新区榜上有名。\n")
        archive.writestr("pages/good.json", '{"source": "科技日报", "url": "http://example.org/r"}')
        archive.writestr("../evil.txt", "越界")
        archive.writestr("bomb.txt", "0" * (5 * 1024 * 1024))
        archive.writestr("notes.exe", "MZ")
    page = upload(admin_client, named("batch.zip", buffer.getvalue())).content.decode()
    assert "unsafe path" in page and "zip bomb" in page and "not a page file" in page
    article = Article.objects.get()
    assert article.source.name == "科技日报" and article.url == "http://example.org/r"
    assert found("荣昌高新区") == {article.pk}


def test_upload_of_a_broken_zip_is_explained(admin_client, parks):
    page = upload(admin_client, named("broken.zip", b"PK\x03\x04 not really")).content.decode()
    assert "not a readable zip file" in page
    assert not RawPage.objects.exists()


def test_curator_group_edits_content_but_not_users(client, django_user_model):
    curator = django_user_model.objects.create_user("curator", password="pw-long-enough-3", is_staff=True)
    curator.groups.add(Group.objects.get(name="curator"))
    client.force_login(curator)
    assert client.get("/admin/archive/article/").status_code == 200
    assert client.get("/admin/archive/figure/").status_code == 200
    assert client.get("/admin/auth/user/").status_code == 403
    assert client.get("/admin/auth/group/").status_code == 403

"""Every page a visitor or an admin reaches answers, and shows what it is about."""
import pytest

from archive.models import Article, Figure, Initiative, Park

from . import factories

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def linked():
    park = factories.park("成都高新区", full_name="成都高新技术产业开发区", macro_regions=["成渝地区双城经济圈"])
    article = factories.article(
        "成都高新区发布十大党建共建项目", "成都高新区发布十大党建共建项目。\n\n张卫星表示祝贺。", "2020-12-08",
        source="科技日报", parks=[park], figures=[("张卫星", "党委书记")], initiatives=[("十大党建共建项目", "党建")],
        authors=["雍黎"], url="http://example.org/a",
    )
    return article


def test_home_shows_figures_latest_articles_and_parks(client, linked):
    page = client.get("/").content.decode()
    assert "成都高新区发布十大党建共建项目" in page
    assert 'href="/parks/' in page
    assert "2020" in page


def test_article_page_shows_text_metadata_and_entity_links(client, linked):
    page = client.get(linked.get_absolute_url()).content.decode()
    for expected in ("张卫星表示祝贺。", "2020-12-08", "科技日报", "雍黎", "http://example.org/a",
                     Park.objects.get().get_absolute_url(), Figure.objects.get().get_absolute_url(),
                     Initiative.objects.get().get_absolute_url(), "factory-"):
        assert expected in page


def test_hidden_article_is_not_found(client, linked):
    Article.objects.filter(pk=linked.pk).update(is_hidden=True)
    response = client.get(linked.get_absolute_url())
    assert response.status_code == 404
    assert "返回首页" in response.content.decode()


@pytest.mark.parametrize("model", [Park, Figure, Initiative])
def test_entity_pages_list_their_articles(client, linked, model):
    page = client.get(model.objects.get().get_absolute_url()).content.decode()
    assert "成都高新区发布十大党建共建项目" in page


def test_unknown_entity_is_a_404(client, db):
    assert client.get("/parks/不存在/").status_code == 404
    assert client.get("/figures/999/").status_code == 404
    assert client.get("/articles/999/").status_code == 404


@pytest.mark.parametrize("model", ["park", "article", "figure", "initiative", "source", "rawpage", "savedsearch"])
def test_admin_lists_every_model(admin_client, linked, model):
    response = admin_client.get(f"/admin/archive/{model}/")
    assert response.status_code == 200


def test_admin_article_change_form_with_inlines(admin_client, linked):
    response = admin_client.get(f"/admin/archive/article/{linked.pk}/change/")
    assert response.status_code == 200
    assert "张卫星" in response.content.decode()


def test_admin_search_in_chinese(admin_client, linked):
    page = admin_client.get("/admin/archive/article/?q=党建").content.decode()
    assert "成都高新区发布十大党建共建项目" in page


def test_chinese_by_default_even_for_english_browsers_and_english_on_request(client, db):
    page = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert 'lang="zh-hans"' in page
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert 'lang="en"' in client.get("/").content.decode()


def test_article_page_lists_where_the_same_text_also_appeared(client, db):
    first = factories.article("赛力斯项目入驻两江新区", "正文。", "2022-09-18", source="科技日报", reuse_cluster=None)
    repost = factories.article("赛力斯项目入驻两江新区（转载）", "正文。", "2022-09-20", source="转载网")
    Article.objects.filter(pk__in=[first.pk, repost.pk]).update(reuse_cluster=first.pk)
    page = client.get(first.get_absolute_url()).content.decode()
    assert "同文也发表于" in page and repost.get_absolute_url() in page

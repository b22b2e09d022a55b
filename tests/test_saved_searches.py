"""Saved searches: each reader's own, saved in canonical form, with a private Atom feed."""
import re
from html import escape

import pytest

from archive.models import SavedSearch

from . import factories

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def reader(client, django_user_model):
    user = django_user_model.objects.create_user("reader", password="pw-long-enough-1")
    client.force_login(user)
    return user


@pytest.fixture
def other(django_user_model):
    user = django_user_model.objects.create_user("other", password="pw-long-enough-2")
    return SavedSearch.objects.create(owner=user, name="别人的检索", query_string="q=机密")


def test_saving_requires_sign_in(client, db):
    response = client.post("/search/saved/", {"name": "x", "query_string": "q=党建"})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert SavedSearch.objects.count() == 0


def test_save_list_rename_delete(client, reader):
    response = client.post("/search/saved/", {"name": "党建联盟", "query_string": "year=2020&q=党建&source=报"})
    assert response.status_code == 302
    saved = SavedSearch.objects.get(owner=reader)
    assert saved.query_string == "q=%E5%85%9A%E5%BB%BA&year=2020&source=%E6%8A%A5"  # canonical order
    page = client.get("/search/saved/").content.decode()
    assert "党建联盟" in page and escape(saved.query_string) in page
    client.post(f"/search/saved/{saved.pk}/rename/", {"name": "党建 2020"})
    assert SavedSearch.objects.get().name == "党建 2020"
    client.post(f"/search/saved/{saved.pk}/delete/")
    assert not SavedSearch.objects.exists()


def test_invalid_search_is_not_saved(client, reader):
    client.post("/search/saved/", {"name": "坏", "query_string": "from=not-a-date"})
    client.post("/search/saved/", {"name": "   ", "query_string": "q=党建"})
    assert not SavedSearch.objects.exists()


def test_one_reader_cannot_see_change_or_delete_anothers(client, reader, other):
    assert "别人的检索" not in client.get("/search/saved/").content.decode()
    assert client.post(f"/search/saved/{other.pk}/rename/", {"name": "偷改"}).status_code == 404
    assert client.post(f"/search/saved/{other.pk}/delete/").status_code == 404
    assert SavedSearch.objects.get(pk=other.pk).name == "别人的检索"


def test_saved_search_feed_lists_matching_articles(client, reader):
    factories.article("成都高新区党建联盟成立", "党建联盟。", "2020-12-08")
    factories.article("无关新闻", "氢能。", "2021-01-01")
    client.post("/search/saved/", {"name": "党建", "query_string": "q=党建"})
    page = client.get("/search/saved/").content.decode()
    feed_url = re.search(r'href="(/search/saved/feed/[^"]+/)"', page).group(1)
    client.logout()
    feed = client.get(feed_url)
    assert feed.status_code == 200 and feed["Content-Type"].startswith("application/atom+xml")
    body = feed.content.decode()
    assert "成都高新区党建联盟成立" in body and "无关新闻" not in body
    assert client.get("/search/saved/feed/forged-token/").status_code == 404


def test_any_search_has_an_atom_feed(client, db):
    factories.article("两江新区二次创业", "两江新区。", "2022-09-28")
    feed = client.get("/search/atom/?q=两江新区")
    assert feed.status_code == 200
    assert "两江新区二次创业" in feed.content.decode()


def test_results_page_offers_save_to_signed_in_readers(client, reader):
    page = client.get("/search/?q=%E5%85%9A%E5%BB%BA").content.decode()
    assert 'action="/search/saved/"' in page and 'name="query_string"' in page

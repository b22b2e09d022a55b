import datetime

import pytest

from archive.models import Article, Park, RawPage, SavedSearch


@pytest.mark.django_db
def test_park_slug_and_names():
    park = Park.objects.create(full_name="成都高新技术产业开发区", short_name="成都高新区", aliases=["成都高新"])
    assert park.slug == "成都高新区"
    assert park.get_absolute_url() == "/parks/%E6%88%90%E9%83%BD%E9%AB%98%E6%96%B0%E5%8C%BA/"
    assert park.all_names() == ["成都高新技术产业开发区", "成都高新区", "成都高新"]
    assert str(park) == "成都高新区"


@pytest.mark.django_db
def test_park_cities_split_on_semicolon():
    park = Park.objects.create(full_name="陕西西咸新区", short_name="西咸新区", city="西安市;咸阳市", kind="new_area")
    assert park.cities() == ["西安市", "咸阳市"]


def make_article(**fields):
    raw = RawPage.objects.create(file_name=f"page-{RawPage.objects.count()}.txt", checksum="x", content=b"raw")
    defaults = {"title": "标题", "body": "第一段。\n\n第二段。", "raw_page": raw, "content_hash": "h"}
    defaults.update(fields)
    return Article.objects.create(**defaults)


@pytest.mark.django_db
def test_article_date_display_follows_precision():
    day = make_article(published=datetime.date(2022, 12, 8), date_precision="day")
    month = make_article(published=datetime.date(2022, 12, 1), date_precision="month")
    year = make_article(published=datetime.date(2022, 1, 1), date_precision="year")
    unknown = make_article()
    assert [a.published_display for a in (day, month, year, unknown)] == ["2022-12-08", "2022-12", "2022", ""]


@pytest.mark.django_db
def test_article_paragraphs_and_visibility():
    article = make_article()
    hidden = make_article(is_hidden=True)
    assert article.paragraphs() == ["第一段。", "第二段。"]
    assert list(Article.objects.visible()) == [article]
    assert hidden not in Article.objects.visible()


@pytest.mark.django_db
def test_raw_page_text_decodes_with_recorded_encoding():
    raw = RawPage.objects.create(file_name="gbk.txt", checksum="c", content="党建".encode("gbk"), encoding="gbk")
    assert raw.text() == "党建"


@pytest.mark.django_db
def test_saved_search_belongs_to_owner(django_user_model):
    user = django_user_model.objects.create_user("reader", password="pw-12345678")
    saved = SavedSearch.objects.create(owner=user, name="党建", query_string="q=党建")
    assert list(user.saved_searches.all()) == [saved]

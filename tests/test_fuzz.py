"""Random and adversarial search input: never a server error, never input echoed unescaped."""
from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from . import factories
from .markup import live_markup

pytestmark = pytest.mark.django_db(transaction=True)

NASTY = st.sampled_from([
    "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)", "' OR 1=1 --",
    "((((", "))))", '"""', "title:", "park:\"", "NOT", "OR OR", "-", "--", "*", "?", "~2", "^3", "[a TO b]",
    "\x00", "\x1b[31m", "\ud800", "\udfff", "黨建" * 300, "高新区" * 500, "%00", "\u202e", "django_ct:archive.article",
])
TEXT = st.one_of(st.text(max_size=80), NASTY, st.text(alphabet="党建高新区新区两江成都重庆 \"()-:", max_size=30))
FIELDS = ["q", "region", "park", "year", "month", "source", "initiative_category", "figure", "from", "to", "sort", "page", "collapse", "format"]
QUERY = st.lists(st.tuples(st.sampled_from(FIELDS), TEXT), max_size=8)


def encode(pairs):
    # Lone surrogates cannot be UTF-8 encoded by a browser either; send them as the bytes a client would.
    return urlencode([(k, v.encode("utf-8", "surrogatepass")) for k, v in pairs])


@pytest.fixture
def corpus(db):
    park = factories.park("成都高新区", full_name="成都高新技术产业开发区")
    factories.article("成都高新区党建联盟", "党建联盟。<script>alert(0)</script>", "2020-12-08", parks=[park], source="科技日报")
    factories.article("两江新区二次创业", "两江新区。", "2022-09-28")


FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@FUZZ
@given(pairs=QUERY)
def test_search_page_never_fails_and_escapes_input(client, corpus, pairs):
    response = client.get(f"/search/?{encode(pairs)}", follow=True)
    assert response.status_code == 200
    assert live_markup(response.content.decode()) == []


@FUZZ
@given(pairs=QUERY)
def test_search_json_and_api_never_fail(client, corpus, pairs):
    for path in ("/search/", "/api/search"):
        response = client.get(f"{path}?{encode(pairs + [('format', 'json')])}", follow=True)
        assert response.status_code in (200, 400), (path, pairs, response.status_code)
        data = response.json()
        if response.status_code == 200:
            assert all("<script" not in r["snippet"] for r in data["results"])


@FUZZ
@given(page=st.one_of(st.integers(min_value=-10**20, max_value=10**20).map(str), TEXT))
def test_entity_api_pages_never_fail(client, corpus, page):
    response = client.get(f"/api/parks?{encode([('page', page)])}")
    assert response.status_code in (200, 400)

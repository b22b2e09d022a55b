"""Search through the web interface: analysis traps, syntax, facets, filters, errors, JSON."""
import pytest

from archive.models import Article, ArticlePark

from . import factories

pytestmark = pytest.mark.django_db(transaction=True)


def search_json(client, query_string):
    response = client.get(f"/search/?{query_string}&format=json" if query_string else "/search/?format=json", follow=True)
    assert response.status_code == 200, response.content[:300]
    return response.json()


def titles(client, query_string):
    return sorted(r["title"] for r in search_json(client, query_string)["results"])


@pytest.fixture
def corpus():
    chongqing = factories.park("重庆高新区", province="重庆市", city="重庆市", macro_regions=["成渝地区双城经济圈"], full_name="重庆高新技术产业开发区")
    liangjiang = factories.park("两江新区", province="重庆市", city="重庆市", macro_regions=["成渝地区双城经济圈"], full_name="重庆两江新区")
    chengdu = factories.park("成都高新区", province="四川省", city="成都市", macro_regions=["成渝地区双城经济圈"], full_name="成都高新技术产业开发区")
    suzhou = factories.park("苏州高新区", province="江苏省", city="苏州市", macro_regions=["长三角"], full_name="苏州高新技术产业开发区")
    return {
        "liangjiang": factories.article("两江新区全面开启二次创业", "两江新区召开干部大会。", "2022-09-28", source="科技日报", parks=[liangjiang]),
        "generic": factories.article("新区建设取得进展", "新区建设稳步推进。", "2021-03-01", source="新华社"),
        "apart": factories.article("重庆市召开会议", "重庆市召开会议，高新区代表参加。", "2021-05-02", source="新华社"),
        "together": factories.article("重庆高新区发布政策", "重庆高新区发布人才政策。", "2023-01-10", source="A B", parks=[chongqing]),
        "phrase": factories.article("国家高新区建设", "推动国家高新区建设。", "2020-12-08", source="报", parks=[chengdu],
                                    figures=[("张卫星", "党委书记")], initiatives=[("十大党建共建项目", "党建")]),
        "split": factories.article("国家支持高新区", "国家支持高新区发展。", "2020-11-02", parks=[suzhou]),
        "party": factories.article("成渝地区国家高新区党建联盟", "党建联盟发布十大项目。", "2020-12-08", parks=[chengdu, chongqing]),
    }


def test_search_page_and_json_find_seed_articles(client, seeded):
    response = client.get("/search/?q=党建")
    assert response.status_code == 200
    data = search_json(client, "q=党建")
    assert data["total"] >= 4
    assert {"total", "page", "results", "facets"} <= set(data)
    first = data["results"][0]
    assert set(first) == {"id", "title", "published", "source", "url", "parks", "snippet"}
    assert "<mark>党建</mark>" in " ".join(r["snippet"] for r in data["results"])
    assert Article.objects.get(pk=first["id"]).title == first["title"]


def test_traditional_query_finds_simplified_text(client, corpus):
    assert "成渝地区国家高新区党建联盟" in titles(client, "q=黨建聯盟")


def test_entity_name_does_not_match_every_xinqu(client, corpus):
    # 新区 is a word of its own; neither 两江新区 (an entity) nor 高新区 (高新 + 区) contains it.
    assert titles(client, "q=新区") == ["新区建设取得进展"]
    assert titles(client, "q=两江新区") == ["两江新区全面开启二次创业"]


def test_unspaced_park_name_does_not_match_its_words_apart(client, corpus):
    assert titles(client, "q=重庆高新区") == ["重庆高新区发布政策"]


def test_quoted_phrase_matches_the_exact_sequence(client, corpus):
    result = titles(client, 'q="国家高新区"')
    assert "国家高新区建设" in result
    assert "国家支持高新区" not in result


def test_spaced_words_must_all_occur_and_or_and_not_work(client, corpus):
    assert titles(client, "q=国家 发展") == ["国家支持高新区"]
    assert set(titles(client, "q=两江新区 OR 重庆高新区")) == {"两江新区全面开启二次创业", "重庆高新区发布政策"}
    assert "新区建设取得进展" not in titles(client, "q=建设 -新区")


def test_field_queries(client, corpus):
    assert titles(client, "q=title:政策") == ["重庆高新区发布政策"]
    assert set(titles(client, "q=park:成都高新区")) == {"国家高新区建设", "成渝地区国家高新区党建联盟"}
    assert titles(client, "q=figure:张卫星") == ["国家高新区建设"]


def test_malformed_syntax_falls_back_with_a_notice(client, corpus):
    data = search_json(client, 'q="国家高新区')
    assert data["notices"]
    assert data["total"] >= 1


def test_snippet_highlights_whole_words_and_escapes_text(client, db):
    factories.article("脚本测试", "<script>alert(1)</script> 国家高新区建设")
    data = search_json(client, "q=高新")
    snippet = data["results"][0]["snippet"]
    assert "<script>" not in snippet and "&lt;script&gt;" in snippet
    assert "<mark>高新区</mark>" in snippet


def test_facet_counts_match_the_database(client, corpus):
    data = search_json(client, "")
    facets = {name: {v["value"]: v["count"] for v in values} for name, values in data["facets"].items()}
    for park_name, count in facets["park"].items():
        assert count == ArticlePark.objects.filter(park__short_name=park_name).count()
    assert facets["source"] == {"新华社": 2, "科技日报": 1, "A B": 1, "报": 1}
    assert facets["year"] == {"2020": 3, "2021": 2, "2022": 1, "2023": 1}
    assert facets["month"]["2020-12"] == 2
    assert facets["region"]["成渝地区双城经济圈"] == 4
    assert facets["region"]["重庆市"] == 3
    assert facets["figure"] == {"张卫星": 1}
    assert facets["initiative_category"] == {"党建": 1}


def test_facet_values_with_spaces_and_single_characters_filter(client, corpus):
    assert titles(client, "source=A+B") == ["重庆高新区发布政策"]
    assert titles(client, "source=报") == ["国家高新区建设"]


def test_values_in_one_facet_or_and_facets_and(client, corpus):
    assert set(titles(client, "source=A+B&source=报")) == {"重庆高新区发布政策", "国家高新区建设"}
    assert titles(client, "source=A+B&source=报&year=2023") == ["重庆高新区发布政策"]
    data = search_json(client, "source=A+B&source=报&year=2023")
    sources = {v["value"]: v["count"] for v in data["facets"]["source"]}
    # The chosen facet is counted without its own filter, so alternatives stay visible.
    assert sources["A B"] == 1 and "新华社" not in sources


def test_date_range_and_sort(client, corpus):
    assert set(titles(client, "from=2021&to=2021-12")) == {"新区建设取得进展", "重庆市召开会议"}
    newest = [r["title"] for r in search_json(client, "sort=newest")["results"]]
    oldest = [r["title"] for r in search_json(client, "sort=oldest")["results"]]
    assert newest[0] == "重庆高新区发布政策" and oldest[0] == "国家支持高新区"


@pytest.mark.parametrize(
    "query_string",
    ["from=2021-13-45", "to=yesterday", "page=0", "page=-3", "page=99999999999", "sort=sideways",
     "park=不存在的园区", "q=%00%01", "q=" + "党" * 2000, "q=(((", "q=django_ct:x", "year=abc&month=2020-99"],
)
def test_bad_input_gets_a_message_never_an_error(client, corpus, query_string):
    response = client.get(f"/search/?{query_string}", follow=True)
    assert response.status_code == 200
    data = search_json(client, query_string)
    # Control characters are dropped and unknown fields read as words; everything else is explained.
    assert data["notices"] or query_string.startswith(("q=%00", "q=django_ct"))


def test_page_past_the_end_shows_the_last_page_with_a_notice(client, corpus):
    data = search_json(client, "page=5")
    assert data["page"] == 1
    assert any("5" in notice for notice in data["notices"])


def test_same_state_has_one_canonical_url(client, corpus):
    response = client.get("/search/?year=2020&q=高新区&source=报&source=A+B")
    assert response.status_code == 302
    canonical = response["Location"]
    assert canonical == client.get("/search/?source=A+B&q=高新区&source=报&year=2020")["Location"]
    assert client.get(canonical).status_code == 200


def test_hidden_and_deleted_articles_leave_search_at_once(client, corpus):
    corpus["together"].is_hidden = True
    corpus["together"].save()
    assert "重庆高新区发布政策" not in titles(client, "q=重庆高新区")
    corpus["liangjiang"].delete()
    assert titles(client, "q=两江新区") == []


def test_editing_an_article_updates_search_at_once(client, corpus):
    article = corpus["generic"]
    article.body = "新区建设稳步推进，氢能产业起步。"
    article.save()
    assert titles(client, "q=氢能") == ["新区建设取得进展"]


def test_a_name_new_to_the_dictionary_is_found_whole_in_older_articles(client, db):
    from archive.models import Initiative

    older = factories.article("重庆高新区基层治理", "创新打造老杨群工党建引领基层治理特色品牌。", "2021-12-08")
    Initiative.objects.create(name="老杨群工", category="党建")
    # The initiative is now one word for search; the article indexed before it must still match.
    assert titles(client, "q=老杨群工") == ["重庆高新区基层治理"]
    assert older.pk in [r["id"] for r in search_json(client, "q=老杨群工")["results"]]
    assert titles(client, "q=杨群") == []  # not cut into 老 / 杨群 / 工


def test_snippet_finds_a_word_past_the_opening_characters_and_one_cut_off_by_them():
    from search.snippets import OPENING, first_occurrence, snippet

    filler = "园区新闻。" * (OPENING // 5 + 40)
    assert "<mark>氢能</mark>" in snippet(filler + "氢能产业链再添新项目。", ["氢能"])
    # 新能源 starts two characters before the opening ends; 能 alone would start later.
    body = "会" * (OPENING - 2) + "新能源汽车" + "能"
    assert first_occurrence(body, ["能", "新能源"]) == OPENING - 2
    assert first_occurrence("园区建设" * 300, ["氢能"]) == 0

"""Export, citation, API, feeds and trends: what researchers do after they find articles."""
import csv
import datetime
import io
import json
import tracemalloc

import jsonschema
import pytest

from archive.citation import Citable, apa, bibtex, gbt7714, meta_tags, ris
from archive.models import Article, Park

from . import factories

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def corpus():
    park = factories.park("成都高新区", full_name="成都高新技术产业开发区", macro_regions=["成渝地区双城经济圈"])
    return [
        factories.article("成都高新区发布十大党建共建项目", "党建联盟发布项目。", "2020-12-08", source="科技日报", parks=[park],
                          figures=[("张卫星", "党委书记")], initiatives=[("十大党建共建项目", "党建")], authors=["雍黎", "赵鹏"]),
        factories.article("=HYPERLINK(\"http://evil\")", "-2+3 党建 @SUM(A1)", "2021-01-05", source="新华社"),
        factories.article("党建引领产业", "党建引领高质量发展。", "2021-01-20"),
        factories.article("氢能产业园", "氢能。", "2021-02-03"),
    ]


def read_csv(response):
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(body.lstrip("\ufeff"))))


def test_csv_export_has_all_matches_with_bom_and_neutralised_formulas(client, corpus):
    response = client.get("/search/export.csv?q=党建&sort=oldest")
    assert response["Content-Type"].startswith("text/csv")
    rows = read_csv(response)
    assert [r["title"] for r in rows] == ["成都高新区发布十大党建共建项目", "'=HYPERLINK(\"http://evil\")", "党建引领产业"]
    assert rows[1]["text"] == "'-2+3 党建 @SUM(A1)"
    assert rows[0]["parks"] == "成都高新区" and rows[0]["figures"] == "张卫星（党委书记）"
    assert rows[0]["authors"] == "雍黎; 赵鹏" and rows[0]["permalink"].endswith(f"/articles/{corpus[0].pk}/")


def test_jsonl_export_carries_metadata_and_entities(client, corpus):
    response = client.get("/search/export.jsonl?park=成都高新区")
    records = [json.loads(line) for line in b"".join(response.streaming_content).decode().splitlines()]
    assert len(records) == 1
    record = records[0]
    assert record["initiatives"] == [{"name": "十大党建共建项目", "category": "党建"}]
    assert record["parks"][0]["province"] == "四川省" and record["published"] == "2020-12-08"


def test_export_excludes_hidden_articles(client, corpus):
    Article.objects.filter(pk=corpus[2].pk).update(is_hidden=True)
    rows = read_csv(client.get("/search/export.csv?q=党建"))
    assert "党建引领产业" not in [r["title"] for r in rows]


def export_peak_memory(client, url) -> tuple[int, int]:
    tracemalloc.start()
    rows = sum(chunk.count(b"\n") for chunk in client.get(url).streaming_content)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return rows, peak


def test_large_export_streams_in_bounded_memory(client, db):
    raw = factories.article("样本", "样本").raw_page
    Article.objects.bulk_create(
        Article(title=f"第{i}篇", body=f"{'园区新闻。' * 100}{'大样本' if i >= 1000 else '小样本'}", raw_page=raw,
                position=i + 1, content_hash=str(i))
        for i in range(5000)
    )
    from search.rebuild import build

    build()
    small_rows, small_peak = export_peak_memory(client, "/search/export.jsonl?q=小样本")
    large_rows, large_peak = export_peak_memory(client, "/search/export.jsonl?q=大样本")
    assert (small_rows, large_rows) == (1000, 4000)
    # Four times the rows (~12 MB more text) must not cost four times the memory: rows are streamed.
    assert large_peak < 1.5 * small_peak, (small_peak, large_peak)


CITABLE = Citable("gaoxin7", "重庆两江新区全面开启二次创业", ["雍黎", "赵鹏"], "科技日报", datetime.date(2022, 10, 10), "day",
                  "http://127.0.0.1:8000/articles/7/", datetime.date(2026, 11, 22))


def test_gbt7714():
    assert gbt7714(CITABLE) == "雍黎, 赵鹏. 重庆两江新区全面开启二次创业[N/OL]. 科技日报, 2022-10-10[2026-11-22]. http://127.0.0.1:8000/articles/7/."


def test_apa():
    assert apa(CITABLE) == "雍黎, & 赵鹏. (2022, October 10). 重庆两江新区全面开启二次创业. 科技日报. http://127.0.0.1:8000/articles/7/"
    no_author = Citable("k", "标题", [], "", None, "unknown", "http://x/", datetime.date(2026, 1, 1))
    assert apa(no_author) == "标题. (n.d.). http://x/"


def test_bibtex():
    text = bibtex(CITABLE)
    assert text.startswith("@article{gaoxin7,\n")
    assert "  author = {雍黎 and 赵鹏}" in text and "  date = {2022-10-10}" in text and "journal = {科技日报}" in text


def test_ris():
    lines = ris(CITABLE).split("\r\n")
    assert lines[0] == "TY  - NEWS" and "AU  - 雍黎" in lines and "AU  - 赵鹏" in lines
    assert "DA  - 2022/10/10" in lines and lines[-2] == "ER  -"


def test_month_precision_is_not_invented_as_a_day():
    month = Citable("k", "标题", [], "新华社", datetime.date(2021, 3, 1), "month", "http://x/", datetime.date(2026, 1, 1))
    assert "2021-03[" in gbt7714(month) and "(2021, March)" in apa(month)
    assert ("citation_publication_date", "2021/03") in meta_tags(month)


def test_cite_endpoint_serves_each_style(client, corpus):
    pk = corpus[0].pk
    assert "[N/OL]" in client.get(f"/articles/{pk}/cite/gbt7714").content.decode()
    bib = client.get(f"/articles/{pk}/cite/bibtex")
    assert bib["Content-Disposition"].endswith('.bib"') and "雍黎 and 赵鹏" in bib.content.decode()
    assert client.get(f"/articles/{pk}/cite/ris")["Content-Type"].startswith("application/x-research-info-systems")
    assert client.get(f"/articles/{pk}/cite/mla").status_code == 404


def validate(client, path, schema_name, status=200):
    response = client.get(path)
    assert response.status_code == status, response.content[:300]
    document = client.get("/api/openapi.json").json()
    jsonschema.validate(response.json(), {"$ref": f"#/components/schemas/{schema_name}", "components": document["components"]})
    return response.json()


def test_api_matches_its_openapi_description(client, parks, corpus):
    document = client.get("/api/openapi.json").json()
    jsonschema.Draft202012Validator.check_schema({"components": document["components"]})
    data = validate(client, "/api/search?q=党建&year=2021", "SearchResponse")
    assert data["total"] == 2
    validate(client, f"/api/articles/{corpus[0].pk}", "Article")
    listing = validate(client, "/api/parks", "ParkPage")
    assert listing["count"] == Park.objects.count() and listing["next"].endswith("page=2")
    validate(client, f"/api/parks/{listing['results'][0]['slug']}", "Park")
    validate(client, "/api/figures", "FigurePage")
    validate(client, "/api/initiatives", "InitiativePage")
    validate(client, "/api/articles/999999", "Error", status=404)
    validate(client, "/api/parks?page=999", "Error", status=400)
    validate(client, "/api/parks?page=abc", "Error", status=400)


def test_api_hides_hidden_articles(client, corpus):
    Article.objects.filter(pk=corpus[0].pk).update(is_hidden=True)
    assert client.get(f"/api/articles/{corpus[0].pk}").status_code == 404


def test_api_is_rate_limited_per_client(client, settings, db):
    settings.GAOXIN_RATE_LIMITS = {**settings.GAOXIN_RATE_LIMITS, "api": 3}
    from django.core.cache import cache

    cache.clear()
    statuses = [client.get("/api/parks", REMOTE_ADDR="10.9.9.9").status_code for _ in range(5)]
    assert statuses == [200, 200, 200, 429, 429]
    assert client.get("/api/parks", REMOTE_ADDR="10.9.9.8").status_code == 200
    limited = client.get("/api/parks", REMOTE_ADDR="10.9.9.9")
    assert limited.json()["error"] == "rate_limited" and int(limited["Retry-After"]) <= 60


def test_opensearch_description(client, db):
    body = client.get("/opensearch.xml").content.decode()
    assert "OpenSearchDescription" in body and "/search/?q={searchTerms}" in body


def test_trend_counts_match_the_database(client, corpus):
    response = client.get("/search/trends/?term=党建&term=氢能&format=csv")
    rows = list(csv.reader(io.StringIO(response.content.decode().lstrip("\ufeff"))))
    assert rows[0] == ["month", "党建", "氢能"]
    table = {row[0]: row[1:] for row in rows[1:]}
    assert list(table) == ["2020-12", "2021-01", "2021-02"]
    for month, (party, hydrogen) in table.items():
        year, number = map(int, month.split("-"))
        in_month = Article.objects.filter(published__year=year, published__month=number)
        assert int(party) == in_month.filter(body__contains="党建").count()
        assert int(hydrogen) == in_month.filter(body__contains="氢能").count()


def test_trends_normalised_by_the_months_articles(client, corpus):
    response = client.get("/search/trends/?term=党建&term=氢能&normalise=1&format=csv")
    table = {row[0]: row[1:] for row in csv.reader(io.StringIO(response.content.decode().lstrip("\ufeff")))}
    # January has two articles, both on 党建; February's one article is on 氢能.
    assert table["2021-01"] == ["1.0", "0.0"] and table["2021-02"] == ["0.0", "1.0"]
    page = client.get("/search/trends/?term=党建&term=氢能")
    assert page.status_code == 200 and "<polyline" in page.content.decode()

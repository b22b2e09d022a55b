"""Facet counts from the per-segment tables stay true through edits, deletions and rebuilds."""
import pytest
from haystack import connections

from archive.models import Article
from search import rebuild
from search.engine import run_search, searcher
from search.params import SearchParams

from . import factories

pytestmark = pytest.mark.django_db(transaction=True)


def facets(**filters):
    outcome = run_search(SearchParams(q="党建", filters=filters))
    return outcome.total, outcome.facets


def database_source_counts() -> dict[str, int]:
    counts = {}
    for article in Article.objects.visible().filter(body__contains="党建").select_related("source"):
        counts[article.source.name] = counts.get(article.source.name, 0) + 1
    return counts


def make_articles(count: int):
    return [
        factories.article(f"党建报道{n}", f"党建工作第{n}篇。", f"20{10 + n % 5}-03-01", source=f"来源{n % 3}")
        for n in range(count)
    ]


def test_counts_follow_edits_and_deletions_in_older_segments():
    articles = make_articles(6)  # one index segment per save
    assert facets()[0] == 6
    articles[0].delete()
    moved = articles[1]
    moved.source = articles[2].source
    moved.save()
    total, counted = facets()
    assert total == 5
    assert dict(counted["source"]) == database_source_counts()
    assert dict(counted["year"]) == {"2010": 1, "2011": 1, "2012": 1, "2013": 1, "2014": 1}  # one 2010 deleted


def test_a_chosen_facet_is_recounted_without_its_own_filter():
    make_articles(6)
    total, counted = facets(source=["来源0"])
    assert total == 2
    assert dict(counted["source"]) == {"来源0": 2, "来源1": 2, "来源2": 2}
    assert dict(counted["year"]) == {"2010": 1, "2013": 1}


def test_a_parallel_rebuild_writes_several_segments_and_counts_the_same(monkeypatch):
    make_articles(250)  # more than one of the writer's batches of 100, so both processes get work
    monkeypatch.setattr(rebuild, "PARALLEL_FROM", 1)
    rebuild.build(procs=1)
    single = facets(source=["来源1"])
    rebuild.build(procs=2)
    assert len(searcher().reader().leaf_readers()) >= 2
    assert facets(source=["来源1"]) == single
    assert single[0] == 83
    assert connections["default"].get_backend().index.doc_count() == 250


QUERIES = [
    "党建", "党建 新能源", '"高质量发展"', "高质量发展", '"发展 高质量"', "党建 OR 氢能", "党建 NOT 氢能",
    '"新能源汽车" 党建', "新能源", "汽车产业", "title:党建", '"不存在的短语"', "成都高新区 -党建", "高新",
]


def test_matched_documents_agree_with_whoosh_on_every_kind_of_query():
    from search.docsets import matched_documents
    from search.engine import parse_query

    bodies = [
        "推动高质量发展，党建引领。", "高质量的发展离不开党建。", "新能源汽车产业链党建联盟。", "氢能与新能源汽车。",
        "成都高新区推动高质量发展。", "发展高质量产业。", "新能源产业，汽车制造。",
    ]
    articles = [factories.article(f"报道{n}", body, "2021-01-01") for n, body in enumerate(bodies * 3)]
    articles[0].delete()  # a deletion in an older segment
    articles[5].body = "氢能项目。"
    articles[5].save()
    search = searcher()
    for text in QUERIES:
        query = parse_query(text, search.schema, [])
        expected = set(search.docs_for_query(query))
        assert set(matched_documents(search, query).nonzero()[0].tolist()) == expected, text


def test_a_phrase_ranks_by_its_words_but_finds_only_the_phrase():
    factories.article("甲", "推动高质量发展。高质量发展。", "2021-01-01")
    factories.article("乙", "高质量产业发展，高质量产业发展。", "2021-01-01")
    outcome = run_search(SearchParams(q='"高质量发展"'))
    assert outcome.total == 1
    assert [Article.objects.get(pk=hit["id"]).title for hit in outcome.hits] == ["甲"]


def test_a_number_per_document_read_from_its_column_is_the_table_its_postings_give():
    from search.facet_counts import FacetTable

    articles = [factories.article(f"转载{n}", "高新区新闻。", "2021-01-01") for n in range(12)]
    Article.objects.filter(pk__in=[a.pk for a in articles[3:7]]).update(reuse_cluster=articles[3].pk)
    for article in articles[3:7] + articles[:2]:
        article.refresh_from_db()
        article.save()  # reindexed: a repost group, and deletions in older segments
    articles[9].delete()
    readers = searcher().reader().leaf_readers()
    assert len(readers) > 1 and any(reader.has_deletions() for reader, _offset in readers)
    for reader, _offset in readers:
        # (document, value) pairs: postings also list the values only deleted documents had.
        tables = FacetTable.from_column(reader, "reuse"), FacetTable.from_postings(reader, "reuse")
        pairs = [sorted((doc, table.values[index]) for doc, index in zip(table.docs.tolist(), table.value_index.tolist())) for table in tables]
        assert pairs[0] == pairs[1] and pairs[0]
    outcome = run_search(SearchParams(q="高新区", collapse=True))
    assert outcome.total == 11 - 3  # four reposts shown as one

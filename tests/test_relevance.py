"""Ranking computed on postings arrays gives whoosh's own scores and order."""
import random

import numpy as np
import pytest
from whoosh.query import And, Term

from archive.models import Article
from search import engine
from search.docsets import matched_documents
from search.engine import parse_query, ranked_by_words, run_search, searcher
from search.params import SearchParams
from search.relevance import top_documents

from . import factories

pytestmark = pytest.mark.django_db(transaction=True)

WORDS = ["党建", "新能源", "高质量", "发展", "汽车", "氢能", "产业", "园区", "创新", "人才"]
QUERIES = [
    "党建", "党建 新能源", "新能源 OR 氢能", "党建 NOT 氢能", '"高质量发展"', "高质量发展", "title:党建",
    "党建^3 氢能", "(党建 OR 人才) 创新", "(党建 新能源)^2", "创新 -人才", "不存在的词",
]


@pytest.fixture
def varied_articles():
    """Articles of different lengths and word counts, in several segments, with a deletion and
    an edit in older segments."""
    rng = random.Random(11)
    articles = []
    for n in range(40):
        words = rng.choices(WORDS, k=rng.randint(3, 60))
        if n % 4 == 0:
            words.insert(rng.randint(0, len(words)), "高质量发展")
        title = "".join(rng.sample(WORDS, 2))
        articles.append(factories.article(f"{title}{n}", "，".join(words) + "。", "2021-01-01"))
    articles[3].delete()
    articles[7].body = "党建，党建，党建，氢能。"
    articles[7].save()
    return articles


def whoosh_ranking(search, query, matched):
    results = search.search(engine.restricted(query, matched, search), limit=None)
    return [(hit.docnum, hit.score) for hit in results]


def test_scores_and_order_are_whooshs_on_every_kind_of_query(varied_articles):
    search = searcher()
    assert len(search.leaf_searchers()) > 1
    for text in QUERIES:
        query = parse_query(text, search.schema, [])
        matched = matched_documents(search, query)
        ours = top_documents(search, ranked_by_words(query), matched, limit=len(matched))
        assert ours is not None, text
        theirs = whoosh_ranking(search, ranked_by_words(query), matched)
        assert [doc for doc, _ in ours] == [doc for doc, _ in theirs], text
        assert np.allclose([s for _, s in ours], [s for _, s in theirs], rtol=1e-9, atol=0), text


def test_only_the_first_documents_are_returned_and_ties_keep_index_order(varied_articles):
    search = searcher()
    query = parse_query("title:党建", search.schema, [])
    matched = matched_documents(search, query)
    full = top_documents(search, query, matched, limit=len(matched))
    assert top_documents(search, query, matched, limit=3) == full[:3]
    for (doc_a, score_a), (doc_b, score_b) in zip(full, full[1:]):
        assert score_a > score_b or (score_a == score_b and doc_a < doc_b)


def test_queries_it_cannot_score_exactly_are_left_to_whoosh(varied_articles):
    search = searcher()
    boosted_group = And([Term("text", "党建"), Term("text", "新能源")], boost=2.0)
    for query in [parse_query("党*", search.schema, []), boosted_group]:
        assert top_documents(search, query, matched_documents(search, query), limit=10) is None, query


def test_result_pages_are_the_same_whichever_ranks_them(varied_articles, monkeypatch):
    def pages(text, **filters):
        return [
            [hit["id"] for hit in run_search(SearchParams(q=text, filters=filters, page=page), page_size=4).hits]
            for page in (1, 2, 3)
        ]

    cases = [("党建", {}), ('"高质量发展"', {}), ("新能源 OR 氢能", {"year": ["2021"]})]
    ours = [pages(text, **filters) for text, filters in cases]
    monkeypatch.setattr(engine, "top_documents", lambda *args: None)
    assert ours == [pages(text, **filters) for text, filters in cases]
    assert all(any(page) for page in ours[0])
    assert Article.objects.filter(pk__in=ours[0][0]).count() == 4

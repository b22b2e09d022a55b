"""Decoded postings kept per process: the same answers as decoding afresh, within the budget."""
import numpy as np
import pytest
from django.test import override_settings

from archive.models import Article
from search import postings
from search.docsets import matched_documents
from search.engine import backend, parse_query, ranked_by_words, run_search, searcher
from search.params import SearchParams
from search.relevance import top_documents

from .test_relevance import QUERIES, varied_articles  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def nothing_kept():
    postings.kept.clear()
    yield
    postings.kept.clear()


def answers(search):
    """Every query's matches, and the ranking of its matches."""
    found = {}
    for text in QUERIES:
        query = parse_query(text, search.schema, [])
        matched = matched_documents(search, query)
        found[text] = (matched.tolist(), top_documents(search, ranked_by_words(query), matched, limit=len(matched)))
    return found


def test_kept_postings_answer_as_freshly_decoded_ones(varied_articles, monkeypatch):
    search = searcher()
    monkeypatch.setattr(postings, "KEEP_FROM", 10**9)
    fresh = answers(search)
    assert postings.kept.bytes == 0

    monkeypatch.setattr(postings, "KEEP_FROM", 1)
    assert answers(search) == fresh  # decoded whole, then kept
    kinds = {key[3] for key in postings.kept._entries}
    assert kinds == {"weights", "positions"} and postings.kept.bytes > 0
    assert not any(array.flags.writeable for arrays in postings.kept._entries.values() for array in arrays)
    assert answers(search) == fresh  # read from what was kept


def test_a_phrase_inside_a_document_set_matches_there_as_without_keeping(varied_articles, monkeypatch):
    from search.docsets import segment_mask

    search = searcher()
    query = parse_query('"高质量发展"', search.schema, [])
    leaf, _offset = max(search.leaf_searchers(), key=lambda pair: pair[0].doc_count_all())
    within = np.zeros(leaf.doc_count_all(), dtype=bool)
    within[::2] = True
    monkeypatch.setattr(postings, "KEEP_FROM", 10**9)
    fresh = segment_mask(leaf, query, within) & within
    monkeypatch.setattr(postings, "KEEP_FROM", 1)
    segment_mask(leaf, query, None)  # keeps the words' positions for the whole segment
    assert (segment_mask(leaf, query, within) & within).tolist() == fresh.tolist()
    assert fresh.any()


def test_a_document_deleted_after_its_words_were_kept_is_not_found(varied_articles, monkeypatch):
    monkeypatch.setattr(postings, "KEEP_FROM", 1)
    before = {hit["id"] for hit in run_search(SearchParams(q="党建"), page_size=100).hits}
    assert postings.kept.bytes > 0
    gone = min(before)
    Article.objects.get(pk=gone).delete()
    after = {hit["id"] for hit in run_search(SearchParams(q="党建"), page_size=100).hits}
    assert after == before - {gone}


def test_the_words_of_merged_away_segments_are_forgotten(varied_articles, monkeypatch):
    monkeypatch.setattr(postings, "KEEP_FROM", 1)
    search = searcher()
    answers(search)
    old_segments = {key[0] for key in postings.kept._entries}
    assert len(old_segments) > 1
    backend().index.optimize()  # one segment replaces them all
    answers(searcher())
    kept_segments = {key[0] for key in postings.kept._entries}
    live = {postings.segment_key(leaf.reader()) for leaf, _offset in searcher().leaf_searchers()}
    assert kept_segments == live and not kept_segments & old_segments


@override_settings(GAOXIN_POSTINGS_CACHE_MB=1)
def test_what_is_kept_stays_within_the_budget_least_recently_used_going_first():
    kept, third = postings.KeptArrays(), np.zeros(2**20 // 3 // 8, dtype=np.float64)
    for name in "abc":
        kept.put(("segment", "text", name.encode(), "weights"), (third,))
    assert kept.get(("segment", "text", b"a", "weights")) is not None  # a is now the most recent
    kept.put(("segment", "text", b"d", "weights"), (third,))
    assert [key[2] for key in kept._entries] == [b"c", b"a", b"d"]
    assert kept.bytes == 3 * third.nbytes <= 2**20

    kept.put(("segment", "text", b"huge", "weights"), (np.zeros(2**20 // 8 + 1),))
    assert kept.get(("segment", "text", b"huge", "weights")) is None
    assert kept.bytes == 3 * third.nbytes

    kept.put(("other", "text", b"e", "weights"), (np.zeros(8),))
    kept.keep_only({"other"})
    assert list(kept._entries) == [("other", "text", b"e", "weights")] and kept.bytes == 64


@override_settings(GAOXIN_POSTINGS_CACHE_MB=0)
def test_a_budget_of_zero_keeps_nothing_and_search_still_works(varied_articles, monkeypatch):
    monkeypatch.setattr(postings, "KEEP_FROM", 1)
    assert run_search(SearchParams(q="党建 新能源")).total > 0
    assert postings.kept.bytes == 0 and not postings.kept._entries

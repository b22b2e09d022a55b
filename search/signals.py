"""Keeping the search index and the segmentation dictionary in step with the database.

Changes are gathered per thread and applied once the transaction commits: an ingest of a page
touches its articles and their links many times but reindexes each article once, and a rolled
back change never reaches the index.
"""
import logging
import threading
from contextlib import contextmanager

from django.db import transaction
from django.db.models import Q, signals
from haystack import connections
from haystack.signals import BaseSignalProcessor

from archive.models import (
    Article, ArticleFigure, ArticleInitiative, ArticlePark, Figure, Initiative, Park, Source,
)

from . import dictionary

log = logging.getLogger(__name__)
LINK_MODELS = (ArticlePark, ArticleFigure, ArticleInitiative)
ENTITY_MODELS = (Park, Figure, Initiative)
# What the index and the word file read of each entity (search_indexes.py, dictionary.py).
INDEXED_FIELDS = {
    Park: {"full_name", "short_name", "aliases", "province", "macro_regions", "status"},
    Figure: {"name", "aliases"},
    Initiative: {"name", "aliases", "category"},
}

_pending = threading.local()


def pending() -> dict:
    if not hasattr(_pending, "state"):
        _pending.state = {"articles": set(), "dictionary": False, "batched": False}
    return _pending.state


def article_index():
    return connections["default"].get_unified_index().get_index(Article)


REINDEX_CHUNK = 500


def reindex_articles(article_ids) -> None:
    """Index the visible ones among `article_ids`, and drop the rest from the index.

    In chunks: a new dictionary word can touch thousands of articles, and SQLite refuses an
    IN (...) list of that size once the index's prefetches join it.
    """
    article_ids = sorted(set(article_ids))
    index = article_index()
    backend = index.get_backend()
    for start in range(0, len(article_ids), REINDEX_CHUNK):
        chunk = set(article_ids[start : start + REINDEX_CHUNK])
        visible = list(index.index_queryset().filter(pk__in=chunk))
        backend.update(index, visible)
        backend.remove_many([f"archive.article.{pk}" for pk in chunk - {a.pk for a in visible}])


def articles_mentioning(words) -> set[int]:
    """Visible articles whose text contains any of `words`.

    A name new to the dictionary (老杨群工) was indexed as whatever jieba made of it in context
    (老 / 杨群 / 工党); a query now looks for it whole, so those articles must be indexed again.
    The database is asked, because the old pieces depend on each sentence and cannot be searched for.
    """
    words = [w for w in words if w]
    if not words:
        return set()
    mentions = Q()
    for word in words:
        mentions |= Q(title__contains=word) | Q(body__contains=word)
    return set(Article.objects.visible().filter(mentions).values_list("pk", flat=True))


# A dictionary catch-up that touches more than this share of a large archive rebuilds the
# index instead (one writer per core, swapped in at the end): at 100k articles, indexing nearly
# all of them again chunk by chunk took ~45 min in one process, a rebuild 13.
REBUILD_SHARE = 0.3


def worth_rebuilding(article_count: int) -> bool:
    from .rebuild import PARALLEL_FROM

    total = Article.objects.visible().count()
    return total >= PARALLEL_FROM and article_count > REBUILD_SHARE * total


def flush(with_dictionary: bool = True) -> None:
    state = pending()
    if state["batched"]:
        return  # a bulk job indexes its articles in batches; see batched_indexing()
    article_ids, state["articles"] = state["articles"], set()
    rewrite_dictionary = state["dictionary"] and with_dictionary
    state["dictionary"] = state["dictionary"] and not with_dictionary
    if rewrite_dictionary:
        before = dictionary.read()
        after = set(dictionary.archive_words())
        article_ids |= articles_mentioning(after - before)
        dictionary.write(dictionary.in_file_order(after))
        dictionary.expire()
    try:
        if rewrite_dictionary and worth_rebuilding(len(article_ids)):
            from .rebuild import build

            log.warning("%s articles mention new dictionary words: rebuilding the search index", len(article_ids))
            build()
        else:
            reindex_articles(article_ids)
    except Exception:
        # The database change is committed either way; say loudly that search lags behind.
        log.exception("search index update failed for articles %s", sorted(article_ids))
        raise


@contextmanager
def batched_indexing():
    """Gather index updates across many transactions and apply them when `flush_batch()` is
    called and at the end: one index commit per batch instead of one per page."""
    state = pending()
    state["batched"] = True
    try:
        yield
    finally:
        state["batched"] = False
        flush()


def flush_batch() -> None:
    """Index the batch's articles. New dictionary words wait for the end of the job: each one
    means reindexing every older article that mentions it (thousands, at 10k articles, for a
    programme name that recurs), so the job does that once, for all its new words together.
    Until then the batch is indexed with the old word file; the final catch-up finds its
    articles again, as they mention the new words. A job killed before the end leaves the word
    file unwritten, so the next flush still sees every word as new."""
    state = pending()
    state["batched"] = False
    try:
        flush(with_dictionary=False)
    finally:
        state["batched"] = True


def index_missing(article_ids) -> int:
    """Index those of `article_ids` the index lacks (after a crash between commit and indexing)."""
    from .engine import searcher

    search = searcher()
    missing = [pk for pk in article_ids if search.document_number(id=f"archive.article.{pk}") is None]
    reindex_articles(Article.objects.visible().filter(pk__in=missing).values_list("pk", flat=True))
    return len(missing)


def schedule(article_ids=(), rewrite_dictionary=False) -> None:
    state = pending()
    state["articles"].update(article_ids)
    state["dictionary"] = state["dictionary"] or rewrite_dictionary
    transaction.on_commit(flush)


class ArticleSignalProcessor(BaseSignalProcessor):
    def setup(self):
        for model in (Article, *LINK_MODELS, *ENTITY_MODELS, Source):
            signals.post_save.connect(self.changed, sender=model)
            signals.post_delete.connect(self.changed, sender=model)

    def teardown(self):
        for model in (Article, *LINK_MODELS, *ENTITY_MODELS, Source):
            signals.post_save.disconnect(self.changed, sender=model)
            signals.post_delete.disconnect(self.changed, sender=model)

    def changed(self, sender, instance, update_fields=None, **kwargs):
        if update_fields is not None and sender in INDEXED_FIELDS and not INDEXED_FIELDS[sender] & set(update_fields):
            # e.g. ingest moving an initiative's first_seen: nothing the index shows changed, and
            # reindexing every article linked to it cost minutes per batch at 100k articles.
            return
        if sender is Article:
            schedule([instance.pk])
        elif sender in LINK_MODELS:
            schedule([instance.article_id])
        elif sender is Source:
            schedule(instance.articles.values_list("pk", flat=True))
        else:
            # A renamed entity changes the facet values of its articles and the dictionary.
            linked = instance.article_links.values_list("article_id", flat=True) if instance.pk else []
            schedule(linked, rewrite_dictionary=True)


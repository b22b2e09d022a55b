"""Atom feeds: the newest articles matching any search, and each saved search by its secret link."""
from django.contrib.syndication.views import Feed
from django.core import signing
from django.http import Http404, QueryDict
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from archive.models import SavedSearch

from .engine import run_search
from .params import params_from_querydict
from .results import load_articles

FEED_SALT = "saved-search-feed"
FEED_SIZE = 30


def feed_token(saved: SavedSearch) -> str:
    """A secret, unguessable link: feed readers carry no session cookie."""
    return signing.dumps(saved.pk, salt=FEED_SALT)


class SearchResultsFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request):
        params = params_from_querydict(request.GET)
        label = params.q or _("全部文章")
        return {"params": params, "title": _("检索：%(q)s") % {"q": label}}

    def items(self, obj):
        params = obj["params"]
        params.sort, params.page = "newest", 1
        outcome = run_search(params, page_size=FEED_SIZE)
        return load_articles([hit["id"] for hit in outcome.hits])

    def title(self, obj):
        return f"{obj['title']} · Gaoxin Archive"

    def link(self, obj):
        query = obj["params"].query_string(page=1)
        return reverse("search:search") + (f"?{query}" if query else "")

    def subtitle(self, obj):
        return _("高新区新闻档案中符合该检索的最新文章")

    def item_title(self, article):
        return article.title

    def item_description(self, article):
        return " ".join(article.paragraphs()[:2])[:400]

    def item_pubdate(self, article):
        return article.created_at

    def item_updateddate(self, article):
        return article.updated_at

    def item_author_name(self, article):
        return "、".join(article.authors) or None


class SavedSearchFeed(SearchResultsFeed):
    def get_object(self, request, token):
        try:
            pk = signing.loads(token, salt=FEED_SALT)
        except signing.BadSignature:
            raise Http404("unknown feed")
        saved = get_object_or_404(SavedSearch, pk=pk)
        params = params_from_querydict(QueryDict(saved.query_string))
        return {"params": params, "title": saved.name}

"""Baseline (a): what a developer builds without a search engine.

`icontains` on title and body for every word (SQL LIKE '%word%'), the chosen facets as joins,
and each facet's counts as a GROUP BY over the matches (values + annotate + Count). Region is
the linked parks' province, as a model without a region index would have it. Traditional
characters are not folded, so 黨建 finds nothing: the baseline is measured as written.
"""
from django.db.models import Count, Q
from django.db.models.functions import ExtractYear, TruncMonth

PAGE_SIZE = 20
FILTERS = {
    "region": "park_links__park__province__in",
    "park": "park_links__park__short_name__in",
    "year": "published__year__in",
    "source": "source__name__in",
    "initiative_category": "initiative_links__initiative__category__in",
    "figure": "figure_links__figure__name__in",
}
FACET_COLUMNS = {
    "region": "park_links__park__province",
    "park": "park_links__park__short_name",
    "source": "source__name",
    "initiative_category": "initiative_links__initiative__category",
    "figure": "figure_links__figure__name",
}
DATE_FACETS = {"year": ExtractYear("published"), "month": TruncMonth("published")}


def matching(query):
    from archive.models import Article

    matches = Article.objects.visible()
    for word in query.q.replace('"', " ").split():
        matches = matches.filter(Q(title__icontains=word) | Q(body__icontains=word))
    for name, values in query.filters.items():
        matches = matches.filter(**{FILTERS[name]: [int(v) for v in values] if name == "year" else values})
    return matches.distinct()


def search(query) -> int:
    """Total, the first page of ids, and every facet's counts; returns the total."""
    matches = matching(query)
    total = matches.count()
    list(matches.order_by("-published", "pk").values_list("pk", flat=True)[:PAGE_SIZE])
    for column in FACET_COLUMNS.values():
        list(matches.values(column).annotate(n=Count("pk", distinct=True)).order_by("-n"))
    for name, expression in DATE_FACETS.items():
        list(matches.annotate(**{name: expression}).values(name).annotate(n=Count("pk", distinct=True)).order_by("-n"))
    return total

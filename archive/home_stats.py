"""Counts behind the home page's figures and the bar charts on the home and entity pages.

Every function takes a queryset of the articles to count (callers pass visible ones), so the
same chart serves the whole archive, one park or one figure. Bars link to the search page with
the canonical query string of their filter, so a click lands on exactly the counted articles.
"""
from collections import Counter

from django.db.models import Count, Max, Min, Q
from django.db.models.functions import ExtractYear, TruncMonth

from search.params import SearchParams

from .models import Article, ArticlePark, Park
from .regions import PROVINCES


def search_query(**filters) -> str:
    return SearchParams(filters={name: [value] for name, value in filters.items()}).query_string()


def bars(counts: list[tuple[str, int]], link) -> list[dict]:
    """Bars scaled to the tallest, each with the query string that finds its articles."""
    tallest = max((count for _label, count in counts), default=0)
    return [
        {
            "label": label,
            "count": count,
            "height": round(100 * count / tallest) if tallest else 0,
            "url": link(label),
        }
        for label, count in counts
    ]


def months_between(first, last) -> list[str]:
    months = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append(f"{year}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def monthly_timeline(articles) -> list[dict]:
    """Articles per month, with the months between that have none, so gaps show as gaps.

    Articles dated only to a year are left out: they belong to no month.
    """
    rows = list(
        articles.filter(published__isnull=False, date_precision__in=[Article.Precision.DAY, Article.Precision.MONTH])
        .annotate(month=TruncMonth("published"))
        .values("month")
        .annotate(n=Count("pk"))
        .order_by("month")
    )
    if not rows:
        return []
    counts = {f"{row['month']:%Y-%m}": row["n"] for row in rows}
    first, last = rows[0]["month"], rows[-1]["month"]
    return bars([(month, counts.get(month, 0)) for month in months_between(first, last)], lambda m: search_query(month=m))


def yearly_coverage(articles, **filters) -> list[dict]:
    """Articles per year, empty years included; each bar searches `filters` within its year."""
    rows = (
        articles.filter(published__isnull=False)
        .annotate(year=ExtractYear("published"))
        .values("year")
        .annotate(n=Count("pk"))
        .order_by("year")
    )
    counts = {row["year"]: row["n"] for row in rows}
    if not counts:
        return []
    years = range(min(counts), max(counts) + 1)
    return bars([(str(y), counts.get(y, 0)) for y in years], lambda y: search_query(year=y, **filters))


def province_ranking(articles) -> list[dict]:
    """Articles per province, most first, counted as the search index counts its region facet:
    the places an article names plus the provinces of its parks."""
    regions = {pk: set(names) for pk, names in articles.values_list("pk", "regions")}
    park_provinces = ArticlePark.objects.filter(article__in=articles, rejected=False).values_list("article_id", "park__province")
    for pk, province in park_provinces:
        regions[pk].add(province)
    counts = Counter(name for names in regions.values() for name in names if name in PROVINCES)
    ranked = sorted(counts.items(), key=lambda item: (-item[1], PROVINCES.index(item[0])))
    return bars(ranked, lambda province: search_query(region=province))


def with_article_counts(parks, articles):
    """Annotate `n`: how many of `articles` each park is linked to (curators' rejections left out)."""
    return parks.annotate(n=Count("article_links", filter=Q(article_links__rejected=False, article_links__article__in=articles)))


def most_covered_parks(articles, limit=10):
    return with_article_counts(Park.objects.all(), articles).filter(n__gt=0).order_by("-n", "full_name")[:limit]


def archive_figures(articles) -> dict:
    return {
        "article_count": articles.count(),
        "park_count": Park.objects.exclude(status=Park.Status.PROPOSED).count(),
        "span": articles.aggregate(first=Min("published"), last=Max("published")),
    }

from collections import Counter

from django.db.models import F
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext_lazy as _

from search.engine import more_like_this
from search.results import load_articles

from . import home_stats
from .citation import gbt7714, meta_tags
from .cite_views import citable
from .models import Article, Figure, Initiative, Park
from .regions import CITIES, MACRO_REGIONS, PROVINCES, macro_regions_for

ENTITY_PAGE_ARTICLES = 50
# Undated articles last on every database (PostgreSQL would put NULLs first).
NEWEST_FIRST = F("published").desc(nulls_last=True)
REGION_KINDS = {"macro": _("区域"), "province": _("省级行政区"), "city": _("城市")}


def home(request):
    visible = Article.objects.visible()
    return render(
        request,
        "archive/home.html",
        {
            **home_stats.archive_figures(visible),
            "timeline": home_stats.monthly_timeline(visible),
            "provinces": home_stats.province_ranking(visible),
            "latest": visible.select_related("source").order_by(NEWEST_FIRST, "-pk")[:8],
            "top_parks": home_stats.most_covered_parks(visible),
        },
    )


def article_detail(request, pk):
    article = get_object_or_404(Article.objects.visible().select_related("source", "raw_page"), pk=pk)
    cited = citable(request, article)
    context = {
        "article": article,
        "park_links": article.park_links.filter(rejected=False).select_related("park").order_by("salience", "-count"),
        "figure_links": article.figure_links.filter(rejected=False).select_related("figure"),
        "initiative_links": article.initiative_links.filter(rejected=False).select_related("initiative"),
        "similar": load_articles(more_like_this(article.pk)),
        "show_raw": request.GET.get("raw") == "1",
        "citation": gbt7714(cited),
        "citation_meta": meta_tags(cited),
    }
    return render(request, "archive/article.html", context)


def park_detail(request, slug):
    park = get_object_or_404(Park, slug=slug)
    articles = Article.objects.visible().filter(park_links__park=park, park_links__rejected=False).distinct()
    return render(
        request,
        "archive/park.html",
        {
            "park": park,
            "articles": articles.select_related("source").order_by(NEWEST_FIRST, "-pk")[:ENTITY_PAGE_ARTICLES],
            "article_count": articles.count(),
            "coverage": home_stats.yearly_coverage(articles, park=park.display_name),
            "search_all": home_stats.search_query(park=park.display_name),
            "initiatives": park.initiatives.all(),
            "figures": park.figures.all(),
        },
    )


def figure_detail(request, pk):
    figure = get_object_or_404(Figure.objects.select_related("park"), pk=pk)
    links = figure.article_links.filter(rejected=False, article__is_hidden=False).select_related("article", "article__source")
    articles = Article.objects.visible().filter(figure_links__figure=figure, figure_links__rejected=False).distinct()
    return render(
        request,
        "archive/figure.html",
        {
            "figure": figure,
            "links": links.order_by(F("article__published").desc(nulls_last=True)),
            "coverage": home_stats.yearly_coverage(articles, figure=figure.name),
            "search_all": home_stats.search_query(figure=figure.name),
        },
    )


def initiative_detail(request, pk):
    initiative = get_object_or_404(Initiative.objects.select_related("park"), pk=pk)
    articles = initiative.articles.filter(is_hidden=False, initiative_links__rejected=False).distinct()
    return render(
        request,
        "archive/initiative.html",
        {
            "initiative": initiative,
            "articles": articles.select_related("source").order_by(NEWEST_FIRST, "-pk"),
            "search_category": home_stats.search_query(initiative_category=initiative.category),
        },
    )


def listed_parks():
    """Parks a reader can browse by region: proposals awaiting review are left out."""
    return Park.objects.exclude(status=Park.Status.PROPOSED)


def region_kind(name: str) -> str:
    if name in MACRO_REGIONS:
        return "macro"
    if name in PROVINCES:
        return "province"
    if name in CITIES:
        return "city"
    raise Http404(name)


def in_region(park: Park, name: str, kind: str) -> bool:
    if kind == "macro":
        return name in park.macro_regions
    if kind == "province":
        return park.province == name
    return name in park.cities()


def region_index(request):
    parks = list(listed_parks())
    macro = [(name, sum(in_region(p, name, "macro") for p in parks)) for name in MACRO_REGIONS]
    per_province = Counter(p.province for p in parks)
    provinces = [(name, per_province[name]) for name in PROVINCES if per_province[name]]
    return render(request, "archive/regions.html", {"macro_regions": macro, "provinces": provinces})


def region_context(name: str, kind: str) -> dict:
    """What a region page shows besides its parks: the places it is made of or belongs to."""
    if kind == "macro":
        return {"members": MACRO_REGIONS[name]["provinces"] + MACRO_REGIONS[name]["cities"], "belongs_to": []}
    if kind == "province":
        cities = sorted({c for p in listed_parks().filter(province=name) for c in p.cities() if c != name and c in CITIES})
        return {"members": cities, "belongs_to": macro_regions_for(name, [])}
    province = CITIES[name][0]
    return {"members": [], "belongs_to": ([province] if province != name else []) + macro_regions_for(province, [name])}


def region_detail(request, name):
    kind = region_kind(name)
    parks = home_stats.with_article_counts(listed_parks(), Article.objects.visible()).order_by("-n", "province", "full_name")
    return render(
        request,
        "archive/region.html",
        {
            "name": name,
            "kind": REGION_KINDS[kind],
            "parks": [p for p in parks if in_region(p, name, kind)],
            "search": home_stats.search_query(region=name),
            **region_context(name, kind),
        },
    )

from django.db.models import Count, Max, Min, Q
from django.shortcuts import get_object_or_404, render

from search.engine import more_like_this
from search.results import load_articles

from .models import Article, Figure, Initiative, Park


def home(request):
    visible = Article.objects.visible()
    span = visible.aggregate(first=Min("published"), last=Max("published"))
    top_parks = (
        Park.objects.annotate(n=Count("article_links", filter=Q(article_links__rejected=False, article_links__article__is_hidden=False)))
        .filter(n__gt=0)
        .order_by("-n", "full_name")[:10]
    )
    return render(
        request,
        "archive/home.html",
        {
            "article_count": visible.count(),
            "park_count": Park.objects.exclude(status=Park.Status.PROPOSED).count(),
            "span": span,
            "latest": visible.select_related("source").order_by("-published", "-pk")[:8],
            "top_parks": top_parks,
        },
    )


def article_detail(request, pk):
    article = get_object_or_404(Article.objects.visible().select_related("source", "raw_page"), pk=pk)
    context = {
        "article": article,
        "park_links": article.park_links.filter(rejected=False).select_related("park").order_by("salience", "-count"),
        "figure_links": article.figure_links.filter(rejected=False).select_related("figure"),
        "initiative_links": article.initiative_links.filter(rejected=False).select_related("initiative"),
        "similar": load_articles(more_like_this(article.pk)),
        "show_raw": request.GET.get("raw") == "1",
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
            "articles": articles.select_related("source").order_by("-published")[:50],
            "article_count": articles.count(),
            "initiatives": park.initiatives.all(),
            "figures": park.figures.all(),
        },
    )


def figure_detail(request, pk):
    figure = get_object_or_404(Figure, pk=pk)
    links = figure.article_links.filter(rejected=False, article__is_hidden=False).select_related("article", "article__source")
    return render(request, "archive/figure.html", {"figure": figure, "links": links})


def initiative_detail(request, pk):
    initiative = get_object_or_404(Initiative.objects.select_related("park"), pk=pk)
    articles = initiative.articles.filter(is_hidden=False, initiative_links__rejected=False).distinct()
    return render(request, "archive/initiative.html", {"initiative": initiative, "articles": articles.select_related("source")})

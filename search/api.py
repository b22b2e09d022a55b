"""The read-only JSON API: search with the web page's parameters, articles and entities."""
from django.core.paginator import Paginator
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET

from archive.models import Article, Figure, Initiative, Park
from archive.ratelimit import rate_limited
from archive.records import article_record

from .engine import run_search
from .openapi import openapi_document
from .params import params_from_querydict
from .results import as_json, result_rows

PAGE_SIZE = 50


def api_error(status: int, code: str, detail: str) -> JsonResponse:
    return JsonResponse({"error": code, "detail": detail}, status=status, json_dumps_params={"ensure_ascii": False})


def json(data) -> JsonResponse:
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False}, safe=False)


def api_view(view):
    """GET only, rate-limited, and a 404 becomes a JSON error rather than an HTML page."""

    @require_GET
    @rate_limited("api")
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except Http404:
            return api_error(404, "not_found", "no such record")

    wrapped.__name__ = view.__name__
    return wrapped


def paginated(request, queryset, serialise):
    raw_page = request.GET.get("page", "1")
    if not raw_page.isdigit() or int(raw_page) < 1:
        return api_error(400, "invalid_page", f"page must be a positive whole number, got {raw_page[:20]!r}")
    paginator = Paginator(queryset, PAGE_SIZE)
    page_number = int(raw_page)
    if page_number > paginator.num_pages:
        return api_error(400, "invalid_page", f"page {page_number} does not exist; there are {paginator.num_pages}")
    page = paginator.page(page_number)
    base = request.build_absolute_uri(request.path)
    return json(
        {
            "count": paginator.count,
            "page": page_number,
            "pages": paginator.num_pages,
            "next": f"{base}?page={page_number + 1}" if page.has_next() else None,
            "previous": f"{base}?page={page_number - 1}" if page.has_previous() else None,
            "results": [serialise(request, item) for item in page.object_list],
        }
    )


def park_json(request, park):
    return {
        "slug": park.slug, "name": park.display_name, "full_name": park.full_name, "aliases": park.aliases,
        "kind": park.kind, "province": park.province, "city": park.city, "macro_regions": park.macro_regions,
        "approval_year": park.approval_year, "url": request.build_absolute_uri(park.get_absolute_url()),
    }


def figure_json(request, figure):
    return {
        "id": figure.pk, "name": figure.name, "aliases": figure.aliases, "role": figure.role,
        "organisation": figure.organisation, "park": figure.park.display_name if figure.park else None,
        "url": request.build_absolute_uri(figure.get_absolute_url()),
    }


def initiative_json(request, initiative):
    return {
        "id": initiative.pk, "name": initiative.name, "aliases": initiative.aliases, "category": initiative.category,
        "park": initiative.park.display_name if initiative.park else None,
        "first_seen": initiative.first_seen.isoformat() if initiative.first_seen else None,
        "description": initiative.description, "url": request.build_absolute_uri(initiative.get_absolute_url()),
    }


@api_view
def search(request):
    outcome = run_search(params_from_querydict(request.GET))
    return json(as_json(outcome, result_rows(outcome)))


@api_view
def article_detail(request, pk):
    article = get_object_or_404(
        Article.objects.visible().select_related("source").prefetch_related("park_links__park", "figure_links__figure", "initiative_links__initiative"),
        pk=pk,
    )
    return json(article_record(article, request.build_absolute_uri(article.get_absolute_url())))


def entity_views(queryset, serialise, lookup: str):
    """The list and detail endpoints of one kind of entity."""

    @api_view
    def listing(request):
        return paginated(request, queryset.order_by("pk"), serialise)

    @api_view
    def detail(request, key):
        return json(serialise(request, get_object_or_404(queryset, **{lookup: key})))

    return listing, detail


park_list, park_detail = entity_views(Park.objects.exclude(status=Park.Status.PROPOSED), park_json, "slug")
figure_list, figure_detail = entity_views(Figure.objects.select_related("park"), figure_json, "pk")
initiative_list, initiative_detail = entity_views(Initiative.objects.select_related("park"), initiative_json, "pk")


@api_view
def openapi(request):
    return json(openapi_document(request.build_absolute_uri("/api/")))

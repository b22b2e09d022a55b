from dataclasses import replace
from urllib.parse import parse_qsl, urlencode

from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext_lazy as _

from archive.ratelimit import rate_limited
from archive.regions import MACRO_REGIONS

from .engine import run_search
from .params import FACETS, params_from_querydict
from .results import as_json, result_rows


@rate_limited("search")
def search(request):
    params = params_from_querydict(request.GET)
    wants_json = request.GET.get("format") == "json"
    canonical = params.pairs() + ([("format", "json")] if wants_json else [])
    if not params.notices and request_pairs(request) != canonical:
        return redirect(f"{request.path}?{urlencode(canonical)}" if canonical else request.path)

    outcome = run_search(params)
    rows = result_rows(outcome)
    if wants_json:
        return JsonResponse(as_json(outcome, rows), json_dumps_params={"ensure_ascii": False})
    return render(
        request,
        "search/results.html",
        {
            "params": params,
            "outcome": outcome,
            "rows": rows,
            "facet_groups": facet_groups(params, outcome),
            "chips": filter_chips(params),
            "pages": page_links(params, outcome),
            "histogram": month_histogram(params, outcome),
        },
    )


def request_pairs(request) -> list[tuple[str, str]]:
    """The query string's pairs in their order; WSGI hands the raw bytes over as Latin-1."""
    raw = request.META.get("QUERY_STRING", "").encode("iso-8859-1", errors="replace").decode("utf-8", errors="replace")
    return parse_qsl(raw, keep_blank_values=True)


FACET_LABELS = {
    "region": _("地区"),
    "park": _("园区"),
    "year": _("年份"),
    "month": _("月份"),
    "source": _("来源"),
    "initiative_category": _("举措类别"),
    "figure": _("人物"),
}


def filter_chips(params):
    """(label, value, URL without it) for each active filter, so each can be removed on its own."""
    chips = [
        (FACET_LABELS[name], value, params.query_string(without=(name, value), page=1))
        for name, value in params.active_filters
    ]
    for attribute, label in (("date_from", _("起")), ("date_to", _("止"))):
        if getattr(params, attribute):
            chips.append((label, getattr(params, attribute), replace(params, **{attribute: ""}).query_string(page=1)))
    return chips


def facet_groups(params, outcome, limit=12):
    """Facet sidebar entries with the URL that toggles each value."""
    groups = []
    for name in FACETS:
        if name == "month":
            continue  # shown as the histogram
        chosen = set(params.filters.get(name, []))
        values = []
        for value, count in outcome.facets.get(name, [])[: max(limit, len(chosen))]:
            toggle = (
                params.query_string(without=(name, value), page=1)
                if value in chosen
                else params.query_string(adding=(name, value), page=1)
            )
            kind = "macro" if name == "region" and value in MACRO_REGIONS else ""
            values.append({"value": value, "count": count, "chosen": value in chosen, "url": toggle, "kind": kind})
        if values:
            groups.append({"name": name, "label": FACET_LABELS[name], "values": values})
    return groups


def page_links(params, outcome):
    window = range(max(1, outcome.page - 3), min(outcome.page_count, outcome.page + 3) + 1)
    return [{"number": n, "url": params.query_string(page=n), "current": n == outcome.page} for n in window]


def month_histogram(params, outcome):
    """Bars for the matched articles per month, oldest first; a click filters to that month."""
    months = sorted(outcome.facets.get("month", []))
    tallest = max((count for _month, count in months), default=0)
    chosen = set(params.filters.get("month", []))
    return [
        {
            "month": month,
            "count": count,
            "height": round(100 * count / tallest) if tallest else 0,
            "chosen": month in chosen,
            "url": params.query_string(without=("month", month), page=1)
            if month in chosen
            else params.query_string(adding=("month", month), page=1),
        }
        for month, count in months
    ]

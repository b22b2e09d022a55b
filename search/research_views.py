"""What researchers do after finding articles: export, trends, and the OpenSearch description."""
import csv
import io

from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from archive.ratelimit import rate_limited

from .engine import matching_ids
from .export import csv_lines, jsonl_lines
from .params import clean_text, params_from_querydict
from .trends import MAX_TERMS, chart_points, term_trends


def export_response(request, lines, content_type, extension):
    params = params_from_querydict(request.GET)
    ids = matching_ids(params)
    permalink = lambda article: request.build_absolute_uri(article.get_absolute_url())  # noqa: E731
    response = StreamingHttpResponse(lines(ids, permalink), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="gaoxin-archive-export.{extension}"'
    response["X-Result-Count"] = str(len(ids))
    return response


@rate_limited("export")
def export_csv(request):
    return export_response(request, csv_lines, "text/csv; charset=utf-8", "csv")


@rate_limited("export")
def export_jsonl(request):
    return export_response(request, jsonl_lines, "application/x-ndjson; charset=utf-8", "jsonl")


@rate_limited("search")
def trends(request):
    terms = [t for t in (clean_text(v)[:50] for v in request.GET.getlist("term")) if t]
    notices = []
    if len(terms) > MAX_TERMS:
        notices.append(_("最多比较 %(n)d 个词，其余已忽略。") % {"n": MAX_TERMS})
        terms = terms[:MAX_TERMS]
    normalise = request.GET.get("normalise") == "1"
    months, rows = term_trends(terms, normalise) if terms else ([], [])
    table = [(month, [row["values"][index] for row in rows]) for index, month in enumerate(months)]
    if request.GET.get("format") == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        writer.writerow(["month", *terms])
        writer.writerows([month, *values] for month, values in table)
        response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="gaoxin-trends.csv"'
        return response
    return render(request, "search/trends.html", {
        "terms": terms, "normalise": normalise, "months": months, "rows": rows,
        "lines": chart_points(months, rows), "table": table, "notices": notices, "query_string": request.GET.urlencode(),
    })


def opensearch(request):
    search_url = request.build_absolute_uri(reverse("search:search"))
    body = f"""<?xml version="1.0" encoding="UTF-8"?>
<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/">
  <ShortName>高新区新闻档案</ShortName>
  <Description>Gaoxin Archive: 国家高新区与国家级新区新闻检索</Description>
  <InputEncoding>UTF-8</InputEncoding>
  <Language>zh-CN</Language>
  <Url type="text/html" method="get" template="{search_url}?q={{searchTerms}}"/>
  <Url type="application/json" method="get" template="{request.build_absolute_uri('/api/search')}?q={{searchTerms}}"/>
  <Url type="application/atom+xml" method="get" template="{request.build_absolute_uri(reverse('search:feed'))}?q={{searchTerms}}"/>
</OpenSearchDescription>
"""
    return HttpResponse(body, content_type="application/opensearchdescription+xml; charset=utf-8")

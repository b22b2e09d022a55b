from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone

from .citation import STYLES, Citable, render
from .models import Article

DOWNLOADS = {"bibtex": ("application/x-bibtex", "bib"), "ris": ("application/x-research-info-systems", "ris")}


def citable(request, article) -> Citable:
    return Citable.of(article, request.build_absolute_uri(article.get_absolute_url()), timezone.localdate())


def cite(request, pk, style):
    """One article's citation as text; BibTeX and RIS download as files for reference managers."""
    article = get_object_or_404(Article.objects.visible().select_related("source"), pk=pk)
    if style not in STYLES:
        return HttpResponse(f"unknown citation style {style!r}; use one of {', '.join(STYLES)}", status=404, content_type="text/plain; charset=utf-8")
    text = render(style, citable(request, article))
    content_type, extension = DOWNLOADS.get(style, ("text/plain", "txt"))
    response = HttpResponse(text, content_type=f"{content_type}; charset=utf-8")
    if style in DOWNLOADS:
        response["Content-Disposition"] = f'attachment; filename="gaoxin-{article.pk}.{extension}"'
    return response

"""Storing extraction results as links, without undoing a curator's work. Django edge."""
from .extraction import Extraction, ParkEntry
from .models import Article, ArticleFigure, ArticleInitiative, ArticlePark, Figure, Initiative, Park


def gazetteer_entries() -> list[ParkEntry]:
    """The parks extraction may link to: everything but proposals awaiting review."""
    parks = Park.objects.exclude(status=Park.Status.PROPOSED)
    return [
        ParkEntry(p.pk, p.full_name, p.short_name, tuple(p.aliases), p.province, p.city, p.kind) for p in parks
    ]


def curated_keys(links, field: str) -> set:
    """Entities a curator has decided on for this article (added or rejected by hand)."""
    return {
        getattr(link, field)
        for link in links
        if link.origin == ArticlePark.Origin.MANUAL or link.rejected
    }


def apply_extraction(article: Article, extraction: Extraction) -> None:
    link_parks(article, extraction)
    link_figures(article, extraction)
    link_initiatives(article, extraction)
    if article.regions != extraction.regions:
        article.regions = extraction.regions
        article.save(update_fields=["regions"])


def link_parks(article, extraction):
    existing = list(article.park_links.all())
    keep = curated_keys(existing, "park_id")
    article.park_links.filter(origin=ArticlePark.Origin.AUTO, rejected=False).exclude(park_id__in=keep).delete()
    for mention in extraction.parks:
        if mention.key in keep:
            continue
        ArticlePark.objects.create(article=article, park_id=mention.key, salience=mention.salience, count=mention.count)


def link_figures(article, extraction):
    existing = list(article.figure_links.select_related("figure"))
    curated_names = {link.figure.name for link in existing if link.origin == ArticleFigure.Origin.MANUAL or link.rejected}
    article.figure_links.filter(origin=ArticleFigure.Origin.AUTO, rejected=False).delete()
    for mention in extraction.figures:
        if mention.name in curated_names:
            continue
        figure = Figure.objects.filter(name=mention.name, organisation=mention.organisation).first()
        if figure is None:
            figure = Figure.objects.create(name=mention.name, role=mention.role, organisation=mention.organisation)
        ArticleFigure.objects.get_or_create(
            article=article, figure=figure, defaults={"role": mention.role, "quote": mention.quote}
        )


def link_initiatives(article, extraction):
    existing = list(article.initiative_links.select_related("initiative"))
    curated_names = {
        link.initiative.name for link in existing if link.origin == ArticleInitiative.Origin.MANUAL or link.rejected
    }
    article.initiative_links.filter(origin=ArticleInitiative.Origin.AUTO, rejected=False).delete()
    for mention in extraction.initiatives:
        if mention.name in curated_names:
            continue
        initiative = Initiative.objects.filter(name=mention.name).first()
        if initiative is None:
            park = Park.objects.filter(short_name=mention.park).first() if mention.park else None
            initiative = Initiative.objects.create(
                name=mention.name, category=mention.category, park=park, first_seen=article.published
            )
        ArticleInitiative.objects.get_or_create(article=article, initiative=initiative)

"""Storing extraction results as links, without undoing a curator's work. Django edge.

Curation wins: a link a curator added (origin manual) or removed (kept as rejected) is never touched,
and extraction results are matched against the names *and aliases* of existing entities, so an entity
a curator merged (its other names moved into aliases) is found again instead of being re-created.
"""
from collections import defaultdict
from dataclasses import dataclass, fields

from django.utils.text import slugify

from .extraction import Extraction, FigureMention, InitiativeMention, ParkEntry
from .extraction.places import locate
from .models import Article, Figure, Initiative, Link, Park
from .regions import macro_regions_for


@dataclass
class LinkStats:
    added: int = 0
    removed: int = 0
    created: int = 0  # figures and initiatives
    proposed: int = 0  # parks awaiting review

    def __iadd__(self, other):
        for f in fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))
        return self


def gazetteer_entries() -> list[ParkEntry]:
    """The parks extraction may link to: everything but proposals awaiting review."""
    parks = Park.objects.exclude(status=Park.Status.PROPOSED)
    return [
        ParkEntry(p.pk, p.full_name, p.short_name, tuple(p.aliases), p.province, p.city, p.kind) for p in parks
    ]


def names_of(entity) -> set[str]:
    return {entity.name, *entity.aliases}


class EntityIndex:
    """Existing figures, initiatives and parks by every name they carry. Load it once per run (the extract
    command does); it learns the entities created while linking, so one run never creates a twin."""

    def __init__(self):
        self.figures = defaultdict(list)
        self.initiatives = defaultdict(list)
        self.parks = {}
        for figure in Figure.objects.all():
            self.add(self.figures, figure)
        for initiative in Initiative.objects.all():
            self.add(self.initiatives, initiative)
        for park in Park.objects.all():
            self.add_park(park)

    @staticmethod
    def add(table, entity):
        for name in names_of(entity):
            table[name].append(entity)

    def add_park(self, park):
        for name in park.all_names():
            self.parks.setdefault(name, park)

    def park(self, name: str, include_proposed: bool = False) -> Park | None:
        park = self.parks.get(name)
        if park and (include_proposed or park.status != Park.Status.PROPOSED):
            return park
        return None


def apply_extraction(article: Article, extraction: Extraction, index: EntityIndex | None = None) -> LinkStats:
    index = index or EntityIndex()
    stats = LinkStats()
    link_parks(article, extraction, stats)
    propose_parks(extraction, index, stats)
    link_figures(article, extraction, index, stats)
    link_initiatives(article, extraction, index, stats)
    if article.regions != extraction.regions:
        article.regions = extraction.regions
        article.save(update_fields=["regions"])
    return stats


def is_curated(link: Link) -> bool:
    return link.origin == Link.Origin.MANUAL or link.rejected


def sync_links(manager, key_field: str, wanted: dict, stats: LinkStats) -> None:
    """Make the article's automatic links be `wanted` ({entity id: link fields}); curated links stay as they are."""
    existing = {getattr(link, key_field): link for link in manager.all()}
    for key, link in existing.items():
        if key not in wanted and not is_curated(link):
            link.delete()
            stats.removed += 1
    for key, values in wanted.items():
        link = existing.get(key)
        if link is None:
            manager.create(**{key_field: key}, **values)
            stats.added += 1
        elif not is_curated(link) and any(getattr(link, k) != v for k, v in values.items()):
            for name, value in values.items():
                setattr(link, name, value)
            link.save(update_fields=list(values))


def link_parks(article, extraction, stats):
    wanted = {m.key: {"salience": m.salience, "count": m.count} for m in extraction.parks}
    sync_links(article.park_links, "park_id", wanted, stats)


def propose_parks(extraction, index, stats):
    """Zone-like names the gazetteer lacks become proposals for a curator; no article links to them until
    a curator approves one (changes its status), after which the next extraction links it like any park."""
    for name in extraction.proposed_parks:
        if index.park(name, include_proposed=True):
            continue
        province, city = locate(name)
        park = Park.objects.create(
            full_name=name,
            short_name=name,
            kind=Park.Kind.NEW_AREA if name.endswith("新区") else Park.Kind.HITECH_ZONE,
            province=province,
            city=city,
            macro_regions=macro_regions_for(province, [city]),
            slug=unique_slug(name),
            status=Park.Status.PROPOSED,
        )
        index.add_park(park)
        stats.proposed += 1


def unique_slug(name: str) -> str:
    base = slugify(name, allow_unicode=True) or "park"
    slug, number = base, 2
    while Park.objects.filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def already_linked(entities, name: str):
    """The entity this article is already linked to under `name`, curated or not: reruns reuse it, and a
    link a curator rejected keeps blocking that entity."""
    return next((entity for entity in entities if name in names_of(entity)), None)


def link_figures(article, extraction, index, stats):
    linked = [link.figure for link in article.figure_links.select_related("figure")]
    wanted = {}
    for mention in extraction.figures:
        figure = already_linked(linked, mention.name) or resolve_figure(mention, extraction, index, stats)
        wanted.setdefault(figure.pk, {"role": mention.role[:200], "quote": mention.quote})
    sync_links(article.figure_links, "figure_id", wanted, stats)


def resolve_figure(mention: FigureMention, extraction: Extraction, index: EntityIndex, stats: LinkStats) -> Figure:
    """One Figure per real person. The same name merges only with the same organisation (or, both
    organisations unknown, the same stated role: 习近平总书记); any other namesake gets a new Figure marked
    for review, since silently merging two people is worse than a duplicate a curator can merge."""
    namesakes = index.figures.get(mention.name, [])
    for figure in namesakes:
        if mention.organisation and figure.organisation == mention.organisation:
            return figure
        if not mention.organisation and not figure.organisation and mention.role and figure.role == mention.role:
            return figure
    figure = Figure.objects.create(
        name=mention.name[:50],
        role=mention.role[:200],
        organisation=mention.organisation[:200],
        park=park_of_organisation(mention.organisation, extraction, index),
        needs_review=bool(namesakes),
    )
    index.add(index.figures, figure)
    stats.created += 1
    return figure


def park_of_organisation(organisation: str, extraction: Extraction, index: EntityIndex) -> Park | None:
    """南宁高新区行政审批局 works for 南宁高新区."""
    for mention in extraction.parks:
        if mention.name and mention.name in organisation:
            return index.park(mention.name)
    return None


def link_initiatives(article, extraction, index, stats):
    linked = [link.initiative for link in article.initiative_links.select_related("initiative")]
    wanted = {}
    for mention in extraction.initiatives:
        initiative = already_linked(linked, mention.name) or resolve_initiative(mention, article, index, stats)
        if article.published and (initiative.first_seen is None or article.published < initiative.first_seen):
            initiative.first_seen = article.published
            initiative.save(update_fields=["first_seen"])
        wanted.setdefault(initiative.pk, {})
    sync_links(article.initiative_links, "initiative_id", wanted, stats)


def resolve_initiative(mention: InitiativeMention, article, index: EntityIndex, stats: LinkStats) -> Initiative:
    """Generic names recur across parks (五大工程), so a namesake run by another park is a different
    initiative, created for review; one whose park is unknown on either side is the same."""
    park = index.park(mention.park) if mention.park else None
    namesakes = index.initiatives.get(mention.name, [])
    for initiative in namesakes:
        if park is None or initiative.park_id is None or initiative.park_id == park.pk:
            return initiative
    initiative = Initiative.objects.create(
        name=mention.name[:100],
        category=mention.category,
        park=park,
        first_seen=article.published,
        needs_review=bool(namesakes),
    )
    index.add(index.initiatives, initiative)
    stats.created += 1
    return initiative

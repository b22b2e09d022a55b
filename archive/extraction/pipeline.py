"""Cleaned text and the gazetteer in, every entity the article names out."""
from functools import lru_cache

from .figures import find_figures
from .initiatives import find_initiatives
from .parks import ParkMatcher, park_mentions
from .places import find_places, regions_for
from .text import Document
from .types import Extraction, ParkEntry


@lru_cache(maxsize=4)
def _matcher(entries: tuple[ParkEntry, ...]) -> ParkMatcher:
    return ParkMatcher(entries)


def matcher_for(gazetteer: list[ParkEntry]) -> ParkMatcher:
    """One matcher per distinct gazetteer, however often it is passed in (ingest passes it per article)."""
    return _matcher(tuple(gazetteer))


def extract_entities(
    title: str, paragraphs: list[str], gazetteer: list[ParkEntry], matcher: ParkMatcher | None = None
) -> Extraction:
    doc = Document(title, paragraphs)
    matcher = matcher or matcher_for(gazetteer)
    hits = matcher.hits(doc.text)
    parks = park_mentions(doc, hits)
    return Extraction(
        parks=parks,
        regions=regions_for(parks, find_places(doc)),
        figures=find_figures(doc),
        initiatives=find_initiatives(doc, hits),
        proposed_parks=matcher.proposals(doc.text, hits),
    )

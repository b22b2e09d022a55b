"""A first, minimal extractor: parks by exact name, regions from their provinces."""
from .types import Extraction, ParkEntry, ParkMention


def extract_entities(title: str, paragraphs: list[str], gazetteer: list[ParkEntry]) -> Extraction:
    text = "\n".join([title, *paragraphs])
    mentions = []
    for park in gazetteer:
        count = sum(text.count(name) for name in park.names())
        if count:
            salience = "subject" if any(name in title for name in park.names()) else "mention"
            mentions.append(
                ParkMention(park.key, park.short_name or park.full_name, park.full_name, park.province, park.city, salience, count)
            )
    regions = sorted({m.province for m in mentions if m.province})
    return Extraction(parks=mentions, regions=regions)

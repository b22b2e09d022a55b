"""Words the search segmenter should keep whole: entity names and aliases. Pure function."""
from .aliases import park_aliases
from .types import ParkEntry


def dictionary_words(parks: list[ParkEntry], figures=(), initiatives=()) -> list[str]:
    """Park names with every generated alias, and the names and aliases of figures and initiatives
    (anything with `.name` and optional `.aliases`), deduplicated and sorted."""
    words = {alias for park in parks for alias in park_aliases(park)}
    for entity in (*figures, *initiatives):
        words |= {entity.name, *getattr(entity, "aliases", ())}
    return sorted(word for word in words if len(word) >= 2)

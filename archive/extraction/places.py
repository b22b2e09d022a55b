"""Provinces, cities and macro-regions named in an article, and the region list built from them and its parks."""
from ..regions import CITIES, MACRO_REGION_NAMES, MACRO_REGIONS, PROVINCES, macro_regions_for, place_names
from .text import Document
from .types import ParkMention

PLACES = place_names()
MACRO_NAMES = {alias: region for region, aliases in MACRO_REGION_NAMES.items() for alias in aliases}
# What may stay glued to a place name inside one jieba token: 成都市委, 四川省委, 四川人.
GLUED_AFFIXES = {"省委", "市委", "区委", "县委", "州委", "委", "人", "籍", "省", "市"}


def scan(text: str, names: dict[str, str]):
    """Leftmost-longest occurrences of `names` as (start, end, value)."""
    lengths = sorted({len(n) for n in names}, reverse=True)
    i = 0
    while i < len(text):
        for length in lengths:
            value = names.get(text[i : i + length])
            if value:
                yield i, i + length, value
                i += length
                break
        else:
            i += 1


def on_word_boundaries(doc: Document, start: int, end: int) -> bool:
    """Whether jieba reads start..end as a word of its own: 浙江西部 holds no 江西, 平安康复 no 安康,
    哈尔滨工业大学 names a university, not the city; 成都市委 and 辽宁沈阳 still count."""
    starts, ends = doc.token_starts, doc.token_ends
    if start in starts and end in ends:
        return True
    token_start, token_end = doc.token_containing(start)
    if start == token_start and token_end > end:
        rest = doc.text[end:token_end]
        return rest in GLUED_AFFIXES or rest in PLACES
    if end in ends and token_start < start:
        return doc.text[token_start:start] in PLACES
    return False


def find_places(doc: Document) -> list[str]:
    """Full names of the provinces, cities and macro-regions the text names, in order of first mention.
    Single-character forms (川, 渝, 沪) are never matched: they are everywhere in ordinary words."""
    found = [value for _, _, value in scan(doc.text, MACRO_NAMES)]
    found += [value for start, end, value in scan(doc.text, PLACES) if on_word_boundaries(doc, start, end)]
    return list(dict.fromkeys(found))


def regions_for(parks: list[ParkMention], places: list[str]) -> list[str]:
    """Macro-regions, then provinces, then cities: from the parks (with the macro-regions they lie in)
    and from explicit mentions (a city brings its province)."""
    macro, provinces, cities = [], [], []
    for park in parks:
        park_cities = [c for c in park.city.split(";") if c]
        macro += macro_regions_for(park.province, park_cities)
        provinces.append(park.province)
        cities += park_cities
    for place in places:
        if place in MACRO_REGIONS:
            macro.append(place)
        if place in CITIES:
            cities.append(place)
            provinces.append(CITIES[place][0])
        elif place in PROVINCES:
            provinces.append(place)
    return list(dict.fromkeys(name for name in macro + provinces + cities if name))


def locate(name: str) -> tuple[str, str]:
    """(province, city) of the first place a name starts with, e.g. for a proposed 宜宾高新区."""
    for length in (5, 4, 3, 2):
        place = PLACES.get(name[:length])
        if place in CITIES:
            return CITIES[place][0], place
        if place in PROVINCES:
            return place, ""
    return "", ""

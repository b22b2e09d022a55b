"""Every name a park is written under, generated from its gazetteer entry. Pure functions."""
from collections import defaultdict

from ..regions import CITIES, MUNICIPALITIES, short_form
from .text import fold
from .types import ParkEntry

# The official suffixes of national zones, longest first; what precedes one is the park's "head" (成都, 东莞松山湖).
HITECH_SUFFIXES = (
    "农业高新技术产业示范区", "高新技术产业开发区", "高新技术产业示范区", "高新技术产业园区",
    "高技术产业开发区", "新技术产业开发区", "新技术开发区", "国家高新区", "高新区",
)
NEW_AREA_SUFFIXES = ("国家级新区", "新区")
# How news writes each kind after the head: 成都高新区, 成都国家高新区, 成都高新技术产业开发区, 两江新区…
HITECH_FORMS = ("高新区", "国家高新区", "高新技术产业开发区", "国家高新技术产业开发区")
NEW_AREA_FORMS = ("新区", "国家级新区")
# "X高新" is colloquial for X高新区; it is only generated where X is a real head, never for a bare place
# prefix that the park shares with others (see alias_table).
COLLOQUIAL_SUFFIX = "高新"

# Names that cannot be derived from the gazetteer: district-qualified forms, brands, former names.
EXTRA_ALIASES = {
    "杭州高新技术产业开发区": ["杭州高新区(滨江)", "杭州高新区(滨江区)"],
    "常州高新技术产业开发区": ["常州高新区(新北区)", "常州国家高新区(新北区)"],
    "武汉东湖新技术开发区": ["东湖新技术开发区", "东湖国家自主创新示范区", "中国光谷"],
    "中关村科技园区": ["中关村示范区", "中关村国家自主创新示范区"],
    "上海张江高新技术产业开发区": ["张江示范区", "张江国家自主创新示范区"],
    "杨凌农业高新技术产业示范区": ["杨凌农高区", "杨凌示范区"],
    "天津滨海高新技术产业开发区": ["滨海高新区"],
    "厦门火炬高技术产业开发区": ["厦门高新区"],
    "苏州工业园区": ["苏州工业园区"],
}


def split_suffix(name: str, suffixes: tuple[str, ...]) -> tuple[str, str]:
    for suffix in suffixes:
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)], suffix
    return name, ""


def place_forms(entry: ParkEntry) -> list[tuple[str, str]]:
    """(full, short) for the park's province and each of its cities."""
    places = [(entry.province, short_form(entry.province))]
    places += [(city, CITIES.get(city, ("", short_form(city)))[1]) for city in entry.city.split(";")]
    return [(full, short) for full, short in places if full]


def place_prefixes(entry: ParkEntry) -> list[str]:
    """How the park's province and cities are written in front of its name, longest first."""
    return sorted({form for place in place_forms(entry) for form in place if len(form) >= 2}, key=len, reverse=True)


def strip_places(head: str, prefixes: list[str]) -> str:
    """上海张江 → 张江, 东莞松山湖 → 松山湖, 成都 → '' (the head was only a place)."""
    changed = True
    while changed:
        changed = False
        for prefix in prefixes:
            if head.startswith(prefix):
                head, changed = head[len(prefix):], True
                break
    return head


def heads(entry: ParkEntry, head: str) -> set[str]:
    """The head with and without one place prefix: 两江, 重庆两江, 重庆市两江; 成都, 成都市, 四川成都."""
    prefixes = place_prefixes(entry)
    core = strip_places(head, prefixes)
    if core:
        return {core, head} | {prefix + core for prefix in prefixes}
    # The head is only a place name (成都高新区): vary how that place is written, but never drop it.
    found = {head}
    for full, short in place_forms(entry):
        if head in (full, short):
            # 吉林省高新区 would read as "a provincial zone", so a province's full form is only used
            # where the province is itself the city (天津市高新区).
            found |= {full, short} if full != entry.province or full in MUNICIPALITIES else {short}
            if full != entry.province:
                found |= {p + form for p in (entry.province, short_form(entry.province)) for form in (full, short)}
    return {form for form in found if len(form) >= 2}


def park_aliases(entry: ParkEntry) -> set[str]:
    """All written forms of one park, before ambiguity between parks is resolved."""
    names = {entry.full_name, entry.short_name, *entry.aliases, *EXTRA_ALIASES.get(entry.full_name, [])}
    suffixes, forms = (NEW_AREA_SUFFIXES, NEW_AREA_FORMS) if entry.kind == "new_area" else (HITECH_SUFFIXES, HITECH_FORMS)
    for name in (entry.full_name, entry.short_name):
        head, suffix = split_suffix(name, suffixes)
        if not suffix:
            continue
        for variant in heads(entry, head):
            names |= {variant + form for form in (*forms, suffix)}
            if entry.kind != "new_area" and not variant.endswith(("市", "省", "区")):
                names.add(variant + COLLOQUIAL_SUFFIX)
    # Folded like article text, so 杭州高新区（滨江） on a park record matches 杭州高新区(滨江) in an article.
    return {fold(n) for n in names if n}


def alias_table(entries: list[ParkEntry]) -> dict[str, ParkEntry]:
    """Alias → park. An alias two parks generate (火炬高新区, 医药高新区) belongs to the park whose own
    short or full name it is, or to none: a wrong park is worse than a missed mention."""
    claims = defaultdict(set)
    for entry in entries:
        for alias in park_aliases(entry):
            claims[alias].add(entry)
    table = {}
    for alias, owners in claims.items():
        if len(owners) == 1:
            table[alias] = next(iter(owners))
            continue
        own = [e for e in owners if alias in (e.full_name, e.short_name, *e.aliases)]
        if len(own) == 1:
            table[alias] = own[0]
    return table

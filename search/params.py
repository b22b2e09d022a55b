"""A search state: validated from a query string, and written back as one canonical URL."""
import datetime
import re
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.utils.translation import gettext as _

FACETS = ("region", "park", "year", "month", "source", "initiative_category", "figure")
SORTS = ("relevance", "newest", "oldest")
MAX_QUERY_LENGTH = 500
MAX_VALUES_PER_FACET = 20
MAX_PAGE = 10_000
DATE_PATTERN = re.compile(r"^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?$")


@dataclass
class SearchParams:
    q: str = ""
    filters: dict[str, list[str]] = field(default_factory=dict)
    date_from: str = ""
    date_to: str = ""
    sort: str = ""
    page: int = 1
    collapse: bool = False  # one result per group of reposted text
    notices: list[str] = field(default_factory=list)

    @property
    def effective_sort(self) -> str:
        return self.sort or ("relevance" if self.q else "newest")

    def pairs(self, page: int | None = None, without: tuple[str, str] | None = None, adding=None) -> list:
        """The canonical (key, value) list: fixed key order, sorted values, defaults left out."""
        filters = {name: list(values) for name, values in self.filters.items()}
        if without:
            filters[without[0]] = [v for v in filters.get(without[0], []) if v != without[1]]
        if adding:
            filters.setdefault(adding[0], [])
            if adding[1] not in filters[adding[0]]:
                filters[adding[0]].append(adding[1])
        pairs = [("q", self.q)] if self.q else []
        for name in FACETS:
            pairs.extend((name, value) for value in sorted(set(filters.get(name, []))))
        if self.date_from:
            pairs.append(("from", self.date_from))
        if self.date_to:
            pairs.append(("to", self.date_to))
        if self.sort and self.sort != ("relevance" if self.q else "newest"):
            pairs.append(("sort", self.sort))
        if self.collapse:
            pairs.append(("collapse", "1"))
        page = self.page if page is None else page
        if page > 1:
            pairs.append(("page", str(page)))
        return pairs

    def query_string(self, **kwargs) -> str:
        return urlencode(self.pairs(**kwargs))

    def date_range(self) -> tuple[datetime.date | None, datetime.date | None]:
        return parse_date(self.date_from, end=False), parse_date(self.date_to, end=True)

    @property
    def active_filters(self) -> list[tuple[str, str]]:
        return [(name, value) for name in FACETS for value in self.filters.get(name, [])]


def parse_date(value: str, end: bool) -> datetime.date | None:
    """'2021' → 2021-01-01 (or 2021-12-31 as an end), '2021-03' → the month, '2021-03-05' → the day."""
    if not value:
        return None
    match = DATE_PATTERN.match(value)
    if not match:
        raise ValueError(value)
    year, month, day = (int(g) if g else None for g in match.groups())
    if month is None:
        return datetime.date(year, 12, 31) if end else datetime.date(year, 1, 1)
    if day is None:
        if end:
            next_month = datetime.date(year + month // 12, month % 12 + 1, 1)
            return next_month - datetime.timedelta(days=1)
        return datetime.date(year, month, 1)
    return datetime.date(year, month, day)


def clean_text(value: str) -> str:
    """Drop control characters and lone surrogates a browser or a fuzzer may send."""
    return "".join(ch for ch in value if ch.isprintable() and not 0xD800 <= ord(ch) <= 0xDFFF).strip()


def params_from_querydict(data) -> SearchParams:
    """Read a search state from request.GET; anything unusable becomes a notice, never an error."""
    params = SearchParams()
    q = clean_text(data.get("q", ""))
    if len(q) > MAX_QUERY_LENGTH:
        params.notices.append(_("检索词过长，只使用了前 %(n)d 个字符。") % {"n": MAX_QUERY_LENGTH})
        q = q[:MAX_QUERY_LENGTH]
    params.q = q

    for name in FACETS:
        values = [clean_text(v)[:200] for v in data.getlist(name)]
        values = sorted({v for v in values if v})
        if len(values) > MAX_VALUES_PER_FACET:
            params.notices.append(_("筛选值过多，只使用了前 %(n)d 个。") % {"n": MAX_VALUES_PER_FACET})
            values = values[:MAX_VALUES_PER_FACET]
        if values:
            params.filters[name] = values

    for key, attribute in (("from", "date_from"), ("to", "date_to")):
        value = clean_text(data.get(key, ""))
        if not value:
            continue
        try:
            parse_date(value, end=False)
            setattr(params, attribute, value)
        except ValueError:
            params.notices.append(
                _("日期“%(value)s”无法识别，已忽略；请使用 2021、2021-03 或 2021-03-05 的格式。") % {"value": value[:40]}
            )
    start, end = params.date_range()
    if start and end and start > end:
        params.notices.append(_("起始日期晚于结束日期，已对调。"))
        params.date_from, params.date_to = params.date_to, params.date_from

    sort = clean_text(data.get("sort", ""))
    if sort and sort not in SORTS:
        params.notices.append(_("未知的排序方式“%(value)s”，已按默认排序。") % {"value": sort[:40]})
    elif sort:
        params.sort = sort

    params.collapse = data.get("collapse") == "1"

    page = clean_text(data.get("page", ""))
    if page:
        if page.isdigit() and 1 <= int(page) <= MAX_PAGE:
            params.page = int(page)
        else:
            params.notices.append(_("页码“%(value)s”无效，已显示第 1 页。") % {"value": page[:20]})
    return params

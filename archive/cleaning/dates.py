"""Dates: repairing dates that lost a 年 or 月, finding the publication date, resolving its year."""
import datetime
import re
from dataclasses import dataclass

# "20201月": a four-digit year run straight into a month.
YEAR_WITHOUT_NIAN = re.compile(r"(?<!\d)((?:19|20)\d{2})(1[0-2]|0?[1-9])月")
# "128日" at the start of a clause: a month and a day with the 月 lost. Two digits alone are a
# day of the current month (15日), which is normal Chinese, so only three or four digits count.
DAY_WITHOUT_YUE = re.compile(r"(?:(?<=^)|(?<=[，。；、 （(年]))(\d{3,4})日")
THIS_YEAR_MONTH = re.compile(r"今年(\d{1,2})月")
FULL_DATE = re.compile(r"((?:19|20)\d{2})\s*(?:年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?|[-/.](\d{1,2})[-/.](\d{1,2}))")
MONTH_DAY = re.compile(r"(?<![\d年])(\d{1,2})月(\d{1,2})日")
NUMERIC_MONTH_DAY = re.compile(r"(?<![\d-])(\d{2})-(\d{2})(?![\d-])[)）]?")
RELATIVE = re.compile(r"(\d+)\s*(天|日|周|个月|年)前|(昨天|前天)")
DATELINE = re.compile(r"新华社\S{0,12}?(\d{1,2})月(\d{1,2})日电")
LEAD_DATE = re.compile(r"^(?:本报讯?\s*)?(?:((?:19|20)\d{2})年)?(\d{1,2})月(\d{1,2})日")


@dataclass
class DateClue:
    """What the page says about when it was published; year may be missing."""

    evidence: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    ago: tuple[int, str] | None = None  # (8, "个月") for 8个月前


@dataclass
class ResolvedDate:
    published: str | None
    precision: str
    evidence: str
    flags: list[str]
    month_day: str = ""  # "12-08" when only the month and day are known


def _valid(month: int, day: int) -> bool:
    try:
        datetime.date(2000, month, day)  # a leap year, so 2月29日 is allowed
        return True
    except ValueError:
        return False


def repair_dates(text: str, context: str) -> tuple[str, list[tuple[str, str]], list[str]]:
    """Dates with a dropped 年 or 月 restored where only one reading is possible.

    `context` is the whole page: "今年10月" said in the past tense rules out an earlier month for
    the page's own date. Returns the text, (old, new) pairs, and the ambiguous spans left alone."""
    changes, ambiguous = [], []

    def add_nian(match):
        new = f"{match.group(1)}年{int(match.group(2))}月"
        changes.append((match.group(), new))
        return new

    text = YEAR_WITHOUT_NIAN.sub(add_nian, text)
    earliest = max((int(m) for m in THIS_YEAR_MONTH.findall(context) if 1 <= int(m) <= 12), default=1)

    def add_yue(match):
        digits = match.group(1)
        readings = [
            (int(digits[:cut]), int(digits[cut:]))
            for cut in (1, 2)
            if not digits[cut:].startswith("0") and _valid(int(digits[:cut]), int(digits[cut:]))
        ]
        if len(readings) > 1:
            readings = [(m, d) for m, d in readings if m >= earliest]
        if len(readings) != 1:
            ambiguous.append(match.group())
            return match.group()
        new = f"{readings[0][0]}月{readings[0][1]}日"
        changes.append((match.group(), new))
        return new

    text = DAY_WITHOUT_YUE.sub(add_yue, text)
    return text, changes, ambiguous


def clue_from_meta(line: str) -> DateClue | None:
    """A date on a page's meta line: '2021-09-21 10:00', '2021年9月21日', '8个月前 (09-21)'."""
    full = FULL_DATE.search(line)
    if full:
        return _full_clue(full)
    relative = RELATIVE.search(line)
    numeric = NUMERIC_MONTH_DAY.search(line) or MONTH_DAY.search(line)
    if not relative and not numeric:
        return None
    clue = DateClue(evidence="")
    spans = []
    if relative:
        spans.append(relative.span())
        if relative.group(3):
            clue.ago = (1 if relative.group(3) == "昨天" else 2, "天")
        else:
            clue.ago = (int(relative.group(1)), {"日": "天"}.get(relative.group(2), relative.group(2)))
    if numeric and _valid(int(numeric.group(1)), int(numeric.group(2))):
        spans.append(numeric.span())
        clue.month, clue.day = int(numeric.group(1)), int(numeric.group(2))
    clue.evidence = line[min(s for s, _ in spans) : max(e for _, e in spans)]
    return clue


def _full_clue(match) -> DateClue:
    year = int(match.group(1))
    month = match.group(2) or match.group(4)
    day = match.group(3) or match.group(5)
    return DateClue(match.group(), year, int(month) if month else None, int(day) if day else None)


def clue_from_dateline(text: str) -> DateClue | None:
    match = DATELINE.search(text)
    if match and _valid(int(match.group(1)), int(match.group(2))):
        return DateClue(match.group(), None, int(match.group(1)), int(match.group(2)))
    return None


def clue_from_lead(paragraph: str) -> DateClue | None:
    """The date a news lead opens with ('12月8日，…'): the event the article reports."""
    match = LEAD_DATE.match(paragraph)
    if not match or not _valid(int(match.group(2)), int(match.group(3))):
        return None
    evidence = match.group()[match.group().index(match.group(1) or match.group(2)) :]
    return DateClue(evidence, int(match.group(1)) if match.group(1) else None, int(match.group(2)), int(match.group(3)))


def parse_fetched_at(value) -> datetime.date | None:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        return datetime.datetime.fromisoformat(value.strip().replace("Z", "+00:00")).date()
    except ValueError:
        try:
            return datetime.date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None


def _months_before(date: datetime.date, months: int) -> datetime.date:
    index = date.year * 12 + date.month - 1 - months
    return datetime.date(index // 12, index % 12 + 1, min(date.day, 28))


def resolve(clue: DateClue | None, fetched_at: datetime.date | None) -> ResolvedDate:
    """An absolute date with its precision, using the fetch date only where the page is relative."""
    if clue is None:
        return ResolvedDate(None, "unknown", "", ["unknown_date"])
    month_day = f"{clue.month:02d}-{clue.day:02d}" if clue.month and clue.day else ""
    if clue.year:
        if clue.month and clue.day:
            return ResolvedDate(f"{clue.year:04d}-{clue.month:02d}-{clue.day:02d}", "day", clue.evidence, [])
        if clue.month:
            return ResolvedDate(f"{clue.year:04d}-{clue.month:02d}", "month", clue.evidence, [])
        return ResolvedDate(f"{clue.year:04d}", "year", clue.evidence, [])
    if fetched_at is None:
        return ResolvedDate(None, "unknown", clue.evidence, ["unknown_date"], month_day)
    anchor = fetched_at
    if clue.ago:
        count, unit = clue.ago
        if unit == "个月":
            anchor = _months_before(fetched_at, count)
        elif unit == "年":
            anchor = datetime.date(fetched_at.year - count, fetched_at.month, min(fetched_at.day, 28))
        else:
            anchor = fetched_at - datetime.timedelta(days=count * (7 if unit == "周" else 1))
    evidence = f"{clue.evidence} (year from fetched_at {fetched_at.isoformat()})"
    if not month_day:
        precision = "day" if clue.ago and clue.ago[1] in ("天", "周") else "month"
        published = anchor.isoformat() if precision == "day" else anchor.isoformat()[:7]
        return ResolvedDate(published, precision, evidence, ["year_inferred"])
    # The year that puts the month-day nearest the anchor without passing the fetch date.
    candidates = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidates.append(datetime.date(year, clue.month, clue.day))
        except ValueError:  # 2月29日 outside a leap year
            continue
    candidates = [c for c in candidates if c <= fetched_at] or candidates
    best = min(candidates, key=lambda c: abs((c - anchor).days))
    return ResolvedDate(best.isoformat(), "day", evidence, ["year_inferred"], month_day)

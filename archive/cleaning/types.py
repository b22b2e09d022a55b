"""The cleaning pipeline's contract: raw bytes in, these records out. No Django here."""
from dataclasses import asdict, dataclass, field


@dataclass
class ReportEntry:
    """One thing the cleaner removed, changed or flagged, and why."""

    action: str  # "removed" | "changed" | "flagged" | "split" | "joined" | "moved"
    reason: str  # short machine-readable reason, e.g. "footer:icp", "pinyin", "mojibake"
    text: str = ""  # the text concerned (before the change)
    replacement: str = ""  # the text after the change, for "changed"


@dataclass
class CleanedArticle:
    title: str
    paragraphs: list[str]
    subtitle: str = ""
    authors: list[str] = field(default_factory=list)
    source: str = ""
    url: str = ""
    published: str | None = None  # "YYYY-MM-DD", "YYYY-MM" or "YYYY"
    date_precision: str = "unknown"  # "day" | "month" | "year" | "unknown"
    date_evidence: str = ""
    flags: list[str] = field(default_factory=list)
    original_script: str = "simplified"  # or "traditional"
    sections: list[dict] = field(default_factory=list)  # [{"heading": str, "first_paragraph": int, "park": str}]
    report: list[ReportEntry] = field(default_factory=list)
    kind: str = "article"  # "article" | "roundup" (one article, a section per park) | "photo" (a captioned photo)
    column: str = ""  # the page or column label printed above the item, e.g. 党建在高新, 地方动态
    dateline: str = ""  # "本报" or an agency such as "新华社", as printed at the start or end
    photo_credit: str = ""  # for photo items: who the photo is credited to (图片来源)
    month_day: str = ""  # "12-08" when the page gives a month and day but no year

    def to_dict(self):
        return asdict(self)


@dataclass
class CleanedPage:
    encoding: str
    articles: list[CleanedArticle]
    report: list[ReportEntry] = field(default_factory=list)
    original_script: str = "simplified"  # or "traditional"


class UnreadablePage(ValueError):
    """The file cannot be turned into text; the message says why, for the ingest summary."""

"""Raw page bytes to cleaned articles: the order of the steps, and the report of what each did.

Order matters: mojibake is repaired on the text as decoded (its bytes are only recoverable
before anything else touches it), glued pinyin goes before the bracket characters are
normalised, and furniture is matched on simplified, normalised lines.
"""
import re

from .chars import CJK
from .dates import DateClue, clue_from_dateline, clue_from_lead, parse_fetched_at, repair_dates, resolve
from .decoding import decode
from .furniture import Furniture, remove_furniture
from .htmltext import html_to_text, looks_like_html
from .layout import kind_of
from .metadata import read_header
from .mojibake import MARKER, repair_line
from .script import is_traditional, normalise_width, strip_pinyin, to_simplified
from .splitting import Block, Segment, split_page
from .structure import drop_duplicates, join_fragments, park_of, relocate_headings, remove_repeated_passages
from .substitutions import revert_substitutions
from .types import CleanedArticle, CleanedPage, ReportEntry, UnreadablePage

SPACE_IN_CHINESE = re.compile(rf"(?<=[{CJK}，。、；：！？“”（）《》])\s+(?=[{CJK}，。、；：！？“”（）《》])")
CONTENT_REASONS = ("mojibake", "substitution", "date-repair")


def clean_page(raw: bytes, name: str = "", sidecar: dict | None = None) -> CleanedPage:
    sidecar = sidecar or {}
    text, encoding = decode(raw)
    report = [ReportEntry("changed", "decoded", name, encoding)]
    if looks_like_html(text):
        text = html_to_text(text)
        report.append(ReportEntry("removed", "html-markup", name))
    lines, traditional = _normalise_lines(text.splitlines(), report)
    furniture = remove_furniture(lines)
    report.extend(ReportEntry("removed", r.reason, r.text) for r in furniture.removed)
    page_text = "\n".join(furniture.lines)
    lines = []
    for line in furniture.lines:
        line, changes, ambiguous = repair_dates(line, page_text)
        report.extend(ReportEntry("changed", "date-repair", old, new) for old, new in changes)
        report.extend(ReportEntry("flagged", "ambiguous-date", span) for span in ambiguous)
        lines.append(line)
    if not lines:
        raise UnreadablePage(
            "no article text left after removing page furniture (navigation, footers, sharing and contact lines)"
        )
    segments = split_page([Block(kind_of(line), line) for line in lines])
    articles = [_article(segment, furniture, sidecar, traditional, report) for segment in segments]
    articles = [a for a in articles if a.paragraphs]
    if not articles:
        raise UnreadablePage("no article text found: the page holds only headings, bylines or captions without text")
    return CleanedPage(encoding, articles, report, "traditional" if traditional else "simplified")


def _normalise_lines(raw_lines: list[str], report: list[ReportEntry]) -> tuple[list[str], bool]:
    lines = []
    for line in raw_lines:
        repaired, repairs = repair_line(line.strip())
        for repair in repairs:
            action = "changed" if repair.outcome == "repaired" else "flagged"
            report.append(ReportEntry(action, f"mojibake:{repair.outcome}", repair.original, repair.replacement))
        unglued, count = strip_pinyin(repaired)
        if count:
            report.append(ReportEntry("removed", "pinyin", repaired, unglued))
        lines.append(unglued)
    traditional = is_traditional("\n".join(lines))
    if traditional:
        lines = [to_simplified(line) for line in lines]
        report.append(ReportEntry("changed", "traditional-to-simplified", "", "OpenCC t2s"))
    normalised = []
    for line in lines:
        line = normalise_width(line)
        line, reverted = revert_substitutions(line)
        report.extend(ReportEntry("changed", "substitution", old, new) for old, new in reverted)
        if line:
            normalised.append(line)
    return normalised, traditional


def _article(segment: Segment, furniture: Furniture, sidecar: dict, traditional: bool, page_report) -> CleanedArticle:
    report = []
    date_clue = furniture.date or _dateline_clue(segment)
    header = read_header(segment)
    body = header.body
    paragraphs_before = [b.text for b in body if b.kind == "para"]
    roundup = sum(bool(park_of(b.text)) for b in body if b.kind == "heading") >= 2
    if roundup:
        body = relocate_headings(body, report)
    body = drop_duplicates(body, report)
    breaks = {i for i, block in enumerate(body) if block is segment.resumed_at}
    body, dangling, guessed_joins = join_fragments(body, breaks, report)
    body = remove_repeated_passages(body, report)
    paragraphs, sections = [], []
    for block in body:
        if block.kind == "jump":
            report.append(ReportEntry("removed", "jump-line", block.text))
        elif block.kind == "heading":
            sections.append({"heading": block.text, "first_paragraph": len(paragraphs), "park": park_of(block.text)})
        else:
            paragraphs.append(SPACE_IN_CHINESE.sub("", block.text))
    if date_clue is None and paragraphs_before:
        date_clue = clue_from_lead(paragraphs_before[0])
    date = resolve(date_clue, parse_fetched_at(sidecar.get("fetched_at")))
    flags = list(date.flags)
    if dangling:
        flags.append("fragment")
    if guessed_joins:
        flags.append("uncertain_join")
    if segment.resumed_at:
        flags.append("uncertain_split")
    if header.derived_title:
        flags.append("derived_title")
    full_text = "\n".join([header.title, *paragraphs])
    if MARKER in full_text:
        flags.append("mojibake")
    report = [
        e for e in page_report
        if e.reason.startswith(CONTENT_REASONS) and e.replacement and to_simplified(e.replacement) in full_text
    ] + report
    report.extend(ReportEntry("flagged", flag) for flag in flags)
    source = header.dateline if header.dateline not in ("", "本报") else furniture.site_name or sidecar.get("source", "")
    return CleanedArticle(
        title=header.title,
        subtitle=header.subtitle,
        paragraphs=paragraphs,
        authors=header.authors,
        source=source,
        url=furniture.url or sidecar.get("url", ""),
        published=date.published,
        date_precision=date.precision,
        date_evidence=date.evidence,
        flags=flags,
        original_script="traditional" if traditional else "simplified",
        sections=sections,
        report=report,
        kind="photo" if header.photo_credit else "roundup" if roundup else "article",
        column=header.column,
        dateline=header.dateline,
        photo_credit=header.photo_credit,
        month_day=date.month_day,
    )


def _dateline_clue(segment: Segment) -> DateClue | None:
    """An agency dateline, printed at the end ('（新华社北京10月9日电）') or opening the lead."""
    lead = next((b for b in segment.blocks if b.kind == "para"), None)
    for block in [b for b in segment.blocks if b.kind == "end_dateline"] + ([lead] if lead else []):
        clue = clue_from_dateline(block.text)
        if clue:
            return clue
    return None

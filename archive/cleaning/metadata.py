"""Reading an article's header and sign-off: title, subtitle, column, authors, dateline, credit."""
import re
from dataclasses import dataclass, field

from .chars import CJK
from .layout import end_dateline, is_column_label, lead_dateline, parse_byline, photo_credit, trailing_names
from .splitting import Block, Segment

PLACE = re.compile(
    rf"[{CJK}](?:高新区|新区|开发区|园区|省|市|县)|北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|"
    r"江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|陕西|甘肃|青海|内蒙古|广西|西藏|宁夏|新疆"
)
SUBTITLE_DASH = re.compile(r"\s*——\s*")
FIRST_SENTENCE = re.compile(r"^(?:近日|日前|\d{1,2}月\d{1,2}日)?，?([^。！？]{4,40})")


@dataclass
class Header:
    title: str = ""
    subtitle: str = ""
    column: str = ""
    authors: list[str] = field(default_factory=list)
    dateline: str = ""  # "本报", "新华社"
    photo_credit: str = ""
    derived_title: bool = False
    body: list[Block] = field(default_factory=list)  # headings and paragraphs, header and sign-off removed


def read_header(segment: Segment) -> Header:
    blocks = list(segment.blocks)
    header = Header()
    stack = []
    while blocks and blocks[0].kind == "heading":
        stack.append(blocks.pop(0).text)
    signed_at_top = bool(blocks) and blocks[0].kind == "byline"
    if len(stack) >= 2 and is_column_label(stack[0]):
        header.column = stack.pop(0)
    has_sections = any(b.kind == "heading" for b in blocks)
    if len(stack) >= 2 and not signed_at_top and has_sections:
        # Without a byline, the last heading of the stack opens the first section of the story.
        blocks.insert(0, Block("heading", stack.pop()))
    header.title, header.subtitle = _title_and_subtitle(stack)
    for block in blocks:
        if block.kind == "byline":
            header.authors.extend(n for n in parse_byline(block.text) or [] if n not in header.authors)
        elif block.kind == "credit":
            header.photo_credit = photo_credit(block.text)
        elif block.kind == "end_dateline":
            header.dateline = end_dateline(block.text)
        else:
            header.body.append(block)
    _read_lead(header)
    _read_sign_off(header)
    if not header.title:
        header.title, header.derived_title = _derived_title(header.body), True
    return header


def _title_and_subtitle(stack: list[str]) -> tuple[str, str]:
    if not stack:
        return "", ""
    if len(stack) == 1:
        parts = SUBTITLE_DASH.split(stack[0], 1)
        return parts[0].strip(), (parts[1].strip() if len(parts) == 2 else "")
    # A kicker above the title and a subtitle below both read as slogans; the title names the place.
    named = [line for line in stack if PLACE.search(line)]
    title = named[0] if len(named) == 1 else stack[0]
    return title, " ".join(line for line in stack if line != title)


def _read_lead(header: Header) -> None:
    first = next((b for b in header.body if b.kind == "para"), None)
    if first is None:
        return
    text, dateline, names = lead_dateline(first.text)
    if dateline:
        first.text = text
        header.dateline = header.dateline or dateline
        header.authors.extend(n for n in names if n not in header.authors)


def _read_sign_off(header: Header) -> None:
    last = next((b for b in reversed(header.body) if b.kind == "para"), None)
    if last is None:
        return
    text, names = trailing_names(last.text)
    if names:
        last.text = text
        header.authors.extend(n for n in names if n not in header.authors)


def _derived_title(body: list[Block]) -> str:
    """An untitled item (a photo caption, a brief) is titled by its first clause-run."""
    first = next((b.text for b in body if b.kind == "para"), "")
    match = FIRST_SENTENCE.match(first)
    return match.group(1) if match else first[:40]

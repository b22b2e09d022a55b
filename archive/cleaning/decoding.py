"""Bytes to text: byte-order marks, strict trial decodes, then charset-normalizer as a last resort."""
import codecs
import re

from charset_normalizer import from_bytes

from .chars import CJK, cjk_count, common_hanzi
from .script import to_simplified
from .types import UnreadablePage

BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_-]+)""", re.I)
# Chinese legacy encodings, tried strictly; GBK first so a GBK file is reported as such.
LEGACY = ("gbk", "gb18030", "big5")
TEXTUAL = re.compile(rf"[\t\n\r -~\u3000-\u303f\uff00-\uffef\u2010-\u2027{CJK}]")
TEXTUAL_SHARE = 0.95
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def decode(raw: bytes) -> tuple[str, str]:
    """The page's text and the name of the encoding it was read with."""
    if not raw.strip(b" \t\r\n\x00"):
        raise UnreadablePage("the file is empty (no text at all)")
    text, encoding = _decode(raw)
    if text.startswith("\ufeff"):
        text = text[1:]
    if len(CONTROL.findall(text)) > max(2, len(text) // 100):
        raise UnreadablePage(f"the file looks binary, not text (control characters after decoding as {encoding})")
    return text, encoding


def _decode(raw: bytes) -> tuple[str, str]:
    for bom, encoding in BOMS:
        if raw.startswith(bom):
            try:
                return raw[len(bom) :].decode(encoding), encoding
            except UnicodeDecodeError:
                raise UnreadablePage(f"the file starts with a {encoding} byte-order mark but is not valid {encoding}")
    if b"\x00" in raw:
        utf16 = _bomless_utf16(raw)
        if utf16:
            return utf16
        raise UnreadablePage("the file looks binary, not text (it contains NUL bytes)")
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    declared = _declared_charset(raw)
    if declared:
        return declared
    candidates = []
    for encoding in LEGACY:
        try:
            candidates.append((_plausibility(raw.decode(encoding)), -len(candidates), encoding))
        except UnicodeDecodeError:
            continue
    if candidates:
        encoding = max(candidates)[2]
        return raw.decode(encoding), encoding
    best = from_bytes(raw).best()
    if best is None or cjk_count(str(best)) == 0 and best.encoding not in ("ascii", "utf_8"):
        raise UnreadablePage(
            "the file could not be decoded as text in any supported encoding (UTF-8, UTF-16, GBK/GB18030, Big5)"
        )
    return str(best), best.encoding


def _bomless_utf16(raw: bytes) -> tuple[str, str] | None:
    """UTF-16 without a byte-order mark: the byte order whose text is nearly all ordinary text
    characters (a binary file decodes to control and unassigned characters instead)."""
    if len(raw) % 2:
        return None
    best = None
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        share = len(TEXTUAL.findall(text)) / max(1, len(text))
        if share >= TEXTUAL_SHARE and (best is None or share > best[0]):
            best = (share, text, encoding)
    return best[1:] if best else None


def _declared_charset(raw: bytes) -> tuple[str, str] | None:
    match = META_CHARSET.search(raw[:4096])
    if not match:
        return None
    encoding = match.group(1).decode("ascii").lower()
    if encoding in ("gb2312", "gbk"):
        encoding = "gb18030"  # pages labelled gb2312 routinely contain GBK/GB18030 characters
    try:
        return raw.decode(encoding), encoding
    except (LookupError, UnicodeDecodeError):
        return None


def _plausibility(text: str) -> float:
    """Share of Chinese characters that are common ones once simplified: real text scores high."""
    han = [c for c in to_simplified(text) if "\u4e00" <= c <= "\u9fff"]
    if not han:
        return 0.0
    common = common_hanzi()
    return sum(c in common for c in han) / len(han)

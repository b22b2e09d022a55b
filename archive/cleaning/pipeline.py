"""A first, minimal cleaner: decode, drop obvious furniture, take the first line as title."""
import re
import unicodedata

from charset_normalizer import from_bytes

from .types import CleanedArticle, CleanedPage, ReportEntry, UnreadablePage

FURNITURE = re.compile(r"(ICP备|公网安备|当前位置|您当前位置|版权声明|扫一扫|二维码|分享给朋友|相关文章|地址[:：]|电话[:：])")


def decode(raw: bytes) -> tuple[str, str]:
    if not raw.strip():
        raise UnreadablePage("empty file")
    for encoding in ("utf-8-sig",):
        try:
            return raw.decode(encoding), "utf-8"
        except UnicodeDecodeError:
            pass
    best = from_bytes(raw).best()
    if best is None:
        raise UnreadablePage("not text in any known encoding")
    return str(best), best.encoding


def clean_page(raw: bytes, name: str = "", sidecar: dict | None = None) -> CleanedPage:
    text, encoding = decode(raw)
    text = unicodedata.normalize("NFKC", text)
    report = []
    lines = []
    for line in (l.strip() for l in text.splitlines()):
        if not line:
            continue
        if FURNITURE.search(line):
            report.append(ReportEntry("removed", "furniture", line))
            continue
        lines.append(line)
    if not lines:
        raise UnreadablePage("no article text left after cleaning")
    sidecar = sidecar or {}
    article = CleanedArticle(
        title=lines[0],
        paragraphs=lines[1:],
        url=sidecar.get("url", ""),
        source=sidecar.get("source", ""),
        report=report,
    )
    return CleanedPage(encoding=encoding, articles=[article], report=report)

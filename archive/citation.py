"""Citations of an article in GB/T 7714, APA, BibTeX and RIS. Pure functions of plain values."""
import datetime
from dataclasses import dataclass

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
STYLES = ("gbt7714", "apa", "bibtex", "ris")


@dataclass
class Citable:
    key: str
    title: str
    authors: list[str]
    source: str
    published: datetime.date | None
    precision: str  # "day" | "month" | "year" | "unknown"
    permalink: str
    accessed: datetime.date

    @classmethod
    def of(cls, article, permalink: str, accessed: datetime.date):
        return cls(f"gaoxin{article.pk}", article.title, list(article.authors),
                   article.source.name if article.source else "", article.published,
                   article.date_precision if article.published else "unknown", permalink, accessed)

    def date_text(self, separator="-") -> str:
        if not self.published:
            return ""
        parts = {"year": 1, "month": 2, "day": 3}.get(self.precision, 0)
        return separator.join([f"{self.published.year}", f"{self.published.month:02d}", f"{self.published.day:02d}"][:parts])


def gbt7714(c: Citable) -> str:
    """GB/T 7714-2015, newspaper article online: 作者. 题名[N/OL]. 报纸名, 日期[引用日期]. URL."""
    head = f"{', '.join(c.authors)}. " if c.authors else ""
    where = ", ".join(part for part in (c.source, c.date_text()) if part)
    where = f" {where}" if where else ""
    return f"{head}{c.title}[N/OL].{where}[{c.accessed.isoformat()}]. {c.permalink}."


def apa(c: Citable) -> str:
    """APA 7th edition, news article; names kept whole, as APA does for Chinese names."""
    if c.published and c.precision == "day":
        when = f"{c.published.year}, {MONTHS[c.published.month - 1]} {c.published.day}"
    elif c.published and c.precision == "month":
        when = f"{c.published.year}, {MONTHS[c.published.month - 1]}"
    elif c.published and c.precision == "year":
        when = f"{c.published.year}"
    else:
        when = "n.d."
    source = f" {c.source}." if c.source else ""
    if not c.authors:
        return f"{c.title}. ({when}).{source} {c.permalink}"
    names = c.authors[0] if len(c.authors) == 1 else ", ".join(c.authors[:-1]) + ", & " + c.authors[-1]
    return f"{names}. ({when}). {c.title}.{source} {c.permalink}"


def bibtex_escape(text: str) -> str:
    return "".join("\\" + ch if ch in "{}%&#_$" else ch for ch in text)


def bibtex(c: Citable) -> str:
    fields = [("title", c.title)]
    if c.authors:
        fields.append(("author", " and ".join(c.authors)))
    if c.source:
        fields.append(("journal", c.source))
    if c.published:
        fields.append(("year", str(c.published.year)))
        if c.precision in ("day", "month"):
            fields.append(("date", c.date_text()))
    fields += [("url", c.permalink), ("urldate", c.accessed.isoformat()), ("langid", "chinese")]
    body = ",\n".join(f"  {name} = {{{bibtex_escape(value)}}}" for name, value in fields)
    return f"@article{{{c.key},\n{body}\n}}\n"


def ris(c: Citable) -> str:
    lines = [("TY", "NEWS"), ("TI", c.title)]
    lines += [("AU", author) for author in c.authors]
    if c.source:
        lines.append(("T2", c.source))
    if c.published:
        lines.append(("PY", str(c.published.year)))
        lines.append(("DA", c.date_text("/")))
    lines += [("UR", c.permalink), ("Y2", c.accessed.isoformat()), ("DB", "Gaoxin Archive"), ("LA", "zh"), ("ER", "")]
    return "\r\n".join(f"{tag}  - {value}".rstrip() if tag == "ER" else f"{tag}  - {value}" for tag, value in lines) + "\r\n"


def meta_tags(c: Citable) -> list[tuple[str, str]]:
    """Highwire-style citation_* tags that Zotero and other reference managers read."""
    tags = [("citation_title", c.title)]
    tags += [("citation_author", author) for author in c.authors]
    if c.published:
        tags.append(("citation_publication_date", c.date_text("/")))
    if c.source:
        tags.append(("citation_journal_title", c.source))
    tags += [("citation_public_url", c.permalink), ("citation_language", "zh")]
    return tags


def render(style: str, c: Citable) -> str:
    return {"gbt7714": gbt7714, "apa": apa, "bibtex": bibtex, "ris": ris}[style](c)

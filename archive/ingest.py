"""Turning files on disk into stored articles: one transaction per page, re-runs change nothing."""
import datetime
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from .cleaning import CleanedArticle, UnreadablePage, clean_page
from .extraction import ParkEntry, extract_entities
from .linking import EntityIndex, apply_extraction
from .models import Article, RawPage, Source

PAGE_SUFFIXES = {".txt", ".html", ".htm"}
# Larger files are not news pages; refusing them keeps one bad file from exhausting memory.
MAX_PAGE_BYTES = 20 * 1024 * 1024


@dataclass
class PageOutcome:
    name: str
    status: str  # "created" | "updated" | "unchanged" | "failed"
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    flags: list[str] = field(default_factory=list)
    reason: str = ""
    article_ids: list[int] = field(default_factory=list)


def find_pages(paths) -> tuple[list[Path], list[PageOutcome]]:
    """Page files under `paths` (files or folders), sorted; missing paths become failures."""
    pages, missing = [], []
    for raw_path in paths:
        path = Path(raw_path)
        if path.is_dir():
            pages.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in PAGE_SUFFIXES))
        elif path.is_file():
            pages.append(path)
        else:
            missing.append(PageOutcome(str(path), "failed", reason="no such file or folder"))
    return pages, missing


def parse_sidecar(data: bytes, name: str) -> dict:
    """A sidecar's metadata (url, fetched_at, source), or a clear reason why it is unusable."""
    try:
        parsed = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise UnreadablePage(f"sidecar {name} is not valid JSON: {error}")
    if not isinstance(parsed, dict):
        raise UnreadablePage(f"sidecar {name} must hold a JSON object")
    return parsed


def read_sidecar(page: Path) -> dict:
    """Metadata from NAME.json beside NAME.txt/.html, if there is one."""
    sidecar = page.with_suffix(".json")
    if not sidecar.is_file():
        return {}
    return parse_sidecar(sidecar.read_bytes(), sidecar.name)


def read_page(path: Path) -> tuple[bytes, dict]:
    size = path.stat().st_size
    if size > MAX_PAGE_BYTES:
        raise UnreadablePage(f"file is {size // (1024 * 1024)} MB, larger than the {MAX_PAGE_BYTES // (1024 * 1024)} MB limit")
    return path.read_bytes(), read_sidecar(path)


def parse_published(value: str | None) -> datetime.date | None:
    """'2022-12-08', '2022-12' or '2022' as a date (first day of the month or year)."""
    if not value:
        return None
    parts = [int(p) for p in value.split("-")] + [1, 1]
    year, month, day = parts[:3]
    return datetime.date(year, month, day)


def content_hash(title: str, paragraphs: list[str]) -> str:
    return hashlib.sha256("\n".join([title, *paragraphs]).encode("utf-8")).hexdigest()


def preview(raw: bytes, name: str, sidecar: dict, gazetteer: list[ParkEntry]) -> list[dict]:
    """What ingest would store, as the JSON objects `ingest --dry-run --json` prints."""
    page = clean_page(raw, name, sidecar)
    records = []
    for cleaned in page.articles:
        extraction = extract_entities(cleaned.title, cleaned.paragraphs, gazetteer)
        entities = extraction.to_dict()
        records.append(
            {
                "raw": name,
                "title": cleaned.title,
                "subtitle": cleaned.subtitle,
                "authors": cleaned.authors,
                "source": cleaned.source,
                "url": cleaned.url,
                "published": cleaned.published,
                "date_precision": cleaned.date_precision,
                "paragraphs": cleaned.paragraphs,
                "flags": cleaned.flags,
                "original_script": cleaned.original_script,
                "parks": [
                    {k: p[k] for k in ("name", "full_name", "province", "city", "salience", "count")}
                    for p in entities["parks"]
                ],
                "regions": entities["regions"],
                "figures": entities["figures"],
                "initiatives": entities["initiatives"],
            }
        )
    return records


def safe_url(url: str) -> str:
    """Only web links are kept: a javascript: or data: URL from a page must never become a link."""
    url = (url or "").strip()
    return url[:500] if url.lower().startswith(("http://", "https://")) else ""


def article_fields(cleaned: CleanedArticle) -> dict:
    source = Source.objects.get_or_create(name=cleaned.source)[0] if cleaned.source else None
    return {
        "title": cleaned.title[:300],
        "subtitle": cleaned.subtitle[:300],
        "body": "\n\n".join(cleaned.paragraphs),
        "published": parse_published(cleaned.published),
        "date_precision": cleaned.date_precision,
        "date_evidence": cleaned.date_evidence[:200],
        "source": source,
        "url": safe_url(cleaned.url),
        "authors": cleaned.authors,
        "flags": cleaned.flags,
        "original_script": cleaned.original_script,
        "sections": cleaned.sections,
        "cleaning_report": [entry.__dict__ for entry in cleaned.report],
        "content_hash": content_hash(cleaned.title, cleaned.paragraphs),
    }


def ingest_page(
    raw: bytes, name: str, sidecar: dict, gazetteer: list[ParkEntry], force: bool = False, entities: EntityIndex | None = None
) -> PageOutcome:
    """Store one page's articles. The same bytes twice change nothing; changed bytes update in place."""
    checksum = hashlib.sha256(raw).hexdigest()
    existing = RawPage.objects.filter(file_name=name).first()
    if existing and existing.checksum == checksum and existing.articles.exists() and not force:
        ids = list(existing.articles.values_list("pk", flat=True))
        return PageOutcome(name, "unchanged", unchanged=len(ids), article_ids=ids)

    page = clean_page(raw, name, sidecar)
    outcome = PageOutcome(name, "updated" if existing else "created")
    with transaction.atomic():
        raw_page, _ = RawPage.objects.update_or_create(
            file_name=name,
            defaults={
                "checksum": checksum,
                "content": raw,
                "encoding": page.encoding,
                "sidecar": sidecar,
                "report": [entry.__dict__ for entry in page.report],
            },
        )
        for position, cleaned in enumerate(page.articles):
            fields = article_fields(cleaned)
            article = Article.objects.filter(raw_page=raw_page, position=position).first()
            if article is None:
                article = Article.objects.create(raw_page=raw_page, position=position, **fields)
                outcome.created += 1
            elif any(getattr(article, k) != v for k, v in fields.items()):
                for key, value in fields.items():
                    setattr(article, key, value)
                article.save()
                outcome.updated += 1
            else:
                outcome.unchanged += 1
            apply_extraction(article, extract_entities(cleaned.title, cleaned.paragraphs, gazetteer), index=entities)
            outcome.article_ids.append(article.pk)
            outcome.flags.extend(cleaned.flags)
        stale = Article.objects.filter(raw_page=raw_page, position__gte=len(page.articles))
        outcome.removed = stale.count()
        stale.delete()
    return outcome

"""Curators' operations on stored records: merge duplicates, re-run the pipeline, upload pages.

Each runs in one transaction, so a failure leaves nothing half-done; the search index follows
through the usual save/delete signals once the transaction commits.
"""
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from django.db import transaction

from .cleaning import UnreadablePage
from .ingest import MAX_PAGE_BYTES, PAGE_SUFFIXES, PageOutcome, ingest_page, parse_sidecar
from .linking import gazetteer_entries
from .models import ArticleFigure, ArticleInitiative, ArticlePark, Figure, Initiative, Park

MAX_ZIP_MEMBERS = 2000
MAX_ZIP_TOTAL_BYTES = 200 * 1024 * 1024
# A news page compresses perhaps 3–5×; far beyond that is a zip bomb, not a page.
MAX_COMPRESSION_RATIO = 100


def entity_names(entity) -> list[str]:
    if isinstance(entity, Park):
        return entity.all_names()
    return [entity.name, *entity.aliases]


def merged_aliases(keep, others) -> list[str]:
    """`keep`'s aliases plus every name the merged duplicates went by."""
    known = set(entity_names(keep))
    aliases = list(keep.aliases)
    for other in others:
        for name in entity_names(other):
            if name and name not in known:
                known.add(name)
                aliases.append(name)
    return aliases


def move_links(link_model, entity_field: str, keep, others) -> None:
    """Point every link of `others` at `keep`; where an article links to both, keep one link,
    preferring a curator's decision over an automatic one."""
    for link in link_model.objects.filter(**{f"{entity_field}__in": others}):
        existing = link_model.objects.filter(article=link.article, **{entity_field: keep}).first()
        if existing is None:
            setattr(link, entity_field, keep)
            link.save()
            continue
        if link.origin == link_model.Origin.MANUAL and existing.origin != link_model.Origin.MANUAL:
            existing.origin, existing.rejected = link.origin, link.rejected
        for attribute in ("role", "quote"):
            if hasattr(existing, attribute) and not getattr(existing, attribute):
                setattr(existing, attribute, getattr(link, attribute))
        existing.save()
        link.delete()


@transaction.atomic
def merge(keep, others, link_model, entity_field: str, absorb):
    """Merge `others` into `keep`: links move, names become aliases, `absorb` fills in details."""
    others = [o for o in others if o.pk != keep.pk]
    move_links(link_model, entity_field, keep, others)
    keep.aliases = merged_aliases(keep, others)
    absorb(keep, others)
    keep.save()
    for other in others:
        other.delete()
    return keep


def first_value(others, attribute):
    return next((getattr(o, attribute) for o in others if getattr(o, attribute)), None)


def absorb_figure(keep: Figure, others) -> None:
    for attribute in ("role", "organisation", "park"):
        if not getattr(keep, attribute):
            setattr(keep, attribute, first_value(others, attribute) or getattr(keep, attribute))


def absorb_initiative(keep: Initiative, others) -> None:
    dates = [d for d in [keep.first_seen, *(o.first_seen for o in others)] if d]
    keep.first_seen = min(dates) if dates else None
    keep.description = keep.description or first_value(others, "description") or ""
    keep.park = keep.park or first_value(others, "park")


def absorb_park(keep: Park, others) -> None:
    Figure.objects.filter(park__in=others).update(park=keep)
    Initiative.objects.filter(park__in=others).update(park=keep)
    if keep.status == Park.Status.PROPOSED:
        keep.status = Park.Status.CURATED


def merge_figures(keep: Figure, others) -> Figure:
    return merge(keep, others, ArticleFigure, "figure", absorb_figure)


def merge_initiatives(keep: Initiative, others) -> Initiative:
    return merge(keep, others, ArticleInitiative, "initiative", absorb_initiative)


def merge_parks(keep: Park, others) -> Park:
    return merge(keep, others, ArticlePark, "park", absorb_park)


def rerun_pipeline(articles) -> list[PageOutcome]:
    """Clean and extract the pages of `articles` again from their stored raw bytes."""
    gazetteer = gazetteer_entries()
    outcomes = []
    for raw_page in {article.raw_page for article in articles}:
        try:
            outcomes.append(ingest_page(bytes(raw_page.content), raw_page.file_name, raw_page.sidecar, gazetteer, force=True))
        except UnreadablePage as error:
            outcomes.append(PageOutcome(raw_page.file_name, "failed", reason=str(error)))
    return outcomes


@dataclass
class UploadedPage:
    name: str
    content: bytes


@dataclass
class UploadReport:
    outcomes: list[PageOutcome] = field(default_factory=list)

    def fail(self, name: str, reason: str) -> None:
        self.outcomes.append(PageOutcome(name, "failed", reason=reason))


def pages_from_zip(data: bytes, report: UploadReport) -> list[UploadedPage]:
    """Page files inside a zip, refusing traversal, bombs and oversized members by name."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError) as error:
        report.fail("(zip)", f"not a readable zip file: {error}")
        return []
    if len(members) > MAX_ZIP_MEMBERS:
        report.fail("(zip)", f"holds {len(members)} files, more than the {MAX_ZIP_MEMBERS} allowed")
        return []
    if sum(m.file_size for m in members) > MAX_ZIP_TOTAL_BYTES:
        report.fail("(zip)", f"unpacks to more than {MAX_ZIP_TOTAL_BYTES // (1024 * 1024)} MB")
        return []
    pages = []
    for member in members:
        if member.is_dir():
            continue
        path = PurePosixPath(member.filename.replace("\\", "/"))
        if path.is_absolute() or ".." in path.parts:
            report.fail(member.filename, "unsafe path inside the zip (absolute or with ..)")
            continue
        if path.suffix.lower() not in PAGE_SUFFIXES | {".json"}:
            report.fail(member.filename, "not a page file (.txt, .html, .htm)")
            continue
        if member.file_size > MAX_PAGE_BYTES:
            report.fail(member.filename, f"larger than the {MAX_PAGE_BYTES // (1024 * 1024)} MB page limit")
            continue
        if member.compress_size and member.file_size / member.compress_size > MAX_COMPRESSION_RATIO:
            report.fail(member.filename, "compression ratio too high (zip bomb?)")
            continue
        try:
            content = read_bounded(archive, member)
        except (zipfile.BadZipFile, OSError, ValueError) as error:
            report.fail(member.filename, f"cannot be unpacked: {error}")
            continue
        pages.append(UploadedPage(str(path), content))
    return pages


def read_bounded(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> bytes:
    """Read at most the declared size: a forged header cannot make us unpack more."""
    with archive.open(member) as handle:
        data = handle.read(member.file_size + 1)
    if len(data) > member.file_size:
        raise ValueError("member is larger than its header says")
    return data


def ingest_uploads(files: list[UploadedPage]) -> UploadReport:
    """Ingest uploaded pages (zips unpacked), with sidecar .json files matched by name."""
    report = UploadReport()
    pages = []
    for upload in files:
        if upload.name.lower().endswith(".zip"):
            pages.extend(pages_from_zip(upload.content, report))
        else:
            pages.append(upload)
    sidecars = {p.name.rsplit(".", 1)[0]: p for p in pages if p.name.lower().endswith(".json")}
    gazetteer = gazetteer_entries()
    for page in pages:
        suffix = PurePosixPath(page.name).suffix.lower()
        if suffix == ".json":
            continue
        if suffix not in PAGE_SUFFIXES:
            report.fail(page.name, "not a page file (.txt, .html, .htm)")
            continue
        if len(page.content) > MAX_PAGE_BYTES:
            report.fail(page.name, f"larger than the {MAX_PAGE_BYTES // (1024 * 1024)} MB page limit")
            continue
        try:
            sidecar = sidecar_for(page, sidecars)
            report.outcomes.append(ingest_page(page.content, PurePosixPath(page.name).name, sidecar, gazetteer))
        except UnreadablePage as error:
            report.fail(page.name, str(error))
    return report


def sidecar_for(page: UploadedPage, sidecars: dict) -> dict:
    sidecar = sidecars.get(page.name.rsplit(".", 1)[0])
    return parse_sidecar(sidecar.content, sidecar.name) if sidecar else {}

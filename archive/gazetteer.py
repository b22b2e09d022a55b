"""Reading the committed gazetteer of national high-tech zones and new areas. Pure functions."""
import csv
from pathlib import Path

from .regions import macro_regions_for

GAZETTEER_CSV = Path(__file__).resolve().parent.parent / "fixtures" / "national_hitech_zones.csv"
KINDS = {"hitech_zone", "new_area"}


def read_gazetteer(path: Path = GAZETTEER_CSV) -> list[dict]:
    """One dict per park, with the fields of archive.models.Park (slug excepted)."""
    with open(path, encoding="utf-8", newline="") as handle:
        return [park_from_row(row, line) for line, row in enumerate(csv.DictReader(handle), start=2)]


def park_from_row(row: dict, line: int = 0) -> dict:
    full_name = (row.get("name") or "").strip()
    kind = (row.get("kind") or "").strip()
    if not full_name or kind not in KINDS:
        raise ValueError(f"gazetteer line {line}: needs a name and a kind in {sorted(KINDS)}, got {row!r}")
    year = (row.get("approved_year") or "").strip()
    province = (row.get("province") or "").strip()
    city = (row.get("city") or "").strip()
    cities = [c for c in city.split(";") if c]
    return {
        "full_name": full_name,
        "short_name": (row.get("short_name") or "").strip(),
        "aliases": [],
        "kind": kind,
        "province": province,
        "city": city,
        "macro_regions": macro_regions_for(province, cities),
        "approval_year": int(year) if year.isdigit() else None,
    }

"""Term trends: articles per month mentioning each term, optionally as a share of the month."""
from dataclasses import dataclass

from .engine import monthly_counts

MAX_TERMS = 6


@dataclass
class Series:
    term: str
    counts: dict[str, int]


def month_range(first: str, last: str) -> list[str]:
    """Every "YYYY-MM" from first to last inclusive, so quiet months show as zero, not as gaps."""
    year, month = map(int, first.split("-"))
    end = tuple(map(int, last.split("-")))
    months = []
    while (year, month) <= end:
        months.append(f"{year}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def term_trends(terms: list[str], normalise: bool = False) -> tuple[list[str], list[dict]]:
    """Months, and per term its counts (or shares of all articles that month) over those months."""
    totals = monthly_counts("")
    series = [Series(term, monthly_counts(term)) for term in terms]
    seen = sorted({month for s in series for month in s.counts}) or sorted(totals)
    months = month_range(seen[0], seen[-1]) if seen else []
    rows = []
    for s in series:
        values = []
        for month in months:
            count = s.counts.get(month, 0)
            if normalise:
                values.append(round(count / totals[month], 4) if totals.get(month) else 0.0)
            else:
                values.append(count)
        rows.append({"term": s.term, "values": values, "total": sum(s.counts.values())})
    return months, rows


def chart_points(months: list[str], rows: list[dict], width: int = 720, height: int = 220) -> list[dict]:
    """SVG polyline points per term, scaled to a shared maximum."""
    peak = max((v for row in rows for v in row["values"]), default=0) or 1
    step = width / max(len(months) - 1, 1)
    return [
        {
            "term": row["term"],
            "points": " ".join(f"{i * step:.1f},{height - value / peak * height:.1f}" for i, value in enumerate(row["values"])),
        }
        for row in rows
    ]

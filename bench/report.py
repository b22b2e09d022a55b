"""Ratios against the baselines, the targets, and the tables printed and written to results/."""
import json

from .env import RESULTS

# The targets are set for 100k articles on a 2-core machine; at smaller sizes they are a floor.
TARGETS = {
    "search_faceted_p95_ms": 150,
    "page_faceted_c8_p95_ms": 300,
    "speedup_over_orm": 10,
    "faceted_over_stock_plain": 2,
    "index_build_seconds": 15 * 60,
    "worker_peak_rss_mib": 400,
}


def _ratio(numerator, denominator):
    """Three significant figures: a ratio like 0.002 must not print as 0.0."""
    return float(f"{numerator / denominator:.3g}") if numerator and denominator else None


def judge(result: dict) -> dict:
    """Add the headline ratios and whether each target is met."""
    search, orm, stock = result["search"], result["baseline_orm"], result["baseline_stock"]
    per_query = {}
    for label, archive in search["queries"].items():
        plain_label = label.removesuffix(" + 3 facets")
        per_query[label] = {
            "orm_over_archive_p50": _ratio(orm["queries"][label]["p50_ms"], archive["p50_ms"]),
            "archive_over_stock_plain_p50": _ratio(archive["p50_ms"], stock["queries"][plain_label]["p50_ms"]),
        }
    ratios = {
        "orm_over_archive_plain_p50": _ratio(orm["plain"]["p50_ms"], search["plain"]["p50_ms"]),
        "orm_over_archive_faceted_p50": _ratio(orm["faceted"]["p50_ms"], search["faceted"]["p50_ms"]),
        "archive_faceted_over_stock_plain_p50": _ratio(search["faceted"]["p50_ms"], stock["plain"]["p50_ms"]),
        "archive_faceted_over_stock_plain_p95": _ratio(search["faceted"]["p95_ms"], stock["plain"]["p95_ms"]),
        "archive_plain_over_stock_plain_p50": _ratio(search["plain"]["p50_ms"], stock["plain"]["p50_ms"]),
        "stock_build_over_archive_build": _ratio(stock["build_seconds"], result["index"]["build_seconds"]),
        "stock_bytes_over_archive_bytes": _ratio(stock["bytes"], result["index"]["bytes"]),
        "per_query": per_query,
    }
    speedup = min(ratios["orm_over_archive_plain_p50"] or 0, ratios["orm_over_archive_faceted_p50"] or 0)
    measured = {
        "search_faceted_p95_ms": search["faceted"]["p95_ms"],
        "page_faceted_c8_p95_ms": result["http"]["c8"]["faceted"]["p95_ms"],
        "speedup_over_orm": speedup,
        "faceted_over_stock_plain": ratios["archive_faceted_over_stock_plain_p50"],
        "index_build_seconds": result["index"]["build_seconds"],
        "worker_peak_rss_mib": max(result["http"]["worker_peak_rss_mib"], default=None),
    }
    at_least = {"speedup_over_orm"}
    targets = {
        name: {
            "target": limit,
            "measured": measured[name],
            "met": measured[name] is not None
            and (measured[name] >= limit if name in at_least else measured[name] <= limit),
        }
        for name, limit in TARGETS.items()
    }
    return {**result, "ratios": ratios, "targets": targets}


def write(result: dict) -> None:
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{result['size']}.json"
    path.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def saved_results() -> list[dict]:
    found = [json.loads(p.read_text(encoding="utf-8")) for p in RESULTS.glob("*.json")]
    return sorted(found, key=lambda r: r["size"])


def _ms(summary: dict) -> str:
    return f"{summary['p50_ms']} / {summary['p95_ms']}" if summary.get("n") else "–"


def _catch_up(ingest: dict) -> str:
    catch_up = ingest.get("dictionary_catch_up")
    if not catch_up:
        return "–"
    return (
        f"{ingest['job_page_per_second']} pages/s: {catch_up['new_words']} new words, "
        f"{catch_up['articles_reindexed']} older articles reindexed in {catch_up['seconds']} s"
    )


def _stock_build(stock: dict) -> str:
    if stock["build_seconds"] is not None:
        return f"{stock['build_seconds']} s"
    return "not timed (reused from an earlier run)" if stock.get("reused") else "not timed (filled in bulk)"


def _rss_parts(http: dict) -> str:
    parts = http.get("worker_rss_parts_mib")
    if not parts:
        return ""
    return " (now: " + ", ".join(
        f"own {p['own']} + mapped files {p['mapped_files']}" + (f", proportional {p['proportional']}" if "proportional" in p else "")
        for p in parts
    ) + ")"


def _mib(size: int) -> str:
    return f"{size / 2**20:.1f} MiB"


def size_table(result: dict) -> str:
    """Markdown, so the same text goes into bench/README.md."""
    s, orm, stock, http, r = result["search"], result["baseline_orm"], result["baseline_stock"], result["http"], result["ratios"]
    ingest = result["ingest"]
    rows = [
        f"### {result['size']:,} articles",
        "",
        "| figure | archive | (a) ORM icontains | (b) stock Whoosh + jieba |",
        "|---|---|---|---|",
        f"| search, no facet chosen: p50 / p95 ms | {_ms(s['plain'])} | {_ms(orm['plain'])} | {_ms(stock['plain'])} |",
        f"| search, 3 facets chosen: p50 / p95 ms | {_ms(s['faceted'])} | {_ms(orm['faceted'])} | (no facets) |",
        f"| index build | {result['index']['build_seconds']} s | – | {_stock_build(stock)} |",
        f"| index on disk | {_mib(result['index']['bytes'])} | – | {_mib(stock['bytes'])} |",
        f"| full page c=1: p50 / p95 ms (faceted p95) | {_ms(http['c1']['all'])} ({http['c1']['faceted']['p95_ms']}) | – | – |",
        f"| full page c=8: p50 / p95 ms (faceted p95) | {_ms(http['c8']['all'])} ({http['c8']['faceted']['p95_ms']}) | – | – |",
        f"| worker peak RSS | {', '.join(f'{m} MiB' for m in http['worker_peak_rss_mib'])}{_rss_parts(http)} | – | – |",
        f"| ingest_page (clean + extract + store + index) | {ingest['ingest_page_per_second']} pages/s | – | – |",
        f"| clean_page alone | {ingest['clean_page_per_second']} pages/s | – | – |",
        f"| whole ingest job, with its dictionary catch-up | {_catch_up(ingest)} | – | – |",
        "",
        f"(a)/archive p50: {r['orm_over_archive_plain_p50']}× plain, {r['orm_over_archive_faceted_p50']}× faceted · "
        f"archive faceted / (b) plain p50: {r['archive_faceted_over_stock_plain_p50']}× "
        f"(p95 {r['archive_faceted_over_stock_plain_p95']}×) · archive plain / (b) plain p50: {r['archive_plain_over_stock_plain_p50']}×",
        "",
        "| query | hits archive / (a) / (b) | archive p50 / p95 ms | archive first run ms | (a) p50 ms | (b) p50 ms |",
        "|---|---|---|---|---|---|",
    ]
    for label, archive in s["queries"].items():
        plain = stock["queries"].get(label, {})
        rows.append(
            f"| {label} | {archive['hits']} / {orm['queries'][label]['hits']} / {plain.get('hits', '–')} "
            f"| {_ms(archive)} | {archive.get('first_ms', '–')} | {orm['queries'][label]['p50_ms']} | {plain.get('p50_ms', '–')} |"
        )
    rows += ["", "| target | limit | measured | met |", "|---|---|---|---|"]
    rows += [f"| {name} | {t['target']} | {t['measured']} | {'yes' if t['met'] else 'NO'} |" for name, t in result["targets"].items()]
    return "\n".join(rows) + "\n"


GROWTH_ROWS = (
    ("search plain p95 ms", lambda r: r["search"]["plain"]["p95_ms"]),
    ("search faceted p95 ms", lambda r: r["search"]["faceted"]["p95_ms"]),
    ("(a) ORM faceted p95 ms", lambda r: r["baseline_orm"]["faceted"]["p95_ms"]),
    ("(b) stock plain p95 ms", lambda r: r["baseline_stock"]["plain"]["p95_ms"]),
    ("page c=8 faceted p95 ms", lambda r: r["http"]["c8"]["faceted"]["p95_ms"]),
    ("index build s", lambda r: r["index"]["build_seconds"]),
    ("index MiB", lambda r: round(r["index"]["bytes"] / 2**20, 1)),
    ("(b) index MiB", lambda r: round(r["baseline_stock"]["bytes"] / 2**20, 1)),
    ("worker peak RSS MiB", lambda r: max(r["http"]["worker_peak_rss_mib"])),
    ("ingest pages/s", lambda r: r["ingest"]["ingest_page_per_second"]),
)


def growth_table(results: list[dict]) -> str:
    if len(results) < 2:
        return ""
    first, last = results[0], results[-1]
    header = " | ".join(f"{r['size']:,}" for r in results)
    rows = [
        "### Growth",
        "",
        f"| figure | {header} | {last['size'] // first['size']}× articles |",
        "|---|" + "---|" * (len(results) + 1),
    ]
    for name, value in GROWTH_ROWS:
        values = [value(r) for r in results]
        rows.append(f"| {name} | {' | '.join(str(v) for v in values)} | {_ratio(values[-1], values[0])}× |")
    return "\n".join(rows) + "\n"

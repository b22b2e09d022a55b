"""Streaming exports of a whole search (every match, not one page) as CSV or JSON Lines."""
import csv
import json

from archive.records import article_record, articles_in_order

CSV_COLUMNS = ["id", "title", "subtitle", "published", "date_precision", "source", "authors", "url", "permalink",
               "parks", "regions", "figures", "initiatives", "flags", "text"]
# A cell starting with one of these is a formula to Excel and LibreOffice.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class Echo:
    """csv.writer wants a file; this one hands each written line straight back."""

    def write(self, value):
        return value


def safe_cell(value) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_cells(record: dict) -> list[str]:
    joined = {
        "authors": "; ".join(record["authors"]),
        "parks": "; ".join(p["name"] for p in record["parks"]),
        "regions": "; ".join(record["regions"]),
        "figures": "; ".join(f"{f['name']}（{f['role']}）" if f["role"] else f["name"] for f in record["figures"]),
        "initiatives": "; ".join(i["name"] for i in record["initiatives"]),
        "flags": "; ".join(record["flags"]),
    }
    return [safe_cell(joined.get(column, record[column])) for column in CSV_COLUMNS]


def csv_lines(ids, permalink):
    writer = csv.writer(Echo())
    yield "\ufeff" + writer.writerow(CSV_COLUMNS)  # the BOM makes Excel read UTF-8
    for article in articles_in_order(ids):
        yield writer.writerow(csv_cells(article_record(article, permalink(article))))


def jsonl_lines(ids, permalink):
    for article in articles_in_order(ids):
        yield json.dumps(article_record(article, permalink(article)), ensure_ascii=False) + "\n"

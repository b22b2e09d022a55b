"""Turning index hits into what a page or a JSON client shows."""
from archive.models import Article

from .engine import SearchOutcome
from .snippets import snippet


def load_articles(ids: list[int]) -> list[Article]:
    """The visible articles for `ids`, in the given order."""
    found = Article.objects.visible().select_related("source").prefetch_related("park_links__park").in_bulk(ids)
    return [found[i] for i in ids if i in found]


def result_rows(outcome: SearchOutcome) -> list[dict]:
    rows = []
    for article in load_articles([hit["id"] for hit in outcome.hits]):
        rows.append(
            {
                "article": article,
                "id": article.pk,
                "title": article.title,
                "published": article.published_display or None,
                "source": article.source.name if article.source else None,
                "url": article.get_absolute_url(),
                "original_url": article.url or None,
                "parks": [park.display_name for park in article.linked_parks()],
                "snippet": snippet(article.body, outcome.highlight_terms),
            }
        )
    return rows


def as_json(outcome: SearchOutcome, rows: list[dict]) -> dict:
    return {
        "total": outcome.total,
        "page": outcome.page,
        "pages": outcome.page_count,
        "results": [
            {key: row[key] for key in ("id", "title", "published", "source", "url", "parks", "snippet")}
            for row in rows
        ],
        "facets": {name: [{"value": v, "count": c} for v, c in values] for name, values in outcome.facets.items()},
        "notices": outcome.notices,
    }

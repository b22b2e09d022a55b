"""An article as a flat record with its entities: shared by exports, the API and citations."""
import gc

from .models import Article

CHUNK = 500


def article_record(article: Article, permalink: str) -> dict:
    parks = [link for link in article.park_links.all() if not link.rejected]
    figures = [link for link in article.figure_links.all() if not link.rejected]
    initiatives = [link for link in article.initiative_links.all() if not link.rejected]
    return {
        "id": article.pk,
        "title": article.title,
        "subtitle": article.subtitle,
        "published": article.published_display or None,
        "date_precision": article.date_precision,
        "source": article.source.name if article.source else None,
        "authors": article.authors,
        "url": article.url or None,
        "permalink": permalink,
        "parks": [{"name": l.park.display_name, "full_name": l.park.full_name, "province": l.park.province, "salience": l.salience} for l in parks],
        "regions": article.regions,
        "figures": [{"name": l.figure.name, "role": l.role, "quote": l.quote} for l in figures],
        "initiatives": [{"name": l.initiative.name, "category": l.initiative.category} for l in initiatives],
        "flags": article.flags,
        "text": article.body,
    }


def articles_in_order(ids: list[int]):
    """Visible articles for `ids` in that order, fetched a chunk at a time to bound memory."""
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        found = (
            Article.objects.visible()
            .select_related("source")
            .prefetch_related("park_links__park", "figure_links__figure", "initiative_links__initiative")
            .in_bulk(chunk)
        )
        for pk in chunk:
            if pk in found:
                yield found[pk]
        # Prefetched links point back at their articles: each chunk is a web of reference
        # cycles that only the cycle collector frees, and it runs too rarely to keep up.
        del found
        gc.collect()

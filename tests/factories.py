"""Small builders for articles with links, committed so the index hooks run."""
import datetime
import itertools

from archive.models import Article, ArticleFigure, ArticleInitiative, ArticlePark, Figure, Initiative, Park, RawPage, Source

_counter = itertools.count()


def park(short_name, province="四川省", city="成都市", macro_regions=(), full_name=None):
    return Park.objects.get_or_create(
        full_name=full_name or f"{short_name}全称",
        defaults={"short_name": short_name, "province": province, "city": city, "macro_regions": list(macro_regions)},
    )[0]


def article(title, body="", published=None, precision="day", source=None, parks=(), figures=(), initiatives=(), **extra):
    number = next(_counter)
    raw = RawPage.objects.create(file_name=f"factory-{number}.txt", checksum=str(number), content=b"")
    item = Article.objects.create(
        title=title,
        body=body or title,
        published=datetime.date.fromisoformat(published) if published else None,
        date_precision=precision if published else "unknown",
        source=Source.objects.get_or_create(name=source)[0] if source else None,
        raw_page=raw,
        content_hash=str(number),
        **extra,
    )
    for p in parks:
        ArticlePark.objects.create(article=item, park=p)
    for name, role in figures:
        ArticleFigure.objects.create(article=item, figure=Figure.objects.get_or_create(name=name)[0], role=role)
    for name, category in initiatives:
        initiative = Initiative.objects.get_or_create(name=name, defaults={"category": category})[0]
        ArticleInitiative.objects.create(article=item, initiative=initiative)
    return item

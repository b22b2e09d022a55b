"""What the search index holds for each visible article."""
from haystack import indexes

from archive.models import Article
from archive.regions import MACRO_REGIONS


class ArticleIndex(indexes.SearchIndex, indexes.Indexable):
    text = indexes.CharField(document=True, stored=False)
    title = indexes.CharField(model_attr="title", boost=3.0)
    published = indexes.DateField(model_attr="published", null=True)
    region = indexes.MultiValueField()
    park = indexes.MultiValueField()
    year = indexes.MultiValueField()
    month = indexes.MultiValueField()
    source = indexes.MultiValueField()
    initiative_category = indexes.MultiValueField()
    initiative = indexes.MultiValueField()
    figure = indexes.MultiValueField()
    # Reposts share a value, so search can collapse them into one result.
    reuse = indexes.IntegerField()

    def get_model(self):
        return Article

    def index_queryset(self, using=None):
        return (
            Article.objects.visible()
            .select_related("source")
            .prefetch_related("park_links__park", "figure_links__figure", "initiative_links__initiative")
        )

    def prepare_text(self, article):
        return "\n".join([article.title, article.subtitle, " ".join(article.authors), article.body])

    def prepare_reuse(self, article):
        return article.reuse_cluster or article.pk

    def prepare_region(self, article):
        regions = set(article.regions)
        for park in self.parks(article):
            regions.add(park.province)
            regions.update(park.macro_regions)
        return sorted(r for r in regions if r and (r in MACRO_REGIONS or r.endswith(("省", "市", "自治区", "特别行政区"))))

    def prepare_park(self, article):
        return [park.display_name for park in self.parks(article)]

    def prepare_year(self, article):
        return [str(article.published.year)] if article.published else []

    def prepare_month(self, article):
        if article.published and article.date_precision in (Article.Precision.DAY, Article.Precision.MONTH):
            return [f"{article.published:%Y-%m}"]
        return []

    def prepare_source(self, article):
        return [article.source.name] if article.source else []

    def prepare_initiative_category(self, article):
        return [link.initiative.category for link in self.accepted(article.initiative_links.all())]

    def prepare_initiative(self, article):
        return [link.initiative.name for link in self.accepted(article.initiative_links.all())]

    def prepare_figure(self, article):
        return [link.figure.name for link in self.accepted(article.figure_links.all())]

    @staticmethod
    def accepted(links):
        return [link for link in links if not link.rejected]

    def parks(self, article):
        return [link.park for link in self.accepted(article.park_links.all())]

"""The archive's records: parks, sources, raw pages, articles and the entities linked to them."""
from urllib.parse import parse_qsl

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _


class Park(models.Model):
    class Kind(models.TextChoices):
        HITECH_ZONE = "hitech_zone", _("国家高新区")
        NEW_AREA = "new_area", _("国家级新区")
        OTHER = "other", _("其他")

    class Status(models.TextChoices):
        GAZETTEER = "gazetteer", _("名录")
        CURATED = "curated", _("人工添加")
        PROPOSED = "proposed", _("待审核")

    full_name = models.CharField(_("全称"), max_length=100, unique=True)
    short_name = models.CharField(_("简称"), max_length=60, blank=True)
    aliases = models.JSONField(_("别名"), default=list, blank=True)
    kind = models.CharField(_("类型"), max_length=20, choices=Kind.choices, default=Kind.HITECH_ZONE)
    province = models.CharField(_("省份"), max_length=20, blank=True, db_index=True)
    # A few new areas straddle two cities; they are kept as "西安市;咸阳市".
    city = models.CharField(_("城市"), max_length=60, blank=True)
    macro_regions = models.JSONField(_("区域"), default=list, blank=True)
    approval_year = models.PositiveSmallIntegerField(_("批准年份"), null=True, blank=True)
    slug = models.SlugField(_("网址名"), max_length=100, unique=True, allow_unicode=True)
    status = models.CharField(_("状态"), max_length=20, choices=Status.choices, default=Status.GAZETTEER)

    class Meta:
        ordering = ["province", "full_name"]
        verbose_name = _("园区")
        verbose_name_plural = _("园区")

    def __str__(self):
        return self.short_name or self.full_name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.short_name or self.full_name, allow_unicode=True)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("archive:park", args=[self.slug])

    @property
    def display_name(self):
        return self.short_name or self.full_name

    def all_names(self):
        """Every name the park is known by, longest first."""
        names = {self.full_name, self.short_name, *self.aliases}
        return sorted((n for n in names if n), key=len, reverse=True)

    def cities(self):
        return [c for c in self.city.split(";") if c]


class Source(models.Model):
    class Kind(models.TextChoices):
        PUBLICATION = "publication", _("报刊/通讯社")
        OFFICIAL = "official", _("官方网站")
        REPOST = "repost", _("转载网站")
        UNKNOWN = "unknown", _("未知")

    name = models.CharField(_("名称"), max_length=100, unique=True)
    kind = models.CharField(_("类型"), max_length=20, choices=Kind.choices, default=Kind.UNKNOWN)
    home_url = models.URLField(_("主页"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("来源")
        verbose_name_plural = _("来源")

    def __str__(self):
        return self.name


class RawPage(models.Model):
    """A scraped file exactly as it arrived; articles point back to it for provenance."""

    file_name = models.CharField(_("文件名"), max_length=255, unique=True)
    checksum = models.CharField(_("SHA-256"), max_length=64, db_index=True)
    content = models.BinaryField(_("原始内容"))
    encoding = models.CharField(_("编码"), max_length=40, blank=True)
    sidecar = models.JSONField(_("附带元数据"), default=dict, blank=True)
    report = models.JSONField(_("清洗报告"), default=list, blank=True)
    ingested_at = models.DateTimeField(_("导入时间"), auto_now=True)

    class Meta:
        ordering = ["file_name"]
        verbose_name = _("原始页面")
        verbose_name_plural = _("原始页面")

    def __str__(self):
        return self.file_name

    def text(self):
        return bytes(self.content).decode(self.encoding or "utf-8", errors="replace")


class ArticleQuerySet(models.QuerySet):
    def visible(self):
        return self.filter(is_hidden=False)


class Article(models.Model):
    class Precision(models.TextChoices):
        DAY = "day", _("日")
        MONTH = "month", _("月")
        YEAR = "year", _("年")
        UNKNOWN = "unknown", _("未知")

    title = models.CharField(_("标题"), max_length=300)
    subtitle = models.CharField(_("副标题"), max_length=300, blank=True)
    body = models.TextField(_("正文"), help_text=_("段落之间空一行。"))
    # Month and year precision store the first day; date_precision says how much of it is known.
    published = models.DateField(_("发布日期"), null=True, blank=True, db_index=True)
    date_precision = models.CharField(
        _("日期精度"), max_length=10, choices=Precision.choices, default=Precision.UNKNOWN
    )
    date_evidence = models.CharField(_("日期依据"), max_length=200, blank=True)
    source = models.ForeignKey(
        Source, verbose_name=_("来源"), null=True, blank=True, on_delete=models.SET_NULL, related_name="articles"
    )
    url = models.URLField(_("原文链接"), max_length=500, blank=True)
    authors = models.JSONField(_("作者"), default=list, blank=True)
    raw_page = models.ForeignKey(
        RawPage, verbose_name=_("原始页面"), on_delete=models.PROTECT, related_name="articles"
    )
    position = models.PositiveSmallIntegerField(_("页内序号"), default=0)
    flags = models.JSONField(_("质量标记"), default=list, blank=True)
    original_script = models.CharField(_("原文字体"), max_length=20, default="simplified")
    sections = models.JSONField(_("分节"), default=list, blank=True)
    regions = models.JSONField(_("地区"), default=list, blank=True)
    cleaning_report = models.JSONField(_("清洗报告"), default=list, blank=True)
    content_hash = models.CharField(_("内容指纹"), max_length=64, db_index=True)
    # The earliest article whose text this one shares (itself included); null when unshared.
    reuse_cluster = models.PositiveBigIntegerField(_("转载组"), null=True, blank=True, db_index=True)
    is_hidden = models.BooleanField(_("已隐藏"), default=False, db_index=True)
    reviewed = models.BooleanField(_("已审核"), default=False)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    parks = models.ManyToManyField(Park, through="ArticlePark", related_name="articles", blank=True)
    figures = models.ManyToManyField("Figure", through="ArticleFigure", related_name="articles", blank=True)
    initiatives = models.ManyToManyField(
        "Initiative", through="ArticleInitiative", related_name="articles", blank=True
    )

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-published", "title"]
        constraints = [
            models.UniqueConstraint(fields=["raw_page", "position"], name="one_article_per_page_position"),
        ]
        verbose_name = _("文章")
        verbose_name_plural = _("文章")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("archive:article", args=[self.pk])

    def paragraphs(self):
        return [p for p in self.body.split("\n\n") if p.strip()]

    @property
    def published_display(self):
        """The date as precisely as it is known: 2022-12-08, 2022-12 or 2022."""
        if not self.published:
            return ""
        if self.date_precision == self.Precision.YEAR:
            return f"{self.published.year}"
        if self.date_precision == self.Precision.MONTH:
            return f"{self.published.year}-{self.published.month:02d}"
        return self.published.isoformat()

    def reposts(self):
        """Other visible articles carrying the same text, earliest first."""
        if self.reuse_cluster is None:
            return Article.objects.none()
        return (
            Article.objects.visible()
            .filter(reuse_cluster=self.reuse_cluster)
            .exclude(pk=self.pk)
            .select_related("source")
            .order_by("published", "pk")
        )

    def linked_parks(self):
        """Parks linked to this article and not rejected by a curator, subjects first.

        Sorted in Python so a prefetch of park_links__park serves a whole result page."""
        links = sorted((l for l in self.park_links.all() if not l.rejected), key=lambda l: (l.salience, -l.count))
        return [link.park for link in links]


class Link(models.Model):
    """Common fields of an article↔entity link.

    `origin` and `rejected` let curation win: extraction only touches links it made itself,
    and a link a curator removed stays as a rejected row so extraction never adds it back.
    """

    class Origin(models.TextChoices):
        AUTO = "auto", _("自动")
        MANUAL = "manual", _("人工")

    origin = models.CharField(_("来源"), max_length=10, choices=Origin.choices, default=Origin.AUTO)
    rejected = models.BooleanField(_("已否决"), default=False)

    class Meta:
        abstract = True


class ArticlePark(Link):
    class Salience(models.TextChoices):
        SUBJECT = "subject", _("主题")
        MENTION = "mention", _("提及")

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="park_links")
    park = models.ForeignKey(Park, on_delete=models.CASCADE, related_name="article_links")
    salience = models.CharField(_("相关度"), max_length=10, choices=Salience.choices, default=Salience.MENTION)
    count = models.PositiveIntegerField(_("提及次数"), default=1)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["article", "park"], name="unique_article_park")]
        verbose_name = _("文章园区")
        verbose_name_plural = _("文章园区")


class Figure(models.Model):
    name = models.CharField(_("姓名"), max_length=50, db_index=True)
    aliases = models.JSONField(_("别名"), default=list, blank=True)
    role = models.CharField(_("职务"), max_length=200, blank=True)
    organisation = models.CharField(_("单位"), max_length=200, blank=True)
    park = models.ForeignKey(Park, verbose_name=_("园区"), null=True, blank=True, on_delete=models.SET_NULL, related_name="figures")
    needs_review = models.BooleanField(_("待审核"), default=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("人物")
        verbose_name_plural = _("人物")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("archive:figure", args=[self.pk])


class ArticleFigure(Link):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="figure_links")
    figure = models.ForeignKey(Figure, on_delete=models.CASCADE, related_name="article_links")
    role = models.CharField(_("文中职务"), max_length=200, blank=True)
    quote = models.TextField(_("引语"), blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["article", "figure"], name="unique_article_figure")]
        verbose_name = _("文章人物")
        verbose_name_plural = _("文章人物")


class Initiative(models.Model):
    class Category(models.TextChoices):
        PARTY_BUILDING = "党建", _("党建")
        INDUSTRY = "产业", _("产业")
        TALENT = "人才", _("人才")
        BUSINESS_ENVIRONMENT = "营商环境", _("营商环境")
        INNOVATION = "科技创新", _("科技创新")
        OTHER = "其他", _("其他")

    name = models.CharField(_("名称"), max_length=100, db_index=True)
    aliases = models.JSONField(_("别名"), default=list, blank=True)
    park = models.ForeignKey(Park, verbose_name=_("园区"), null=True, blank=True, on_delete=models.SET_NULL, related_name="initiatives")
    category = models.CharField(_("类别"), max_length=10, choices=Category.choices, default=Category.OTHER)
    description = models.TextField(_("说明"), blank=True)
    first_seen = models.DateField(_("首次出现"), null=True, blank=True)
    needs_review = models.BooleanField(_("待审核"), default=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("举措")
        verbose_name_plural = _("举措")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("archive:initiative", args=[self.pk])


class ArticleInitiative(Link):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="initiative_links")
    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="article_links")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["article", "initiative"], name="unique_article_initiative")]
        verbose_name = _("文章举措")
        verbose_name_plural = _("文章举措")


class SavedSearch(models.Model):
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_searches")
    name = models.CharField(_("名称"), max_length=100)
    query_string = models.CharField(_("查询参数"), max_length=2000)
    created = models.DateTimeField(_("创建时间"), auto_now_add=True)

    class Meta:
        ordering = ["-created"]
        verbose_name = _("保存的检索")
        verbose_name_plural = _("保存的检索")

    def __str__(self):
        return self.name

    def readable_query(self) -> str:
        """The stored canonical query string, decoded for people: q=党建 & year=2020."""
        return " & ".join(f"{key}={value}" for key, value in parse_qsl(self.query_string))

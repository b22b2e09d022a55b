"""The curation tool: lists, filters, review queue, merge, re-run, hide/publish and upload."""
from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from . import curation
from .security import ThrottledAdminAuthenticationForm
from .models import (
    Article, ArticleFigure, ArticleInitiative, ArticlePark, Figure, Initiative, Park, RawPage, SavedSearch, Source,
)

admin.site.site_header = _("高新区新闻档案 · 管理")
admin.site.login_form = ThrottledAdminAuthenticationForm
admin.site.site_title = _("高新区新闻档案")


def log_each(model_admin, request, objects, message):
    for obj in objects:
        model_admin.log_change(request, obj, message)


def summary_message(outcomes) -> str:
    created = sum(o.created for o in outcomes)
    updated = sum(o.updated for o in outcomes)
    unchanged = sum(o.unchanged for o in outcomes)
    failed = [f"{o.name}（{o.reason}）" for o in outcomes if o.status == "failed"]
    text = _("页面 %(pages)d 个：新建文章 %(c)d，更新 %(u)d，未变 %(n)d。") % {
        "pages": len(outcomes), "c": created, "u": updated, "n": unchanged,
    }
    if failed:
        text += " " + _("失败：") + "；".join(failed)
    return text


class MergeForm(forms.Form):
    keep = forms.ModelChoiceField(queryset=None, widget=forms.RadioSelect, label=_("保留哪一条"))

    def __init__(self, *args, queryset=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["keep"].queryset = queryset


class MergeMixin:
    """Admin action: merge the selected duplicates into one; links move, names become aliases."""

    merge_function = None

    @admin.action(description=_("合并所选重复项"))
    def merge_selected(self, request, queryset):
        if queryset.count() < 2:
            self.message_user(request, _("请至少选择两项进行合并。"), messages.WARNING)
            return None
        form = MergeForm(request.POST if "apply" in request.POST else None, queryset=queryset)
        if form.is_valid():
            keep = form.cleaned_data["keep"]
            others = list(queryset.exclude(pk=keep.pk))
            names = "、".join(str(o) for o in others)
            self.log_deletions(request, queryset.exclude(pk=keep.pk))
            type(self).merge_function(keep, others)
            self.log_change(request, keep, f"合并：{names}")
            self.message_user(request, _("已将 %(names)s 合并入 %(keep)s。") % {"names": names, "keep": keep})
            return None
        return render(
            request,
            "admin/archive/merge.html",
            {
                **self.admin_site.each_context(request),
                "title": _("合并重复项"),
                "form": form,
                "objects": queryset,
                "opts": self.model._meta,
                "action_checkbox_name": ACTION_CHECKBOX_NAME,
            },
        )


class ReviewQueueFilter(admin.SimpleListFilter):
    title = _("审核队列")
    parameter_name = "queue"

    def lookups(self, request, model_admin):
        return [("review", _("待审核（有质量标记且未审核）")), ("reviewed", _("已审核"))]

    def queryset(self, request, queryset):
        if self.value() == "review":
            return queryset.exclude(flags=[]).filter(reviewed=False)
        if self.value() == "reviewed":
            return queryset.filter(reviewed=True)
        return queryset


class FlagFilter(admin.SimpleListFilter):
    title = _("质量标记")
    parameter_name = "flag"

    def lookups(self, request, model_admin):
        flags = set()
        for article_flags in Article.objects.exclude(flags=[]).values_list("flags", flat=True)[:5000]:
            flags.update(article_flags)
        return [(flag, flag) for flag in sorted(flags)]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(flags__icontains=f'"{self.value()}"')
        return queryset


class ProvinceFilter(admin.SimpleListFilter):
    title = _("省份")
    parameter_name = "province"

    def lookups(self, request, model_admin):
        provinces = Park.objects.exclude(province="").values_list("province", flat=True).distinct().order_by("province")
        return [(p, p) for p in provinces]

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(park_links__park__province=self.value(), park_links__rejected=False).distinct()
        return queryset


class ParkLinkInline(admin.TabularInline):
    model = ArticlePark
    extra = 0
    autocomplete_fields = ["park"]
    fields = ["park", "salience", "count", "origin", "rejected"]


class FigureLinkInline(admin.TabularInline):
    model = ArticleFigure
    extra = 0
    autocomplete_fields = ["figure"]
    fields = ["figure", "role", "quote", "origin", "rejected"]


class InitiativeLinkInline(admin.TabularInline):
    model = ArticleInitiative
    extra = 0
    autocomplete_fields = ["initiative"]
    fields = ["initiative", "origin", "rejected"]


class CuratedLinkFormSet(forms.BaseInlineFormSet):
    """A link a curator adds or edits by hand is theirs: extraction will not undo it."""

    def save_new(self, form, commit=True):
        form.instance.origin = ArticlePark.Origin.MANUAL
        return super().save_new(form, commit)

    def save_existing(self, form, obj, commit=True):
        if form.has_changed():
            obj.origin = ArticlePark.Origin.MANUAL
        return super().save_existing(form, obj, commit)

    def delete_existing(self, obj, commit=True):
        # Keep a removed automatic link as rejected, or the next extraction would bring it back.
        if obj.origin == ArticlePark.Origin.AUTO:
            obj.rejected = True
            obj.origin = ArticlePark.Origin.MANUAL
            if commit:
                obj.save()
        else:
            super().delete_existing(obj, commit)


for inline in (ParkLinkInline, FigureLinkInline, InitiativeLinkInline):
    inline.formset = CuratedLinkFormSet


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "published", "date_precision", "source", "park_names", "flag_list", "reviewed", "is_hidden"]
    list_filter = [ReviewQueueFilter, FlagFilter, "is_hidden", "reviewed", "source", ProvinceFilter, "parks", "date_precision", "original_script"]
    search_fields = ["title", "subtitle", "body", "authors"]
    date_hierarchy = "published"
    autocomplete_fields = ["source"]
    list_select_related = ["source"]
    readonly_fields = ["raw_page_link", "position", "content_hash", "created_at", "updated_at", "cleaning_report_display", "raw_text"]
    fieldsets = [
        (None, {"fields": ["title", "subtitle", "body", "published", "date_precision", "date_evidence", "source", "authors", "url"]}),
        (_("审核"), {"fields": ["flags", "reviewed", "is_hidden"]}),
        (_("来源与清洗报告"), {"fields": ["raw_page_link", "position", "raw_text", "cleaning_report_display", "original_script", "sections", "regions", "content_hash", "created_at", "updated_at"]}),
    ]
    inlines = [ParkLinkInline, FigureLinkInline, InitiativeLinkInline]
    actions = ["mark_reviewed", "hide", "publish", "rerun_pipeline"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("park_links__park")

    @admin.display(description=_("园区"))
    def park_names(self, article):
        return "、".join(link.park.display_name for link in article.park_links.all() if not link.rejected)

    @admin.display(description=_("质量标记"))
    def flag_list(self, article):
        return ", ".join(article.flags)

    @admin.display(description=_("原始页面"))
    def raw_page_link(self, article):
        url = reverse("admin:archive_rawpage_change", args=[article.raw_page_id])
        return format_html('<a href="{}">{}</a>', url, article.raw_page.file_name)

    @admin.display(description=_("原始页面内容"))
    def raw_text(self, article):
        return format_html('<pre style="white-space:pre-wrap;max-height:28rem;overflow:auto">{}</pre>', article.raw_page.text())

    @admin.display(description=_("清洗报告"))
    def cleaning_report_display(self, article):
        if not article.cleaning_report:
            return "—"
        return format_html(
            "<ul>{}</ul>",
            format_html_join("", "<li><strong>{}</strong> {}：{}</li>", (
                (entry.get("action", ""), entry.get("reason", ""), str(entry.get("text", ""))[:200])
                for entry in article.cleaning_report
            )),
        )

    @admin.action(description=_("标记为已审核"))
    def mark_reviewed(self, request, queryset):
        articles = list(queryset)
        for article in articles:
            article.reviewed = True
            article.save(update_fields=["reviewed", "updated_at"])
        log_each(self, request, articles, "标记为已审核")
        self.message_user(request, _("已标记 %(n)d 篇为已审核。") % {"n": len(articles)})

    def set_hidden(self, request, queryset, hidden, message):
        articles = list(queryset)
        for article in articles:
            article.is_hidden = hidden
            article.save(update_fields=["is_hidden", "updated_at"])  # save() so search follows at once
        log_each(self, request, articles, message)
        self.message_user(request, _("%(message)s：%(n)d 篇。") % {"message": message, "n": len(articles)})

    @admin.action(description=_("隐藏（从检索、页面、订阅和导出中移除）"))
    def hide(self, request, queryset):
        self.set_hidden(request, queryset, True, "隐藏")

    @admin.action(description=_("公开"))
    def publish(self, request, queryset):
        self.set_hidden(request, queryset, False, "公开")

    @admin.action(description=_("重新清洗并抽取实体"))
    def rerun_pipeline(self, request, queryset):
        articles = list(queryset.select_related("raw_page"))
        outcomes = curation.rerun_pipeline(articles)
        log_each(self, request, [a for a in articles if Article.objects.filter(pk=a.pk).exists()], "重新清洗并抽取实体")
        self.message_user(request, summary_message(outcomes))


@admin.register(Park)
class ParkAdmin(MergeMixin, admin.ModelAdmin):
    merge_function = curation.merge_parks
    list_display = ["full_name", "short_name", "kind", "province", "city", "approval_year", "status"]
    list_filter = ["status", "kind", "province"]
    search_fields = ["full_name", "short_name", "aliases", "city", "province"]
    prepopulated_fields = {"slug": ["short_name"]}
    actions = ["merge_selected", "approve"]

    @admin.action(description=_("批准所选待审核园区"))
    def approve(self, request, queryset):
        parks = list(queryset.filter(status=Park.Status.PROPOSED))
        for park in parks:
            park.status = Park.Status.CURATED
            park.save()
        log_each(self, request, parks, "批准")
        self.message_user(request, _("已批准 %(n)d 个园区。") % {"n": len(parks)})


class EntityReviewMixin:
    @admin.action(description=_("标记为已审核"))
    def clear_review(self, request, queryset):
        entities = list(queryset.filter(needs_review=True))
        for entity in entities:
            entity.needs_review = False
            entity.save()
        log_each(self, request, entities, "已审核")
        self.message_user(request, _("已审核 %(n)d 项。") % {"n": len(entities)})


@admin.register(Figure)
class FigureAdmin(MergeMixin, EntityReviewMixin, admin.ModelAdmin):
    merge_function = curation.merge_figures
    list_display = ["name", "role", "organisation", "park", "article_count", "needs_review"]
    list_filter = ["needs_review", "park__province"]
    search_fields = ["name", "aliases", "organisation", "role"]
    autocomplete_fields = ["park"]
    actions = ["merge_selected", "clear_review"]

    @admin.display(description=_("文章数"))
    def article_count(self, figure):
        return figure.article_links.filter(rejected=False).count()


@admin.register(Initiative)
class InitiativeAdmin(MergeMixin, EntityReviewMixin, admin.ModelAdmin):
    merge_function = curation.merge_initiatives
    list_display = ["name", "category", "park", "first_seen", "needs_review"]
    list_filter = ["needs_review", "category", "park__province"]
    search_fields = ["name", "aliases", "description"]
    autocomplete_fields = ["park"]
    actions = ["merge_selected", "clear_review"]


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "home_url"]
    list_filter = ["kind"]
    search_fields = ["name"]


class UploadForm(forms.Form):
    files = forms.FileField(
        label=_("原始页面文件（.txt、.html，或包含它们的 .zip）"),
        widget=forms.ClearableFileInput(attrs={"allow_multiple_selected": True}),
    )


@admin.register(RawPage)
class RawPageAdmin(admin.ModelAdmin):
    list_display = ["file_name", "encoding", "article_count", "ingested_at"]
    search_fields = ["file_name"]
    readonly_fields = ["file_name", "checksum", "encoding", "sidecar", "report", "ingested_at", "text_display"]
    exclude = ["content"]
    change_list_template = "admin/archive/rawpage/change_list.html"

    @admin.display(description=_("文章数"))
    def article_count(self, raw_page):
        return raw_page.articles.count()

    @admin.display(description=_("内容"))
    def text_display(self, raw_page):
        return format_html('<pre style="white-space:pre-wrap;max-height:40rem;overflow:auto">{}</pre>', raw_page.text())

    def get_urls(self):
        return [path("upload/", self.admin_site.admin_view(self.upload_view), name="archive_rawpage_upload")] + super().get_urls()

    def upload_view(self, request):
        if not self.has_add_permission(request):
            return redirect("admin:index")
        form = UploadForm(request.POST or None, request.FILES or None)
        report = None
        if request.method == "POST" and form.is_valid():
            uploads = [curation.UploadedPage(f.name, f.read()) for f in request.FILES.getlist("files")]
            report = curation.ingest_uploads(uploads)
            for outcome in report.outcomes:
                raw_page = RawPage.objects.filter(file_name=outcome.name).first()
                if raw_page and outcome.status in ("created", "updated"):
                    self.log_addition(request, raw_page, f"上传：{outcome.status}")
            self.message_user(request, summary_message(report.outcomes), messages.INFO)
        return render(
            request,
            "admin/archive/rawpage/upload.html",
            {**self.admin_site.each_context(request), "title": _("上传原始页面"), "form": form, "report": report, "opts": self.model._meta},
        )


@admin.register(SavedSearch)
class SavedSearchAdmin(admin.ModelAdmin):
    list_display = ["name", "owner", "query_string", "created"]
    search_fields = ["name", "query_string"]
    list_filter = ["owner"]

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import (
    Article, ArticleFigure, ArticleInitiative, ArticlePark, Figure, Initiative, Park, RawPage, SavedSearch, Source,
)


@admin.register(Park)
class ParkAdmin(admin.ModelAdmin):
    list_display = ["full_name", "short_name", "kind", "province", "city", "approval_year", "status"]
    list_filter = ["kind", "status", "province"]
    search_fields = ["full_name", "short_name", "aliases", "city"]
    prepopulated_fields = {"slug": ["short_name"]}


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "home_url"]
    list_filter = ["kind"]
    search_fields = ["name"]


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


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["title", "published", "date_precision", "source", "is_hidden", "reviewed", "flag_list"]
    list_filter = ["is_hidden", "reviewed", "date_precision", "source", "original_script"]
    search_fields = ["title", "subtitle", "body"]
    date_hierarchy = "published"
    autocomplete_fields = ["source"]
    readonly_fields = ["raw_page", "position", "content_hash", "created_at", "updated_at"]
    inlines = [ParkLinkInline, FigureLinkInline, InitiativeLinkInline]

    @admin.display(description=_("质量标记"))
    def flag_list(self, article):
        return ", ".join(article.flags)


@admin.register(RawPage)
class RawPageAdmin(admin.ModelAdmin):
    list_display = ["file_name", "encoding", "checksum", "ingested_at"]
    search_fields = ["file_name"]
    readonly_fields = ["file_name", "checksum", "encoding", "sidecar", "report", "ingested_at"]
    exclude = ["content"]


@admin.register(Figure)
class FigureAdmin(admin.ModelAdmin):
    list_display = ["name", "role", "organisation", "park", "needs_review"]
    list_filter = ["needs_review"]
    search_fields = ["name", "aliases", "organisation", "role"]
    autocomplete_fields = ["park"]


@admin.register(Initiative)
class InitiativeAdmin(admin.ModelAdmin):
    list_display = ["name", "category", "park", "first_seen", "needs_review"]
    list_filter = ["category", "needs_review"]
    search_fields = ["name", "aliases", "description"]
    autocomplete_fields = ["park"]


@admin.register(SavedSearch)
class SavedSearchAdmin(admin.ModelAdmin):
    list_display = ["name", "owner", "query_string", "created"]
    search_fields = ["name", "query_string"]

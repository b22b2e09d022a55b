from django.urls import path

from . import feeds, research_views, saved_views, views

app_name = "search"
urlpatterns = [
    path("", views.search, name="search"),
    path("atom/", feeds.SearchResultsFeed(), name="feed"),
    path("export.csv", research_views.export_csv, name="export-csv"),
    path("export.jsonl", research_views.export_jsonl, name="export-jsonl"),
    path("trends/", research_views.trends, name="trends"),
    path("saved/", saved_views.saved_list, name="saved"),
    path("saved/<int:pk>/rename/", saved_views.saved_rename, name="saved-rename"),
    path("saved/<int:pk>/delete/", saved_views.saved_delete, name="saved-delete"),
    path("saved/feed/<str:token>/", feeds.SavedSearchFeed(), name="saved-feed"),
]

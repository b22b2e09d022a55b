from django.contrib import admin
from django.urls import include, path

from . import views

archive_patterns = (
    [
        path("", views.home, name="home"),
        path("articles/<int:pk>/", views.article_detail, name="article"),
        path("parks/<str:slug>/", views.park_detail, name="park"),
        path("figures/<int:pk>/", views.figure_detail, name="figure"),
        path("initiatives/<int:pk>/", views.initiative_detail, name="initiative"),
    ],
    "archive",
)

urlpatterns = [
    path("", include(archive_patterns)),
    path("search/", include("search.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/", include("django.contrib.auth.urls")),
    path("admin/", admin.site.urls),
]

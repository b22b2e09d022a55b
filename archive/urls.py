from django.contrib import admin
from django.contrib.auth.views import LoginView
from django.urls import include, path

from search import research_views

from . import cite_views, views
from .security import ThrottledAuthenticationForm

archive_patterns = (
    [
        path("", views.home, name="home"),
        path("articles/<int:pk>/", views.article_detail, name="article"),
        path("parks/<str:slug>/", views.park_detail, name="park"),
        path("figures/<int:pk>/", views.figure_detail, name="figure"),
        path("initiatives/<int:pk>/", views.initiative_detail, name="initiative"),
        path("regions/", views.region_index, name="regions"),
        path("regions/<str:name>/", views.region_detail, name="region"),
    ],
    "archive",
)

urlpatterns = [
    path("", include(archive_patterns)),
    path("search/", include("search.urls")),
    path("api/", include("search.api_urls")),
    path("opensearch.xml", research_views.opensearch, name="opensearch"),
    path("articles/<int:pk>/cite/<str:style>", cite_views.cite, name="cite"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/login/", LoginView.as_view(authentication_form=ThrottledAuthenticationForm), name="login"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("admin/", admin.site.urls),
]

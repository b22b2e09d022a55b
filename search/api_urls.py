from django.urls import path

from . import api

app_name = "api"
urlpatterns = [
    path("search", api.search, name="search"),
    path("articles/<int:pk>", api.article_detail, name="article"),
    path("parks", api.park_list, name="parks"),
    path("parks/<str:key>", api.park_detail, name="park"),
    path("figures", api.figure_list, name="figures"),
    path("figures/<int:key>", api.figure_detail, name="figure"),
    path("initiatives", api.initiative_list, name="initiatives"),
    path("initiatives/<int:key>", api.initiative_detail, name="initiative"),
    path("openapi.json", api.openapi, name="openapi"),
]

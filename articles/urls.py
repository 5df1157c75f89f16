from django.urls import path

from articles import feeds, views

app_name = "news"
urlpatterns = [
    path("rss/", feeds.LatestArticlesFeed(), name="feed"),
    path("rss/<slug:slug>/", feeds.SectionFeed(), name="section_feed"),
    # Tag slugs keep Vietnamese letters ("học-tập"), which the slug converter refuses.
    path("tu-khoa/<str:slug>/", views.tag_page, name="tag"),
]

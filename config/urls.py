from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from core.sitemaps import PagesSitemap
from core.views import robots_txt
from delivery import routing
from editorial.password_reset import LimitedPasswordResetView
from images.views import media_file
from official_documents.sitemaps import DocumentsSitemap
from operations.views import healthz
from search import views as search_views

urlpatterns = [
    # Wagtail's password reset page, limited per address and per account (editorial/password_reset.py).
    path(
        f"{settings.WAGTAILADMIN_PATH}password_reset/",
        LimitedPasswordResetView.as_view(),
        name="wagtailadmin_password_reset",
    ),
    path(settings.WAGTAILADMIN_PATH, include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": PagesSitemap, "documents": DocumentsSitemap}}, name="sitemap"),
    path("robots.txt", robots_txt),
    # Photos' files, only once something published shows them (images/views.py); in DEBUG and production alike.
    path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", media_file, name="media_file"),
    # For load balancers and monitors: the database and the cache, as JSON (docs/operations.md).
    path("healthz", healthz, name="healthz"),
]

# A database or cache outage gets the Vietnamese 503 page instead of the 500 page, wherever it is raised.
handler500 = "operations.views.server_error"

# Vietnamese keeps the old portal's unprefixed URLs; English lives under /en/.
urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("search/suggest/", search_views.suggest, name="search_suggest"),
    path("van-ban/", include("official_documents.urls")),
    path("", include("articles.urls")),
    # Wagtail's own URLs, its page-serving view finding pages from the route table (delivery/routing.py).
    path("", include([p for p in wagtail_urls.urlpatterns if p.name != "wagtail_serve"])),
    re_path(wagtail_urls.serve_pattern, routing.serve, name="wagtail_serve"),
    prefix_default_language=False,
)

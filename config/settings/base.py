"""Settings shared by every environment. Everything that differs between machines comes from the environment."""

import ipaddress
import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent
# `site/` holds the site-wide front end; it is not a Python package (see README).
SITE_DIR = BASE_DIR / "site"


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in ("1", "true", "yes", "on"):
        return True
    if value.lower() in ("0", "false", "no", "off"):
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (1/0, true/false), got {value!r}")


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_int(name, default, minimum=0):
    value = os.environ.get(name, "")
    try:
        number = int(value) if value.strip() else default
    except ValueError:
        number = None
    if number is None or number < minimum:
        raise ImproperlyConfigured(f"{name} must be a whole number, at least {minimum}, got {value!r}")
    return number


def env_networks(name):
    """A comma-separated list of IP addresses or networks (CIDR), checked at start-up."""
    networks = env_list(name)
    for network in networks:
        try:
            ipaddress.ip_network(network, strict=False)
        except ValueError:
            raise ImproperlyConfigured(
                f"{name} must list IP addresses or networks such as 10.0.0.2 or 10.0.0.0/24, got {network!r}"
            ) from None
    return networks


DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Project apps, one concern each (see README, "Architecture").
    "delivery",
    "core",
    "home",
    "articles",
    "campaigns",
    "images",
    "official_documents",
    "organisation",
    "contact",
    "legal_qa",
    "editorial",
    "visits",
    "search",
    "operations",
    "demo",
    # Wagtail
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.redirects",
    # Promoted results ("Kết quả đề xuất") that editors choose for a search (search/promotions.py).
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "axes",
    "csp",
    # Django
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy on every response but the admin's (see CONTENT_SECURITY_POLICY).
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Above any cache middleware, so that views of cached pages are counted too.
    "visits.middleware.CountPageViewsMiddleware",
    # Likewise above the page cache, so that searches answered from it are counted (search/log.py).
    "search.log.LogSearchesMiddleware",
    # Whether the caches may be shared for this request: never for the admin (previews, drafts, revisions,
    # moderation), docs/delivery.md.
    "delivery.content_cache.SharedCacheMiddleware",
    # Public views see only the query parameters they read (delivery/page_cache.py).
    "delivery.page_cache.PublicQueryMiddleware",
    # The whole-page cache of anonymous readers' pages (delivery/page_cache.py): below the view counting, above
    # everything a cached page does not need.
    "delivery.page_cache.PageCacheMiddleware",
    # Wagtail's site for the request, from the cache (delivery/routing.py).
    "delivery.routing.SiteFromCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # A form body in another charset than UTF-8 gets the 400 page, not a bare 500 (core/middleware.py).
    "core.middleware.MisencodedFormMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Lends the request to the approval step, which says what each workflow action did (editorial/feedback.py).
    "editorial.feedback.CurrentRequestMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes requires: turns a locked-out login attempt into its response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SITE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "delivery.context_processors.fragment_cache",
            ],
        },
    },
]

# SQLite file next to manage.py unless DATABASE_URL says otherwise (PostgreSQL in production).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# django-axes first (with an atomic count of attempts, editorial/login.py): it refuses a locked-out login before
# the password is checked.
AUTHENTICATION_BACKENDS = [
    "editorial.login.AtomicAxesBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: Vietnamese first, English alongside (wagtail-localize).
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# A new translation of a live page starts as a draft; like every page, it goes public through the approval
# workflow ("Duyệt tin bài"), never by being created.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [SITE_DIR / "locale"]
FORMAT_MODULE_PATH = ["config.formats"]

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static"))
STATICFILES_DIRS = [SITE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Photos go through images/views.py, which sends only what something published shows; behind nginx, its internal
# location aliasing MEDIA_ROOT sends the file (docs/deployment.md, "nginx"). Public photos are kept by browsers this
# long.
MEDIA_ACCEL_REDIRECT = os.environ.get("MEDIA_ACCEL_REDIRECT", "")
MEDIA_CACHE_SECONDS = int(os.environ.get("MEDIA_CACHE_SECONDS", "86400"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Parts of pages ({% cache %}, see FRAGMENT_CACHE_SECONDS) stay in each process's memory, in every environment:
# their keys carry the content versions read from the default cache, so a process never serves a stale one, and
# reading one costs no round trip.
FRAGMENT_CACHE = {
    # Read and written only while serving readers (delivery/fragment_cache.py).
    "BACKEND": "delivery.fragment_cache.ReadersOnlyCache",
    "LOCATION": "template-fragments",
    "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("FRAGMENT_CACHE_ENTRIES", "2000"))},
}
# The default cache: local memory, one per process; production uses Redis when REDIS_URL is set.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "OPTIONS": {"MAX_ENTRIES": 5000}},
    "template_fragments": FRAGMENT_CACHE,
}
# Whole pages for anonymous readers (delivery/page_cache.py), emptied whenever content changes: seconds a page is
# kept at most (so the view counts it shows are that old at most; 0 turns the cache off), and how long a CDN may
# serve a stale copy while it fetches a fresh one.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "60"))
PAGE_CACHE_STALE_SECONDS = int(os.environ.get("PAGE_CACHE_STALE_SECONDS", "60"))
# Parts of pages rendered once and reused (Django's {% cache %} tag, keyed by the content versions of
# delivery/content_cache.py, so never stale): a page the whole-page cache does not answer (a logged-in editor, a page
# just invalidated by a publish elsewhere) reuses its own rendered text and the site's furniture. Seconds a part is
# kept at most; 0 renders every part afresh (the load benchmark's "cold" figures).
FRAGMENT_CACHE_SECONDS = int(os.environ.get("FRAGMENT_CACHE_SECONDS", "300"))
# Models shown on public pages, or deciding which page an address shows, changed without a page being published:
# saving or deleting one changes the content version that keys every cache (docs/delivery.md). Besides these,
# every snippet and every site setting.
CONTENT_MODELS_SHOWN_ON_PAGES = [
    "images.CaptionedImage",
    "wagtaildocs.Document",
    "search.Abbreviation",
    "search.Synonym",
    "wagtailsearchpromotions.Query",
    "wagtailsearchpromotions.SearchPromotion",
    "wagtailcore.Site",
    "wagtailcore.Locale",
    "taggit.Tag",  # renamed or deleted: tag pages, articles and their related articles show it
]
# Data of the page furniture and the route table (delivery/content_cache.py, delivery/routing.py), keyed by the
# content version: seconds an entry is kept at most; 0 computes everything afresh on every request.
CONTENT_CACHE_SECONDS = int(os.environ.get("CONTENT_CACHE_SECONDS", "300"))
# A CDN or caching proxy in front (docs/delivery.md, "A CDN"): Wagtail purges a page's addresses, and ours its section
# and home page, when it is published or unpublished. FRONTEND_CACHE_PURGE_URL: a proxy that accepts PURGE
# requests (Varnish, nginx with a purge module); CLOUDFLARE_ZONE_ID and CLOUDFLARE_BEARER_TOKEN: Cloudflare.
WAGTAILFRONTENDCACHE = {}
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE["proxy"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
    }
if os.environ.get("CLOUDFLARE_ZONE_ID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": os.environ["CLOUDFLARE_ZONE_ID"],
        "BEARER_TOKEN": os.environ.get("CLOUDFLARE_BEARER_TOKEN", ""),
    }

# Wagtail's page editor posts many fields for long StreamFields.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# A request body other than uploaded files (a long page in the editor is well under 1 MB).
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

WAGTAIL_SITE_NAME = os.environ.get("WAGTAIL_SITE_NAME", "Liên đoàn Lao động tỉnh Lào Cai")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# No Gravatar: it would send a hash of each admin user's e-mail to a third party on every admin page, and show a broken
# image where the admin has no Internet access. Wagtail's own default avatar instead (users may upload one).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
# Wagtail's sign-in form with its password label translated (Wagtail leaves it as the field name, in English).
WAGTAILADMIN_USER_LOGIN_FORM = "editorial.login.AdminLoginForm"
WAGTAILIMAGES_IMAGE_MODEL = "images.CaptionedImage"
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"bmp": "jpeg", "webp": "webp"}
# Uploads: what the newsroom needs and no more (no SVG, which can carry scripts). Wagtail refuses the rest with
# a message (in Vietnamese, site/locale/vi); the reverse proxy should cap request bodies a little above 20 MB.
WAGTAILDOCS_EXTENSIONS = ["pdf", "doc", "docx", "odt", "xls", "xlsx", "ods", "rtf", "txt", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "gif", "webp", "avif"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
# On PostgreSQL, the "simple" text search configuration: the default ("english") stems words and drops
# Vietnamese syllables that are English stop words ("an" in "an toàn"). SQLite ignores the option.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "simple"}}
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"

ARTICLES_PER_PAGE = 10

# The admin's address, e.g. "quan-tri/"; the public footer links to its login page wherever it is.
WAGTAILADMIN_PATH = os.environ.get("WAGTAILADMIN_PATH", "admin/").strip("/") + "/"
if WAGTAILADMIN_PATH == "/":
    raise ImproperlyConfigured("WAGTAILADMIN_PATH must not be empty: the public site lives at /.")

# Security that holds in every environment; production.py adds HTTPS (HSTS, secure cookies, redirect).
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True  # Wagtail's admin takes the token from the page, never from the cookie
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

# Content-Security-Policy (django-csp) for the public site: no inline script or style. Its one script is
# /static/js/site.js; its JSON-LD blocks (<script type="application/ld+json">) are data blocks, which browsers
# never execute and CSP does not check. The 500 page carries its own small <style> (it must render without the
# stylesheet), allowed by its hash, which tests/test_security.py checks against the template. The Wagtail admin
# needs inline scripts and styles and is left out. CSP_FRAME_SRC: who may be embedded (video embeds);
# CSP_MEDIA_ORIGINS: where images come from when media are not on this host (S3, CDN).
ERROR_PAGE_STYLE_HASH = "'sha256-F3S8QtVQetllrdHyf3CnZOlWnFQItjU8KnkZV2r062w='"
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": [f"/{WAGTAILADMIN_PATH}"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", ERROR_PAGE_STYLE_HASH],
        "img-src": ["'self'", "data:", *env_list("CSP_MEDIA_ORIGINS")],
        "media-src": ["'self'", *env_list("CSP_MEDIA_ORIGINS")],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": env_list(
            "CSP_FRAME_SRC", "https://www.youtube.com,https://www.youtube-nocookie.com,https://player.vimeo.com"
        ),
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    },
}

# The reader's address (operations/client_address.py, docs/abuse-limits.md), the same for login throttling, the
# forms' limits and view counting. By default no proxy is trusted: the connection's address (REMOTE_ADDR), any
# X-Forwarded-For ignored. Behind reverse proxies that append to X-Forwarded-For (nginx's
# $proxy_add_x_forwarded_for): TRUSTED_PROXY_COUNT, how many stand in front of the application (1 for one nginx);
# TRUSTED_PROXY_ADDRESSES, the addresses or networks the one next to the application connects from, so that a
# request from anywhere else is taken as direct and its header ignored (given alone, it means one proxy).
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
TRUSTED_PROXY_ADDRESSES = env_networks("TRUSTED_PROXY_ADDRESSES")
if env_bool("VISITS_TRUST_X_FORWARDED_FOR", False) and not (TRUSTED_PROXY_COUNT or TRUSTED_PROXY_ADDRESSES):
    # It trusted the left-most address, which any client writes. Left alone, it would now leave every reader
    # counted as the proxy (and limited together with all the others): better not to start.
    raise ImproperlyConfigured(
        "VISITS_TRUST_X_FORWARDED_FOR is no longer read: behind one reverse proxy set TRUSTED_PROXY_COUNT=1 "
        "(and TRUSTED_PROXY_ADDRESSES to its address), see docs/abuse-limits.md."
    )

# View counting (visits/counting.py): counted views of one page from one address a day at most, whatever user
# agents it sends (0: no cap). People behind one address (an office, a mobile carrier's NAT) share it.
VISITS_MAX_VIEWS_PER_ADDRESS = env_int("VISITS_MAX_VIEWS_PER_ADDRESS", 10)

# Login throttling (django-axes): five wrong passwords for one account from one address lock that pair out for
# 15 minutes, with a page in Vietnamese (editorial/lockout.py). Locking by address alone would lock a
# whole newsroom behind one NAT; by account alone, anyone could lock an editor out. The address is the one above.
# editorial/login.py also counts attempts atomically in the cache, so that concurrent guesses cannot all be
# checked before the first failure is recorded.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "editorial.lockout.lockout_response"
AXES_CLIENT_IP_CALLABLE = "operations.client_address.client_ip"
AXES_VERBOSE = False

# Separation of duties (docs/workflow.md): nobody approves what they submitted themselves, unless a one-person
# office turns this on.
EDITORIAL_ALLOW_SELF_APPROVAL = env_bool("EDITORIAL_ALLOW_SELF_APPROVAL", False)
# Personal data that readers send (contact messages, legal questions' askers), Decree 13/2023/ND-CP: kept this
# many days, then deleted or anonymised by `manage.py purge_personal_data` (docs/workflow.md).
_retention = os.environ.get("PERSONAL_DATA_RETENTION_DAYS", "") or "365"
if not (_retention.isascii() and _retention.isdigit() and int(_retention) >= 1):
    raise ImproperlyConfigured(
        f"PERSONAL_DATA_RETENTION_DAYS must be a whole number of days, at least 1: {_retention!r}"
    )
PERSONAL_DATA_RETENTION_DAYS = int(_retention)
# What readers searched for (search/log.py: queries and counts by day, nothing about who searched): kept this
# many days, then deleted by `manage.py purge_search_log` (daily from cron).
_search_retention = os.environ.get("SEARCH_LOG_RETENTION_DAYS", "") or "730"
if not (_search_retention.isascii() and _search_retention.isdigit() and int(_search_retention) >= 1):
    raise ImproperlyConfigured(
        f"SEARCH_LOG_RETENTION_DAYS must be a whole number of days, at least 1: {_search_retention!r}"
    )
SEARCH_LOG_RETENTION_DAYS = int(_search_retention)
# Readers' searches are counted in each process's memory and written every this many seconds (search/log.py).
SEARCH_LOG_FLUSH_SECONDS = float(os.environ.get("SEARCH_LOG_FLUSH_SECONDS", "") or "10")
# New pages get ASCII addresses ("Công đoàn tỉnh" -> cong-doan-tinh), never percent-encoded ones when shared.
WAGTAIL_ALLOW_UNICODE_SLUGS = False


def require_env(name):
    value = os.environ.get(name)
    if not value:
        raise ImproperlyConfigured(f"The environment variable {name} is required in production.")
    return value

"""Settings shared by every environment. Everything that differs between machines comes from the environment."""

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


DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Project apps, one concern each (see README, "Architecture").
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
    # Wagtail
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.redirects",
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
    # The whole-page cache of anonymous readers' pages (home/page_cache.py): below the view counting, above
    # everything a cached page does not need.
    "home.page_cache.PageCacheMiddleware",
    # Wagtail's site for the request, from the cache (home/routing.py).
    "home.routing.SiteFromCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # A form body in another charset than UTF-8 gets the 400 page, not a bare 500 (home/middleware.py).
    "home.middleware.MisencodedFormMiddleware",
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
                "home.context_processors.fragment_cache",
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

# django-axes first: it refuses a locked-out login before the password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
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
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Local memory, one per process; production uses Redis when REDIS_URL is set. Parts of pages ({% cache %}, see
# FRAGMENT_CACHE_SECONDS) stay in each process's memory: their keys carry the content versions read from the
# default cache, so a process never serves a stale one, and reading one costs no round trip.
FRAGMENT_CACHE = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "template-fragments",
    "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("FRAGMENT_CACHE_ENTRIES", "2000"))},
}
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "OPTIONS": {"MAX_ENTRIES": 5000}},
    "template_fragments": FRAGMENT_CACHE,
}
# Whole pages for anonymous readers (home/page_cache.py), emptied whenever content changes: seconds a page is
# kept at most (so the view counts it shows are that old at most; 0 turns the cache off), and how long a CDN may
# serve a stale copy while it fetches a fresh one.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "60"))
PAGE_CACHE_STALE_SECONDS = int(os.environ.get("PAGE_CACHE_STALE_SECONDS", "60"))
# Parts of pages rendered once and reused (Django's {% cache %} tag, keyed by the content versions of
# home/content_cache.py, so never stale): a page the whole-page cache does not answer (a logged-in editor, a page
# just invalidated by a publish elsewhere) reuses its own rendered text and the site's furniture. Seconds a part is
# kept at most; 0 renders every part afresh (the load benchmark's "cold" figures).
FRAGMENT_CACHE_SECONDS = int(os.environ.get("FRAGMENT_CACHE_SECONDS", "300"))
# A CDN or caching proxy in front (README, "Page cache"): Wagtail purges a page's addresses, and ours its section
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

# Security that holds in every environment; production.py adds HTTPS (HSTS, secure cookies, redirect).
# The admin's address, e.g. "quan-tri/"; the public footer links to its login page wherever it is.
WAGTAILADMIN_PATH = os.environ.get("WAGTAILADMIN_PATH", "admin/").strip("/") + "/"
if WAGTAILADMIN_PATH == "/":
    raise ImproperlyConfigured("WAGTAILADMIN_PATH must not be empty: the public site lives at /.")
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

# Login throttling (django-axes): five wrong passwords for one account from one address lock that pair out for
# 15 minutes, with a page in Vietnamese (editorial/lockout.py). Locking by address alone would lock a
# whole newsroom behind one NAT; by account alone, anyone could lock an editor out. Behind a reverse proxy the
# address comes from X-Forwarded-For exactly as for visit counting (VISITS_TRUST_X_FORWARDED_FOR).
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "editorial.lockout.lockout_response"
AXES_CLIENT_IP_CALLABLE = "visits.counting.client_ip"
AXES_VERBOSE = False
# Behind a reverse proxy that sets X-Forwarded-For, count visitors by that address instead of the proxy's.
VISITS_TRUST_X_FORWARDED_FOR = env_bool("VISITS_TRUST_X_FORWARDED_FOR", False)

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
# New pages get ASCII addresses ("Công đoàn tỉnh" -> cong-doan-tinh), never percent-encoded ones when shared.
WAGTAIL_ALLOW_UNICODE_SLUGS = False


def require_env(name):
    value = os.environ.get(name)
    if not value:
        raise ImproperlyConfigured(f"The environment variable {name} is required in production.")
    return value

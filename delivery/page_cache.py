"""The whole-page cache of the public site: what an anonymous reader gets, stored once and served to every other
anonymous reader until the content changes.

- Keyed by the content version of `delivery.content_cache`, which changes when any page is published, unpublished,
  moved, renamed or deleted, a view restriction changes, or anything else shown on pages (snippets such as
  official documents, images, documents, site settings, search abbreviations) is saved or deleted: every page
  is then rendered afresh, so a section listing, the "latest news" sidebar or a campaign's article list is
  never stale. Simple and correct; publishing is rare next to reading.
- Only for a GET or HEAD without a session cookie (so never for a logged-in user, nor a reader who passed a
  page's password), outside the admin (previews live there), and only a 200 response that sets no cookie (a
  page with a form sets the CSRF cookie), is not streamed, says nothing against caching, and is in the
  language its address implies.
- View counts stay right: visits.middleware.CountPageViewsMiddleware sits above this middleware and counts the
  X-Page-Id header stored with the response. The figures shown on a page (views, the statistics box) are at
  most PAGE_CACHE_SECONDS old.
- Cacheable responses say `Cache-Control: public, max-age=0, s-maxage=..., stale-while-revalidate=...`: browsers
  ask again each time, a shared cache (CDN, proxy) may keep them; see docs/delivery.md, "A CDN".

Two levels: the shared cache (Redis when REDIS_URL is set), so that a page is rendered once for all processes, and
each process's memory (the last PAGE_CACHE_LOCAL_ENTRIES pages it served), so that a page served again costs no
round trip. A process asks the shared cache for the content version at most once every
PAGE_CACHE_VERSION_SECONDS (1 s), and at once after a change made in that process: after a publish, other
processes may serve the old page for up to that second. With the local-memory cache there is no shared level:
several processes (gunicorn workers, several servers, the cron job that publishes scheduled pages) need REDIS_URL,
or else a page may be PAGE_CACHE_SECONDS stale."""

import functools
import hashlib
import pickle
import time
from collections.abc import Callable
from importlib import import_module
from urllib.parse import unquote_plus

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.sessions.backends.base import SessionBase
from django.core.cache import caches
from django.db.models import Model
from django.db.models.signals import post_delete, post_save
from django.http import HttpRequest, HttpResponseBase, QueryDict
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language_from_path
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

from delivery import content_cache, release


@functools.cache
def models_shown_on_pages() -> frozenset[type[Model]]:
    from wagtail.contrib.settings.models import BaseSiteSetting
    from wagtail.snippets.models import get_snippet_models

    settings_models = [model for model in apps.get_models() if issubclass(model, BaseSiteSetting)]
    return frozenset(
        [*map(apps.get_model, settings.CONTENT_MODELS_SHOWN_ON_PAGES), *get_snippet_models(), *settings_models]
    )


def seconds() -> int:
    value: int = getattr(settings, "PAGE_CACHE_SECONDS", 0)
    return value


def page_language(request: HttpRequest) -> str:
    return get_language_from_path(request.path_info) or settings.LANGUAGE_CODE


def address_key(request: HttpRequest) -> str:
    address = f"{release.version()}|{request.get_host()}|{request.get_full_path()}|{page_language(request)}"
    return hashlib.sha256(address.encode()).hexdigest()


# The query parameters the public site reads: pagination (`page`; `p` for the sitemap), search terms (`q`), the
# search page's JSON (`format`), the document library's and the legal Q&A's filters (`question`: one answer, as
# search results link to it). Add here any parameter a new public view reads: tests/test_page_cache.py renders
# every view with and without stray parameters.
PUBLIC_QUERY_PARAMETERS = frozenset({"page", "p", "q", "format", "kind", "year", "issuer", "topic", "question"})


class PublicQueryMiddleware:
    """Public views see only the query parameters they read: any other (`?x=123`, `utm_source`, a cache buster)
    is dropped before any view or cache sees the request, so it neither changes the page nor bypasses the page
    cache nor stores one more copy of it. The admin (previews, forms) keeps every parameter. Place it above the
    page cache."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response
        self.admin_prefix = f"/{settings.WAGTAILADMIN_PATH}"

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        query = request.META.get("QUERY_STRING", "")
        if query and request.method in ("GET", "HEAD") and not request.path_info.startswith(self.admin_prefix):
            kept = [part for part in query.split("&") if unquote_plus(part.split("=", 1)[0]) in PUBLIC_QUERY_PARAMETERS]
            if len(kept) != len(query.split("&")):
                request.META["QUERY_STRING"] = "&".join(kept)
                request.GET = QueryDict(request.META["QUERY_STRING"])
        return self.get_response(request)


class PageCacheMiddleware:
    """Place it right below visits.middleware.CountPageViewsMiddleware and above the session middleware."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response
        self.cache = caches[getattr(settings, "PAGE_CACHE_ALIAS", "default")]
        # Pickled responses this process served, the last PAGE_CACHE_LOCAL_ENTRIES of them.
        self.memory = content_cache.ProcessMemory(lambda: getattr(settings, "PAGE_CACHE_LOCAL_ENTRIES", 200))
        self.version: str | None = None
        self.version_checked = 0.0
        self.generation: int | None = None

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if not self.may_serve(request):
            return self.get_response(request)
        key = f"page:{self.current_version()}:{address_key(request)}"
        stored = self.fetch(key)
        if stored is not None:
            response: HttpResponseBase = pickle.loads(stored)  # noqa: S301 (written by this middleware only)
            # No session cookie, so the reader is anonymous; the middleware above may ask.
            request.user = AnonymousUser()
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if request.method == "GET" and self.may_store(request, response):
            patch_cache_control(
                response,
                public=True,
                max_age=0,
                s_maxage=seconds(),
                stale_while_revalidate=getattr(settings, "PAGE_CACHE_STALE_SECONDS", 0),
            )
            stored = pickle.dumps(response, pickle.HIGHEST_PROTOCOL)
            self.cache.set(key, stored, seconds())
            self.memory.keep(key, stored, seconds())
            response["X-Page-Cache"] = "miss"
        return response

    def current_version(self) -> str:
        now = time.monotonic()
        if (
            self.version is None
            or self.generation != content_cache.generation
            or now - self.version_checked >= getattr(settings, "PAGE_CACHE_VERSION_SECONDS", 1)
        ):
            self.generation = content_cache.generation
            self.version, self.version_checked = content_cache.version(), now
            self.memory.follow(self.version)
        return self.version

    def fetch(self, key: str) -> bytes | None:
        stored = self.memory.get(key)
        if stored is not None:
            return stored
        stored = self.cache.get(key)
        if not isinstance(stored, bytes):  # nothing, or something else under that key (an older release's)
            return None
        self.memory.keep(key, stored, seconds())
        return stored

    def may_serve(self, request: HttpRequest) -> bool:
        return (
            seconds() > 0
            and request.method in ("GET", "HEAD")
            and content_cache.serves_readers(request)
            and not has_session(request)
        )

    @staticmethod
    def may_store(request: HttpRequest, response: HttpResponseBase) -> bool:
        user = getattr(request, "user", None)
        cache_control = response.get("Cache-Control", "").lower()
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not (user is not None and user.is_authenticated)
            and not any(word in cache_control for word in ("private", "no-cache", "no-store"))
            and getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE) == page_language(request)
        )


def has_session(request: HttpRequest) -> bool:
    """Whether the request carries a session that exists (a signed-in user, a reader who passed a page's
    password): a made-up or expired session cookie is no session, and gets the page every reader gets (one
    lookup of the session, only for requests that carry the cookie)."""
    key = request.COOKIES.get(settings.SESSION_COOKIE_NAME)
    if not key:
        return False
    store: SessionBase = import_module(settings.SESSION_ENGINE).SessionStore()
    return store.exists(key)


# Wagtail fills these in on an image or document the first time a page needs them (files not uploaded through the
# admin: the demo's, the importer's): nothing a reader sees changes, and emptying the cache for them would empty
# it on every page view that does it.
FILE_METADATA = {"file_size", "file_hash"}


def invalidate_on_content_change(
    sender: type[Model], instance: Model | None = None, update_fields: frozenset[str] | None = None, **kwargs: object
) -> None:
    """A snippet that is public only once published (a reader's legal question) says whether it ever was
    (`shown_on_pages`): readers' questions arriving, or deleted unanswered, then leave the cache alone."""
    if sender not in models_shown_on_pages() or (update_fields and set(update_fields) <= FILE_METADATA):
        return
    if getattr(instance, "shown_on_pages", True):
        content_cache.invalidate()


def purge_listings_from_frontend_cache(sender: type[Page], instance: Page, **kwargs: object) -> None:
    """A CDN keeps the page's section and home page too: they are purged with the page (Wagtail purges the page
    itself); other pages showing it (the "latest news" sidebar) expire by s-maxage."""
    if getattr(settings, "WAGTAILFRONTENDCACHE", None):
        from wagtail.contrib.frontend_cache.utils import PurgeBatch

        batch = PurgeBatch()
        batch.add_pages(instance.get_ancestors().live().filter(depth__gt=1).specific())
        batch.purge()


def connect_signals() -> None:

    for signal in (page_published, page_unpublished):
        signal.connect(purge_listings_from_frontend_cache, dispatch_uid=f"page-cache-purge-{id(signal)}")
    for signal in (post_save, post_delete):
        signal.connect(invalidate_on_content_change, dispatch_uid=f"page-cache-content-{id(signal)}")

"""Cached data of the site-wide furniture (menu, breadcrumbs, "latest news", which pages are restricted).

Every entry carries the current content version, which changes whenever a page is published, unpublished,
moved or deleted, or a view restriction changes; old entries are then never read again and expire. With the
default local-memory cache each server process keeps its own copy, so several processes need a shared cache
(REDIS_URL) for an instant update everywhere; a local copy is at most TIMEOUT seconds stale.

Two levels, so that a page rendered without the whole-page cache does not ask Redis a dozen times: a request reads
the version from the cache once (and again after a change it made itself), and each process keeps the entries it
has read or computed (the last LOCAL_ENTRIES, pickled, so that every caller gets its own copy as from Redis).
An entry is kept under its version's key, so a new version is seen exactly as before: the process's copies of the
old one are never read again."""

import contextlib
import pickle
import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Final, TypeVar, cast

from django.conf import settings
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import transaction
from django.db.models import Model, Q, QuerySet
from django.db.models.signals import post_delete, post_save
from django.http import HttpRequest, HttpResponseBase
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from delivery import release

VERSION_KEY = "content-cache-version"
TIMEOUT = 300
LOCAL_ENTRIES = 1000


class ProcessMemory:
    """What one process keeps of the shared cache, so that it serves an entry again without a round trip: the last
    `max_entries` stored (oldest dropped first), each until it expires, all of one content version (storing under
    another version forgets the rest). Values are bytes (pickled by the caller), so every reader gets its own copy.
    Threads may race on it: the worst outcome is a miss."""

    def __init__(self, max_entries: int | Callable[[], int]) -> None:
        self.max_entries = max_entries  # a number, or a function giving it (a setting read when storing)
        self.entries: OrderedDict[str, tuple[float, bytes]] = OrderedDict()  # key: (expiry, bytes), oldest first
        self.version: str | None = None

    def get(self, key: str) -> bytes | None:
        entry = self.entries.get(key)
        if entry is not None and entry[0] > time.monotonic():
            return entry[1]
        return None

    def keep(self, key: str, stored: bytes, seconds: float) -> None:
        self.entries[key] = (time.monotonic() + seconds, stored)
        limit = self.max_entries() if callable(self.max_entries) else self.max_entries
        while len(self.entries) > limit:
            try:
                self.entries.popitem(last=False)
            except KeyError:  # emptied by another thread
                break

    def follow(self, version: str) -> None:
        """Forget everything kept if the content version has changed."""
        if version != self.version:
            self.entries.clear()
            self.version = version


class RequestState(threading.local):
    """What the request this thread is serving may do and has read. The class attributes are the state outside
    requests (commands, the shell, a thread of a test), where the version is read at each call."""

    active: bool = False  # between request_began and request_ended
    version: str | None = None  # the content version the request read, while `generation` is this process's
    generation: int | None = None
    shared: bool = False  # whether the request may read and write shared entries (SharedCacheMiddleware)
    memo: dict[tuple[str, ...], Any] | None = None  # what memoised() computed for the request


request_state = RequestState()
memory = ProcessMemory(LOCAL_ENTRIES)  # pickled values of cached()
MISSING: Final = object()
T = TypeVar("T")


def version() -> str:
    """The content version: read once per request (and again after a change the request made itself)."""
    in_request = request_state.active
    if in_request and request_state.generation == generation and request_state.version is not None:
        return request_state.version
    found: str | None = cache.get(VERSION_KEY)
    if found is None:
        found = uuid.uuid4().hex
        cache.set(VERSION_KEY, found, None)
    if in_request:
        request_state.version, request_state.generation = found, generation
    return found


def seconds() -> int:
    """How long an entry is kept at most (CONTENT_CACHE_SECONDS); 0 turns the cached data and the route table off
    (the differential test's fresh render, the benchmark's cold mode)."""
    value: int = getattr(settings, "CONTENT_CACHE_SECONDS", TIMEOUT)
    return value


def enabled() -> bool:
    return seconds() > 0


def shared() -> bool:
    """Whether the request being served may read and write shared entries: only what readers are shown. A preview,
    a draft, a revision, a comparison or a moderation view (everything under the admin) renders objects that are
    not the live ones, from which nothing may be kept for readers; it computes everything afresh (once per
    request). Outside a request (commands, the shell) nothing is shared either: what a command computes may be
    an unsaved object's."""
    return enabled() and request_state.shared


def cached(name: str, *key_parts: object, compute: Callable[[], T]) -> T:
    """What `compute()` gives, kept for readers under `name` and `key_parts` until the content version changes."""
    if not shared():
        return memoised(name, key_parts, compute)
    value = lookup(name, *key_parts)
    if value is MISSING:
        value = compute()
        store(name, *key_parts, value=value)
    return cast(T, value)  # stored by this function: what compute() gave for this name and these key parts


def memoised(name: str, key_parts: Iterable[object], compute: Callable[[], T]) -> T:
    """Per request only: a request that is not shared may still ask for one thing twice (the site, the menu).
    Objects of a preview are keyed by identity, so that a draft and the live page never share an entry."""
    memo = request_state.memo
    if memo is None:
        return compute()
    key = (name, *map(str, key_parts))
    if key not in memo:
        memo[key] = compute()
    return cast(T, memo[key])  # kept by this function: what compute() gave for this key


def entry_key(name: str, key_parts: Iterable[object]) -> str:
    current = version()
    memory.follow(current)
    return ":".join(["content", release.version(), current, name, *map(str, key_parts)])


def lookup(name: str, *key_parts: object) -> Any:
    """The entry stored under the current version, or MISSING (always, where nothing is shared)."""
    if not shared():
        return MISSING
    key = entry_key(name, key_parts)
    stored = memory.get(key)
    if stored is not None:
        return pickle.loads(stored)  # noqa: S301 (written by this module only)
    value = cache.get(key, MISSING)
    if value is not MISSING:
        memory.keep(key, pickle.dumps(value, pickle.HIGHEST_PROTOCOL), seconds())
    return value


def store(name: str, *key_parts: object, value: object) -> None:
    if not shared():
        return
    key = entry_key(name, key_parts)
    cache.add(key, value, seconds())
    memory.keep(key, pickle.dumps(value, pickle.HIGHEST_PROTOCOL), seconds())


def request_began(**kwargs: object) -> None:
    request_state.active, request_state.version, request_state.generation = True, None, None
    request_state.shared, request_state.memo = False, {}


def request_ended(**kwargs: object) -> None:
    request_state.active, request_state.version = False, None
    request_state.shared, request_state.memo = False, None


def serves_readers(request: HttpRequest) -> bool:
    """Whether a request is one whose answer the caches may keep or give: anything outside the admin (where
    previews, drafts, revisions, comparisons and moderation views live), and not one of the requests Wagtail
    makes up to render a preview or a moderation view at the page's public address (`is_dummy`, set before any
    middleware runs) or marks as a preview."""
    return not (
        request.path_info.startswith(f"/{settings.WAGTAILADMIN_PATH}")
        or getattr(request, "is_dummy", False)
        or getattr(request, "is_preview", False)
    )


@contextlib.contextmanager
def serving_readers() -> Iterator[None]:
    """Code outside a request that computes only what readers see (a benchmark, a test) may share entries."""
    previous = request_state.shared, request_state.memo
    request_state.shared, request_state.memo = True, {}
    try:
        yield
    finally:
        request_state.shared, request_state.memo = previous


class SharedCacheMiddleware:
    """Says, for the request, whether the caches may be shared (`serves_readers`). Place it first of the
    delivery middleware, above the page cache."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        request_state.shared, request_state.memo = serves_readers(request), {}
        try:
            return self.get_response(request)
        finally:
            request_state.shared, request_state.memo = False, None


def restricted_paths() -> list[str]:
    """The paths of the pages with a view restriction (password, login, groups): usually none."""
    return cached(
        "restricted-paths",
        compute=lambda: list(PageViewRestriction.objects.values_list("page__path", flat=True)),
    )


def public_q() -> Q:
    """A filter for pages readers may see, i.e. not under a view restriction (password, login, groups)."""
    condition = Q()
    for path in restricted_paths():
        condition &= ~Q(path__startswith=path)
    return condition


class ViewRestrictionsFromCache:
    """For page types: Wagtail checks a page's view restrictions before serving it, with two queries (the page's
    ancestors, then their restrictions). While no page of the site has one, which the cached list of restricted
    paths says, there is none to find; otherwise Wagtail looks as usual (aliases included)."""

    def get_view_restrictions(self) -> QuerySet[Any]:
        # Wagtail has no type hints: its querysets are Any to mypy, named here for what they are.
        if not restricted_paths():
            none: QuerySet[Any] = PageViewRestriction.objects.none()
            return none
        restrictions: QuerySet[Any] = super().get_view_restrictions()  # type: ignore[misc]  # a mixin for pages
        return restrictions


# Counts this process's invalidations, so that what keeps the version in memory (delivery/page_cache.py) sees a change
# made here at once, without asking the cache.
generation = 0


def invalidate(**kwargs: object) -> None:
    """Something shown on pages changed: a new content version, so that every cached page, part and piece of data
    is computed afresh."""
    new_version()
    # The signals come before the change is committed: what is rendered meanwhile still reads the old content,
    # under the new version. Changing the version again once committed puts that out of reach.
    transaction.on_commit(new_version)


def new_version() -> None:
    global generation
    generation += 1
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)


# What saving a draft, autosaving, locking or submitting a page writes on it: nothing readers see.
DRAFT_FIELDS = frozenset(
    {
        "wagtail_admin_comments",
        "comments",
        "latest_revision_created_at",
        "draft_title",
        "latest_revision",
        "has_unpublished_changes",
        "locked",
        "locked_by",
        "locked_at",
    }
)


def page_saved(
    sender: type[Model],
    instance: Model,
    created: bool,
    update_fields: frozenset[str] | None = None,
    raw: bool = False,
    **kwargs: object,
) -> None:
    """A page saved live without a publication: a copy, a translation's new parent section
    (`copy_for_translation(copy_parents=True)`), a page created live by code or an import. Publications send
    their own signals; drafts, autosaves and locks write only DRAFT_FIELDS and change nothing here."""
    if raw or not isinstance(instance, Page):
        return
    if update_fields and set(update_fields) <= DRAFT_FIELDS:
        return
    if instance.live or created:
        invalidate()


def connect_signals() -> None:

    request_started.connect(request_began, dispatch_uid="content-cache-request-started")
    request_finished.connect(request_ended, dispatch_uid="content-cache-request-finished")
    for signal in (page_published, page_unpublished, post_page_move, page_slug_changed):
        signal.connect(invalidate, dispatch_uid=f"content-cache-{id(signal)}")
    post_delete.connect(invalidate, sender=Page, dispatch_uid="content-cache-page-delete")
    post_save.connect(page_saved, dispatch_uid="content-cache-page-saved")  # every page type
    for signal in (post_save, post_delete):
        signal.connect(invalidate, sender=PageViewRestriction, dispatch_uid=f"content-cache-restriction-{id(signal)}")

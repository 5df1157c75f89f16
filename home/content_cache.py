"""Cached data of the site-wide furniture (menu, breadcrumbs, "latest news", which pages are restricted).

Every entry carries the current content version, which changes whenever a page is published, unpublished,
moved or deleted, or a view restriction changes; old entries are then never read again and expire. With the
default local-memory cache each server process keeps its own copy, so several processes need a shared cache
(REDIS_URL) for an instant update everywhere; a local copy is at most TIMEOUT seconds stale."""

import uuid

from django.core.cache import cache
from django.db import transaction
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

VERSION_KEY = "content-cache-version"
TIMEOUT = 300


def version():
    current = cache.get(VERSION_KEY)
    if current is None:
        current = uuid.uuid4().hex
        cache.set(VERSION_KEY, current, None)
    return current


def cached(name, *key_parts, compute):
    key = ":".join(["content", version(), name, *map(str, key_parts)])
    return cache.get_or_set(key, compute, TIMEOUT)


def public_q():
    """A filter for pages readers may see, i.e. not under a view restriction (password, login, groups)."""
    paths = cached(
        "restricted-paths",
        compute=lambda: list(PageViewRestriction.objects.values_list("page__path", flat=True)),
    )
    condition = Q()
    for path in paths:
        condition &= ~Q(path__startswith=path)
    return condition


# Counts this process's invalidations, so that what keeps the version in memory (home/page_cache.py) sees a change
# made here at once, without asking the cache.
generation = 0


def invalidate(**kwargs):
    new_version()
    # The signals come before the change is committed: what is rendered meanwhile still reads the old content,
    # under the new version. Changing the version again once committed puts that out of reach.
    transaction.on_commit(new_version)


def new_version():
    global generation
    generation += 1
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)


def connect_signals():
    for signal in (page_published, page_unpublished, post_page_move, page_slug_changed):
        signal.connect(invalidate, dispatch_uid=f"content-cache-{id(signal)}")
    post_delete.connect(invalidate, sender=Page, dispatch_uid="content-cache-page-delete")
    for signal in (post_save, post_delete):
        signal.connect(invalidate, sender=PageViewRestriction, dispatch_uid=f"content-cache-restriction-{id(signal)}")

"""What templates need to cache parts of pages with Django's {% cache %} tag (README, "Page cache")."""

import uuid

from django.conf import settings
from django.utils.functional import SimpleLazyObject

from home import content_cache

FIGURES_SECONDS = 60


def fragment_cache(request):
    """`content_version` changes whenever anything shown on pages does; `assets_version` with anything but pages
    (so a page's own parts are keyed by it and the page's live revision); `fragment_seconds` how long a part is
    kept at most (FRAGMENT_CACHE_SECONDS; 0 renders every part afresh); `figures_seconds` how long a part showing
    counted views may be kept (the week's most read: a minute at most, as the whole-page cache keeps a page). Read
    only by templates that cache."""
    if getattr(request, "is_preview", False):  # a draft: never the live page's parts
        unique = uuid.uuid4().hex
        return {"content_version": unique, "assets_version": unique, "fragment_seconds": 0, "figures_seconds": 0}
    return {
        "content_version": SimpleLazyObject(content_cache.version),
        "assets_version": SimpleLazyObject(content_cache.assets_version),
        "fragment_seconds": settings.FRAGMENT_CACHE_SECONDS,
        "figures_seconds": min(settings.FRAGMENT_CACHE_SECONDS, FIGURES_SECONDS),
    }

"""What templates need to cache parts of pages with Django's {% cache %} tag (docs/delivery.md)."""

import uuid
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from delivery import content_cache

FIGURES_SECONDS = 60


def fragment_cache(request: HttpRequest) -> dict[str, Any]:
    """`content_version` changes whenever anything shown on pages does (a page's own text links to other pages,
    shows photos, documents and snippets: one version for all, docs/delivery.md); `fragment_seconds` how long a part is
    kept at most (FRAGMENT_CACHE_SECONDS; 0 renders every part afresh); `figures_seconds` how long a part showing
    counted views may be kept (the week's most read: a minute at most, as the whole-page cache keeps a page). Read
    only by templates that cache."""
    seconds = settings.FRAGMENT_CACHE_SECONDS
    if seconds <= 0 or not content_cache.serves_readers(request):
        # A preview, a draft, an admin view or the parts turned off: keys no other request has, so that no part
        # is read ({% cache %} reads before it renders, whatever its timeout) and none is kept.
        unique = uuid.uuid4().hex
        return {"content_version": unique, "fragment_seconds": 0, "figures_seconds": 0}
    return {
        "content_version": SimpleLazyObject(content_cache.version),
        "fragment_seconds": seconds,
        "figures_seconds": min(seconds, FIGURES_SECONDS),
    }

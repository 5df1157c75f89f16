"""The cache of parts of pages ({% cache %}, the `template_fragments` alias): each process's memory, read and
written only while serving readers with parts turned on. A preview, a draft, an admin view, a command or a request
with FRAGMENT_CACHE_SECONDS=0 renders every part afresh, whatever the template's key says: a template that forgot
the content version in a key can serve a stale part to readers, never a reader's part to a preview or a draft's
part to readers."""

from typing import Any

from django.conf import settings
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache

from delivery.content_cache import request_state


def serving_readers() -> bool:
    return settings.FRAGMENT_CACHE_SECONDS > 0 and request_state.shared


class ReadersOnlyCache(LocMemCache):
    def get(self, key: str, default: Any = None, version: int | None = None) -> Any:
        if not serving_readers():
            return default
        return super().get(key, default, version)

    def set(self, key: str, value: Any, timeout: float | None = DEFAULT_TIMEOUT, version: int | None = None) -> None:
        if serving_readers():
            super().set(key, value, timeout, version)

    def add(self, key: str, value: Any, timeout: float | None = DEFAULT_TIMEOUT, version: int | None = None) -> bool:
        return serving_readers() and super().add(key, value, timeout, version)

"""What kind of thing a search result is ("Tin bài", "Văn bản"...), as the reader's language says it.

A model that takes part in search (search/indexing.py) names its kind with two class attributes, `search_kind`
(a short code, stored in its entries) and `search_kind_label` (the label, lazily translated). The labels are
collected from Django's app registry, so the search app reads them without importing the content apps."""

import functools

from django.apps import apps
from django.db.models import Model
from django.utils.functional import Promise
from django.utils.translation import pgettext_lazy

PAGE = "page"
DEFAULT_LABEL: Promise = pgettext_lazy("loại kết quả tìm kiếm", "Trang")


@functools.cache
def labels() -> dict[str, Promise]:
    """{kind: lazily translated label} of every model that takes part."""
    found = {PAGE: DEFAULT_LABEL}
    for model in apps.get_models():
        kind = getattr(model, "search_kind", None)
        if kind:
            found[kind] = model.search_kind_label  # type: ignore[attr-defined]  # the interface: with search_kind
    return found


def label(kind: str) -> Promise:
    return labels().get(kind, DEFAULT_LABEL)


def searchable_models() -> list[type[Model]]:
    """The models other than pages whose instances readers may find (they define `search_candidates`)."""
    return [model for model in apps.get_models() if hasattr(model, "search_candidates")]

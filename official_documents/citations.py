"""The pages that cite official documents. The page types that cite them (articles, campaigns) live in apps above
this one: each registers, from its app's ready(), how to find its pages citing a document, so that a document's
page lists them (views.py) and its publication refreshes their search entries (signals.py) without this app
importing theirs."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, ReferenceIndex


@dataclass(frozen=True)
class CitingPages:
    live: Callable[[Any], Any]  # (document) -> the live pages citing this document, in any language
    shown: Callable[[Any, int], Any]  # (document, locale id) -> what the document's page lists, in that language


_citing = {}


def register(name, *, live, shown):
    """A page type that cites documents; `name` is the list's name in the document's page (document_detail.html).
    Registering the same name again replaces it."""
    _citing[name] = CitingPages(live=live, shown=shown)


def pages_citing_in_body(document):
    """The pages whose body cites the document or one of its translations (a "Văn bản được dẫn" block), from
    Wagtail's reference index."""
    page_type = ContentType.objects.get_for_model(Page)
    translations = type(document).objects.filter(translation_key=document.translation_key)
    references = ReferenceIndex.get_references_to_in_bulk(translations).filter(base_content_type=page_type)
    return [int(object_id) for object_id in references.values_list("object_id", flat=True)]


def live_pages_citing(document):
    """Every live page citing the document, of every registered type."""
    return [page for citing in _citing.values() for page in citing.live(document)]


def citing_pages(document, locale_id=None):
    """What a document's page (and its preview) lists of the pages citing it, by registered name, in the language
    shown (`locale_id`, by default the document's)."""
    locale_id = locale_id or document.locale_id
    return {name: citing.shown(document, locale_id) for name, citing in _citing.items()}

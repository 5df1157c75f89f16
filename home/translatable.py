"""What every page type translates and keeps in sync with wagtail-localize, declared once: page models add their
own fields to it (NOTES.md: declare translatable fields explicitly, hidden ones included); and how pages show
translatable snippets (documents, units, officials, links) to readers of one language, published ones only."""

from django.db import models
from django.utils.translation import get_language
from wagtail.models import Locale
from wagtail_localize.fields import SynchronizedField, TranslatableField

from delivery.content_cache import cached

PAGE_FIELDS = [
    TranslatableField("title"),
    TranslatableField("slug"),
    TranslatableField("seo_title"),
    TranslatableField("search_description"),
    SynchronizedField("show_in_menus"),
]


class LiveQuerySet(models.QuerySet):
    """The manager of snippets with drafts and approval (Wagtail's DraftStateMixin; docs/approval.md)."""

    def live(self):
        """What readers may see: the published objects. Each row holds its published version (an edit of a live
        object is a revision until approved), so filtering the rows is enough."""
        return self.filter(live=True)


def prefer_locale(objects, locale_id):
    """Each object once, as readers of one language see it: its translation into that language where there is
    one, else the object as it is (a snippet not translated yet is shown in Vietnamese rather than hidden). Objects
    are the translations of several snippets together (any locales, any order); the order in which each snippet
    is first met is kept. No query."""
    chosen = {}
    for instance in objects:
        current = chosen.get(instance.translation_key)
        if current is None or (instance.locale_id == locale_id and current.locale_id != locale_id):
            chosen[instance.translation_key] = instance
    return list(chosen.values())


def active_locale():
    """Locale.get_active(), the locale of the language shown, kept with the site's content instead of a query on
    every request (a new locale changes the content version: delivery/page_cache.py)."""
    return cached("locale", get_language(), compute=Locale.get_active)

"""What every page type translates and keeps in sync with wagtail-localize, declared once: page models add their
own fields to it (docs/translations.md: declare translatable fields explicitly, hidden ones included); and how
pages show translatable snippets (documents, units, officials, links) to readers of one language, published ones
only."""

from django.db import models
from django.utils.translation import get_language
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Site
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


def active_locale(request=None):
    """Locale.get_active(), the locale of the language shown, kept with the site's content instead of a query on
    every request (a new locale changes the content version: delivery/page_cache.py). In the language of the site's
    home page it is that page's locale, known without asking: the site is found with its home page (its locale's
    id), and Wagtail keeps the language of each site's home page with the sites' root paths."""
    language = get_supported_content_language_variant(get_language())
    site = getattr(request, "_wagtail_site", None)
    if site is not None:
        roots = getattr(request, "_wagtail_cached_site_root_paths", None) or Site.get_site_root_paths()
        home = site.root_page
        if any(
            root.site_id == site.pk and root.root_path == home.url_path and root.language_code == language
            for root in roots
        ):
            return Locale.from_db(Locale.objects.db, ["id", "language_code"], [home.locale_id, language])
    return cached("locale", language, compute=Locale.get_active)

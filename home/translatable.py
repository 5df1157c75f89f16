"""What every page type translates and keeps in sync with wagtail-localize, declared once: page models add their
own fields to it (NOTES.md: declare translatable fields explicitly, hidden ones included)."""

from wagtail_localize.fields import SynchronizedField, TranslatableField

PAGE_FIELDS = [
    TranslatableField("title"),
    TranslatableField("slug"),
    TranslatableField("seo_title"),
    TranslatableField("search_description"),
    SynchronizedField("show_in_menus"),
]

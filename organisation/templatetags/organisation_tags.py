from django import template
from django.utils.translation import get_language

from delivery.content_cache import cached
from home.translatable import prefer_locale

register = template.Library()


@register.inclusion_tag("organisation/tags/related_links.html")
def related_links():
    """The "Liên kết website" box, in the reader's language where a link is translated: cached per language with
    the site's content (publishing a link empties it), so no query. Published links only."""
    from organisation.models import RelatedLink

    def links():
        # Each link's language read with it, rather than the locale of the language shown asked for first.
        found = list(RelatedLink.objects.live().select_related("locale"))
        language = get_language()
        locale_id = next((link.locale_id for link in found if link.locale.language_code == language), None)
        chosen = prefer_locale(found, locale_id)
        # A link not translated yet is shown in its own language, marked (lang) for browsers and screen readers.
        return [
            {
                "title": link.title,
                "url": link.url,
                "lang": "" if link.locale.language_code == language else link.locale.language_code,
            }
            for link in chosen
        ]

    return {"links": cached("related-links", get_language(), compute=links)}

from django import template

from home.content_cache import cached

register = template.Library()


@register.inclusion_tag("organisation/tags/related_links.html")
def related_links():
    """The "Liên kết website" box: cached with the site's content (saving a link empties it), so no query."""
    from organisation.models import RelatedLink

    links = cached("related-links", compute=lambda: list(RelatedLink.objects.values("title", "url")))
    return {"links": links}

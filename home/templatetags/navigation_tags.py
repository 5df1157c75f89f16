from django import template
from django.utils.translation import gettext as _
from wagtail.models import Page, Site

from delivery.content_cache import cached
from home.furniture import furniture, page_link
from home.templatetags.seo_tags import absolute_url, json_ld
from home.translatable import active_locale

register = template.Library()


def home_page(context):
    """The home page in the language of the page shown, from the site Wagtail found for this request."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return None
    home = site.root_page
    page = context.get("page")
    # A page's own language; a view that is not a page (search, documents, tags, feeds, the 404 page) is in the
    # language of its URL, which the active language says: without it the menu of /en/van-ban/ was Vietnamese.
    locale_id = page.locale_id if isinstance(page, Page) else active_locale(request).pk
    if locale_id != home.locale_id:
        home = cached("home", home.pk, locale_id, compute=lambda: home.get_translation_or_none(locale_id)) or home
    return home


def page_furniture(context):
    """The menu, trail and language versions of what is shown (home/furniture.py), or None without a site."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    home = home_page(context)
    if site is None or home is None:
        return None
    page = context.get("page")
    return furniture(home, site.root_page, page if isinstance(page, Page) else None)


@register.inclusion_tag("home/tags/main_menu.html", takes_context=True)
def main_menu(context):
    home = home_page(context)
    items = []
    if home is not None:
        items = page_furniture(context)["menu"]
    current_path = getattr(context.get("page"), "path", "")
    return {
        "home": page_link(home) if home else None,
        "home_is_current": home is not None and current_path == home.path,
        "items": [{**item, "is_current": current_path.startswith(item["path"])} for item in items],
    }


@register.inclusion_tag("home/tags/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    ancestors = []
    if page is not None and page.depth > 2:
        home = home_page(context)
        if home is not None and page.path.startswith(home.path):
            ancestors = page_furniture(context)["ancestors"]
        else:  # a page outside the site's home (none on this portal): its own trail
            ancestors = cached(
                "breadcrumbs",
                page.path,
                compute=lambda: [page_link(ancestor) for ancestor in page.get_ancestors().filter(depth__gt=1)],
            )
    structured_data = ""
    if ancestors:
        request = context["request"]
        trail = [*ancestors[1:], {"title": page.title, "url": page.get_url(request)}]
        home = {"title": _("Trang chủ"), "url": ancestors[0]["url"]}
        structured_data = json_ld(
            {
                "@type": "BreadcrumbList",
                "itemListElement": [
                    {
                        "@type": "ListItem",
                        "position": position,
                        "name": item["title"],
                        "item": absolute_url(request, item["url"]),
                    }
                    for position, item in enumerate([home, *trail], start=1)
                ],
            }
        )
    return {"ancestors": ancestors, "page": page, "structured_data": structured_data}

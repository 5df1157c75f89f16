from django import template
from django.urls import reverse
from django.utils.encoding import iri_to_uri
from django.utils.translation import gettext as _
from wagtail.models import Page, Site

from core.furniture import furniture, page_link
from core.templatetags.seo_tags import absolute_url, json_ld
from core.translatable import active_locale
from delivery.content_cache import cached

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
    """The menu, trail and language versions of what is shown (core/furniture.py), or None without a site."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    home = home_page(context)
    if site is None or home is None:
        return None
    page = context.get("page")
    return furniture(home, site.root_page, page if isinstance(page, Page) else None)


@register.inclusion_tag("core/tags/main_menu.html", takes_context=True)
def main_menu(context):
    home = home_page(context)
    items = []
    if home is not None:
        items = page_furniture(context)["menu"]
    current_path = getattr(context.get("page"), "path", "")
    # The document library and the financial reports are views, not pages: listed after the pages, in the
    # language shown (their addresses carry its prefix), each marked on its own views (a document's page under
    # "Văn bản", as an article under its section). base.html keys the cached menu by the view's name.
    request = context.get("request")
    current_view = request.resolver_match.view_name if request and request.resolver_match else ""
    views = [
        (_("Văn bản"), "official_documents:list", {"official_documents:list", "official_documents:detail"}),
        (_("Công khai tài chính"), "official_documents:financial_reports", {"official_documents:financial_reports"}),
    ]
    return {
        "home": page_link(home) if home else None,
        "home_is_current": home is not None and current_path == home.path,
        "items": [{**item, "is_current": current_path.startswith(item["path"])} for item in items],
        "views": [
            {"title": title, "url": reverse(name), "is_current": current_view in marked_on}
            for title, name, marked_on in views
        ],
    }


@register.inclusion_tag("core/tags/breadcrumbs.html", takes_context=True)
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
    if not ancestors:
        return {"ancestors": [], "current": None, "structured_data": ""}
    trail = [{"title": _("Trang chủ"), "url": ancestors[0]["url"]}, *ancestors[1:]]
    return trail_context(context["request"], trail, page.title, page.get_url(context["request"]))


def trail_context(request, trail, current, current_url):
    """What core/tags/breadcrumbs.html shows: the links from the home page ("Trang chủ") to the current item,
    and the same trail as schema.org's BreadcrumbList (the current item last, with its own address)."""
    items = [*trail, {"title": current, "url": current_url}]
    structured_data = json_ld(
        {
            "@type": "BreadcrumbList",
            "itemListElement": [
                {
                    "@type": "ListItem",
                    "position": position,
                    "name": str(item["title"]),
                    "item": absolute_url(request, item["url"]),
                }
                for position, item in enumerate(items, start=1)
            ],
        }
    )
    return {"ancestors": trail, "current": current, "structured_data": structured_data}


@register.inclusion_tag("core/tags/breadcrumbs.html", takes_context=True)
def view_breadcrumbs(context, *links):
    """Breadcrumbs of a view that is not a page (the document library, a document, the financial reports): from
    the home page of the language shown, then `links`, pairs of title and URL, and last the current item's title:
    {% view_breadcrumbs _("Văn bản") list_url document.number %}."""
    from core.templatetags.language_tags import language_home_url  # language_tags imports this module

    request = context["request"]
    *pairs, current = links
    trail = [{"title": _("Trang chủ"), "url": language_home_url(context)}]
    trail += [{"title": title, "url": url} for title, url in zip(pairs[::2], pairs[1::2], strict=True)]
    return trail_context(request, trail, current, iri_to_uri(request.path))

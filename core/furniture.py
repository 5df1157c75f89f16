"""What every page shows around its content, read together: the menu, the breadcrumbs' trail and the language
versions (of the page shown and of the site's home page, the language switcher's fallback). They are all rows of
the page tree, so one query reads them, where each asked for its own (three or four queries on every page), and
the result is cached with the site's content (delivery/content_cache.py)."""

from django.db.models import BooleanField, ExpressionWrapper, Q
from wagtail.models import Page

from delivery.content_cache import cached, public_q


def page_link(page):
    return {"title": page.title, "url": page.url, "path": page.path}


def furniture(home, root, page=None):
    """For the page shown (None for views that are not pages), with `home` the home page in its language (whose
    children make the menu) and `root` the site's root page:
    {"menu": [links], "ancestors": [links, the home page first], "versions": {language code: URL} of the live,
    public versions of the page, "homes": the same of the root page}."""
    page_path = getattr(page, "path", "") or ""
    depth = getattr(page, "depth", 0) or 0
    # As get_ancestors().filter(depth__gt=1): the tree's root (depth 1) is never shown.
    ancestor_paths = [page_path[: Page.steplen * level] for level in range(2, depth)]
    keys = [root.translation_key] + ([page.translation_key] if page is not None else [])
    public = public_q()
    in_menu = Q(path__startswith=home.path, depth=home.depth + 1, live=True, show_in_menus=True) & public
    is_version = Q(translation_key__in=keys, live=True) & public

    def compute():
        found = (
            Page.objects.filter(in_menu | is_version | Q(path__in=ancestor_paths))
            .select_related("locale")
            .annotate(
                is_menu_item=ExpressionWrapper(in_menu, output_field=BooleanField()),
                is_version=ExpressionWrapper(is_version, output_field=BooleanField()),
            )
            .order_by("path")
        )
        menu, ancestors, versions = [], [], {key: {} for key in keys}
        for item in found:
            if item.is_menu_item:
                menu.append(page_link(item))
            if item.path in ancestor_paths:
                ancestors.append(page_link(item))
            if item.is_version and item.translation_key in versions:
                versions[item.translation_key][item.locale.language_code] = item.get_url()
        return {
            "menu": menu,
            "ancestors": ancestors,
            "versions": versions[page.translation_key] if page is not None else {},
            "homes": versions[root.translation_key],
        }

    return cached("furniture", home.pk, root.pk, page_path, *keys, compute=compute)

"""Finding the page an address asks for, from a table kept with the site's content.

Wagtail finds a page by walking the tree from the site's root, one level at a time: the site for the host (one
query), the language's locale (one), the home page's specific type (one), then each level's child and its specific
type (two per level): six queries before an article's own, on every request the page cache does not answer. The
answer depends only on the host, the language and the path, and changes only when pages are published,
unpublished, moved, renamed or deleted, or a site is edited, all of which change the content version
(delivery/content_cache.py). So the first request for an address is routed by Wagtail as usual, and the page it found
is kept under that version; the next requests take that page from the process's memory (or the shared cache) and
let it route its last step itself (`page.route(request, [])`: a page that is not live answers 404 as with Wagtail).

The page itself is kept, not its id: loading a page through the ORM (about 40 columns, two tables) cost more than
the rest of the routing. What readers see of a live page changes only when it is published, unpublished, moved,
renamed or deleted, each a new content version; saving a draft or locking the page changes other fields (the
latest revision, the draft title, the lock), which the public site does not show. A change made behind Wagtail's
signals (SQL by hand) is seen at the next content version, as with the whole-page cache.

Only what Wagtail routed to a page with no further arguments is kept: a 404 is routed afresh every time (so random
addresses fill no cache), as is a route with arguments (RoutablePageMixin; none here yet). Wagtail's serve view
then runs as usual (view restrictions, hooks, the page's own serve), using what was found here through the
per-request attributes it documents for that (`request._wagtail_site`, `request._wagtail_route_for_request`)."""

import hashlib
from collections.abc import Callable
from typing import Any, TypeVar

from django.db import DatabaseError
from django.http import Http404, HttpRequest, HttpResponseBase
from django.http.request import split_domain_port
from django.utils.translation import get_language
from wagtail.models import Page, Site
from wagtail.views import serve as wagtail_serve

from delivery.content_cache import MISSING, cached, lookup, store

View = TypeVar("View", bound=Callable[..., HttpResponseBase])

# `type: ignore[attr-defined]` below marks what this module reads and writes on a request that Django's type hints
# do not declare: Wagtail's per-request attributes (tests/test_delivery_private_api.py pins them) and the host as
# sent (Django's `_get_raw_host`, which `get_host` validates).


def find_site(request: HttpRequest) -> Site | None:
    """Site.find_for_request, remembered per host and port with the content."""
    if not hasattr(request, "_wagtail_site"):
        hostname = split_domain_port(request._get_raw_host())[0]  # type: ignore[attr-defined]
        request._wagtail_site = cached(  # type: ignore[attr-defined]
            "site", hostname, request.get_port(), compute=lambda: Site._find_for_request(request)
        )
    site: Site | None = request._wagtail_site  # type: ignore[attr-defined]
    return site


def route(request: HttpRequest, path: str) -> None:
    """Fills Wagtail's per-request route (page, args, kwargs) for `path`, from the table when it knows the address."""
    if hasattr(request, "_wagtail_route_for_request"):
        return
    site = find_site(request)
    if site is None:
        return
    address = hashlib.sha256(path.encode()).hexdigest()
    page = lookup("route-page", site.pk, get_language(), address)
    if page is not MISSING:
        try:
            request._wagtail_route_for_request = page.route(request, [])  # type: ignore[attr-defined]
        except Http404:
            request._wagtail_route_for_request = None  # type: ignore[attr-defined]
        return
    found = Page.route_for_request(request, path)
    if found is not None and not found[1] and not found[2]:
        store("route-page", site.pk, get_language(), address, value=found[0])


class SiteFromCacheMiddleware:
    """Finds the request's site from the cache before a view asks Wagtail (page URLs, menus, the language switcher,
    feeds), so no view of the public site queries it. Place it below the page cache (sites and root pages change
    the content version). Views that must not depend on the database or the cache (/healthz) say so with
    `needs_no_site`."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        return self.get_response(request)

    def process_view(
        self,
        request: HttpRequest,
        view_func: Callable[..., HttpResponseBase],
        view_args: tuple[Any, ...],
        view_kwargs: dict[str, Any],
    ) -> None:
        if getattr(view_func, "needs_no_site", False):
            return None
        try:
            find_site(request)
            # And the sites' root paths, which every page URL needs: Wagtail reads them from the shared cache once
            # a request (keeping them on the request, where they are put here from the process's memory instead).
            request._wagtail_cached_site_root_paths = cached(  # type: ignore[attr-defined]
                "site-root-paths", compute=Site.get_site_root_paths
            )
        except DatabaseError:
            pass  # the database is down: what needs the site fails where it asks, with the outage page
        return None


def needs_no_site(view: View) -> View:
    """Marks a view that SiteFromCacheMiddleware leaves alone."""
    view.needs_no_site = True  # type: ignore[attr-defined]  # a mark, read with getattr
    return view


def serve(request: HttpRequest, path: str) -> HttpResponseBase:
    """Wagtail's serve view, with the page found from the table."""
    route(request, path)
    response: HttpResponseBase = wagtail_serve(request, path)
    return response

"""What the site answers about itself and when what it stands on is down: the health check, and the outage page
served instead of the 500 page while the database (or the shared cache) cannot be reached."""

import logging
import sys
import uuid

from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError, InterfaceError, OperationalError, connections
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import get_language_from_path
from django.views import defaults
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from delivery.redis_cache import OUTAGE as REDIS_OUTAGE
from delivery.routing import needs_no_site

logger = logging.getLogger(__name__)

# Seconds after which a reader's browser, a crawler or a monitor may try again.
RETRY_AFTER_SECONDS = 30


# Errors that mean a backing service is unreachable rather than a bug: the database (a lost or refused connection)
# and Redis, when it is the cache (the production cache answers as empty instead, delivery/redis_cache.py; another
# Redis client may still raise them).
OUTAGE_ERRORS = (OperationalError, InterfaceError, *REDIS_OUTAGE)


@needs_no_site  # nothing but its own checks may touch the database or the cache
@never_cache
@require_safe
def healthz(request):
    """200 {"database": "ok", "cache": "ok"}, or 503 naming what failed. Load balancers and monitors poll it; it is
    not a page (never counted as a view, never stored by the page cache: `never_cache` says no-store), and it
    gives no detail beyond "unavailable": the log has the rest."""
    checks = {"database": check_database, "cache": check_cache}
    results = {}
    for name, check in checks.items():
        try:
            check()
        except Exception:  # noqa: BLE001 (any failure of a backing service means "not healthy"; logged in full)
            logger.exception("Health check: the %s is unavailable", name)
            results[name] = "unavailable"
        else:
            results[name] = "ok"
    healthy = all(result == "ok" for result in results.values())
    return JsonResponse(results, status=200 if healthy else 503)


def check_database():
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT 1")
        if cursor.fetchone()[0] != 1:
            raise DatabaseError("SELECT 1 did not answer 1")


def check_cache():
    cache = caches["default"]
    key, value = f"healthz:{uuid.uuid4().hex}", uuid.uuid4().hex
    cache.set(key, value, 10)
    try:
        if cache.get(key) != value:
            raise RuntimeError("the cache did not return what was stored")
    finally:
        cache.delete(key)


def server_error(request):
    """handler500. Every uncaught exception reaches it, wherever it was raised: in a view, while a template was
    rendered, or in a middleware (the view counting reads the session, the redirects middleware queries the
    database on a 404, the page cache asks Redis). A middleware could not do this: an exception raised below it
    reaches it as a finished 500 response. An outage gets the 503 page, anything else the usual 500 page."""
    error = sys.exc_info()[1]
    if isinstance(error, OUTAGE_ERRORS):
        logger.error("Service unavailable (%s): %s", type(error).__name__, request.path, exc_info=error)
        return outage_response(request)
    return defaults.server_error(request)


def outage_response(request):
    """The outage page, in the language of the address. Rendered without the request, so that no context
    processor runs (site settings and the user would need the database), and without the stylesheet (static
    files may be what is failing); its inline style is the 500 page's, allowed by the same CSP hash."""
    language = get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    with translation.override(language):
        content = render_to_string("503.html", {"LANGUAGE_CODE": language})
    response = HttpResponse(content, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response

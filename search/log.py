"""What readers searched for: each search a reader makes, counted once per (day, query) row of DailySearch with
how many results it found, for the editors' report (search/admin_views.py).

The search view labels its response (`response.search_log`: the query and its result count); the page cache
stores that label with the response (delivery/page_cache.py pickles it), so LogSearchesMiddleware, placed above
the page cache, counts searches answered from the cache as well as those the view answered. A search counts when
a reader (not a robot, not a prefetch, not a signed-in user) asks for its first page of results with a non-empty
query: the next pages (`?page=2`) are the same search. What is kept is the query, cleaned and in lower case, and
dates and counts: no address, no user agent, no user. It never fails a search.

Counts are kept in the process's memory and written every SEARCH_LOG_FLUSH_SECONDS (10 s; and when the process
exits) by the request that finds them due: one UPDATE per query searched meanwhile (an INSERT for the day's first
search of a query), instead of a write per search, which made a search answered from the page cache take from
0.9 to 1.6 ms (1.1 to 4.4 ms on a loaded machine; PostgreSQL, in-process, without the commit's own cost); kept in
memory, 0.4 -> 0.5 ms. A process killed outright loses at most those seconds' counts.
With SEARCH_LOG_FLUSH_SECONDS = 0 (the tests) each search is written at once."""

import atexit
import datetime
import logging
import threading
import time
from collections.abc import Callable

from django.conf import settings
from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import F
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from operations.robots import is_reading
from search.models import DailySearch

logger = logging.getLogger(__name__)


def normalise(text: str) -> str:
    """The form a query is counted under: the cleaned query (search/ranking.clean) in lower case."""
    return text.lower()[: DailySearch._meta.get_field("query").max_length]


def label(response: HttpResponse, text: str, found: int) -> None:
    """Marks a response of the search view as a search for `text` that found `found` results."""
    response.search_log = (normalise(text), found)  # type: ignore[attr-defined] # kept when the page cache pickles it


def record(
    text: str, found: int, day: datetime.date | None = None, searches: int = 1, empty: int | None = None
) -> None:
    """Writes `searches` searches for `text` (`empty` of them found nothing; the last found `found` results)."""
    day = day or timezone.localdate()
    empty = (searches if found == 0 else 0) if empty is None else empty
    rows = DailySearch.objects.filter(day=day, query=text)
    changes = {"searches": F("searches") + searches, "empty_searches": F("empty_searches") + empty, "results": found}
    if rows.update(**changes):
        return
    try:
        with transaction.atomic():
            DailySearch.objects.create(day=day, query=text, searches=searches, empty_searches=empty, results=found)
    except IntegrityError:  # the day's first searches for it, concurrently: the other one created the row
        rows.update(**changes)


# (day, query) -> [searches, of them found nothing, results of the last]: counted, not yet written.
_pending: dict[tuple[datetime.date, str], list[int]] = {}
_lock = threading.Lock()
_written_at = time.monotonic()
MAX_PENDING = 500  # queries: written sooner if that many are waiting


def count(text: str, found: int) -> None:
    """Counts a search: at once, or with the others when they are due (see above)."""
    global _written_at
    if settings.SEARCH_LOG_FLUSH_SECONDS <= 0:
        record(text, found)
        return
    with _lock:
        row = _pending.setdefault((timezone.localdate(), text), [0, 0, 0])
        row[0] += 1
        row[1] += found == 0
        row[2] = found
        due = len(_pending) >= MAX_PENDING or time.monotonic() - _written_at >= settings.SEARCH_LOG_FLUSH_SECONDS
    if due:
        flush()


def flush() -> None:
    """Writes the counts waiting in this process's memory (lost if the database refuses them)."""
    global _written_at
    with _lock:
        pending = dict(_pending)
        _pending.clear()
        _written_at = time.monotonic()
    for (day, text), (searches, empty, found) in pending.items():
        record(text, found, day, searches=searches, empty=empty)


def flush_at_exit() -> None:
    try:
        flush()
    except Exception:  # noqa: BLE001 - the process is ending: say so, never raise
        logger.exception("Could not write the last search counts")


atexit.register(flush_at_exit)


class LogSearchesMiddleware:
    """Counts readers' searches (see above). It must stay above the page cache in MIDDLEWARE."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        searched = getattr(response, "search_log", None)
        if searched and is_reading(request, response):
            try:
                count(*searched)
            except DatabaseError:  # searching must never fail because counting did
                logger.exception("Could not count a search")
        return response


def purge(today: datetime.date | None = None) -> int:
    """Removes the days past retention (SEARCH_LOG_RETENTION_DAYS); returns how many rows went."""
    days = settings.SEARCH_LOG_RETENTION_DAYS
    oldest = (today or timezone.localdate()) - datetime.timedelta(days=days)
    deleted, _ = DailySearch.objects.filter(day__lt=oldest).delete()
    return deleted

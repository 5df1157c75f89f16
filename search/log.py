"""What readers searched for: each search a reader makes, counted once per (day, query) row of DailySearch with
how many results it found, for the editors' report (search/admin_views.py).

The search view labels its response (`response.search_log`: the query and its result count); the page cache
stores that label with the response (delivery/page_cache.py pickles it), so LogSearchesMiddleware, placed above
the page cache, counts searches answered from the cache as well as those the view answered. A search counts when
a reader (not a robot, not a prefetch, not a signed-in user) asks for its first page of results with a non-empty
query: the next pages (`?page=2`) are the same search. What is kept is the query, cleaned and in lower case, and
dates and counts: no address, no user agent, no user. Counting costs one UPDATE (an INSERT for the day's first
search of a query); it never fails a search."""

import datetime
import logging
from collections.abc import Callable

from django.conf import settings
from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import F
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from search.models import DailySearch
from visits.counting import is_bot
from visits.middleware import is_prefetch

logger = logging.getLogger(__name__)


def normalise(text: str) -> str:
    """The form a query is counted under: the cleaned query (search/ranking.clean) in lower case."""
    return text.lower()[: DailySearch._meta.get_field("query").max_length]


def label(response: HttpResponse, text: str, found: int) -> None:
    """Marks a response of the search view as a search for `text` that found `found` results."""
    response.search_log = (normalise(text), found)


def record(text: str, found: int, day: datetime.date | None = None) -> None:
    """Counts one search for `text` that found `found` results."""
    day = day or timezone.localdate()
    empty = 1 if found == 0 else 0
    rows = DailySearch.objects.filter(day=day, query=text)
    changes = {"searches": F("searches") + 1, "empty_searches": F("empty_searches") + empty, "results": found}
    if rows.update(**changes):
        return
    try:
        with transaction.atomic():
            DailySearch.objects.create(day=day, query=text, searches=1, empty_searches=empty, results=found)
    except IntegrityError:  # the day's first searches for it, concurrently: the other one created the row
        rows.update(**changes)


def counts(request: HttpRequest, response: HttpResponse) -> bool:
    user = getattr(request, "user", None)
    return (
        request.method == "GET"
        and response.status_code == 200
        and not is_prefetch(request)
        and not is_bot(request.META.get("HTTP_USER_AGENT", ""))
        and not (user is not None and user.is_authenticated)
    )


class LogSearchesMiddleware:
    """Counts readers' searches (see above). It must stay above the page cache in MIDDLEWARE."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        searched = getattr(response, "search_log", None)
        if searched and counts(request, response):
            try:
                record(*searched)
            except DatabaseError:  # searching must never fail because counting did
                logger.exception("Could not count a search")
        return response


def purge(today: datetime.date | None = None) -> int:
    """Removes the days past retention (SEARCH_LOG_RETENTION_DAYS); returns how many rows went."""
    days = settings.SEARCH_LOG_RETENTION_DAYS
    oldest = (today or timezone.localdate()) - datetime.timedelta(days=days)
    deleted, _ = DailySearch.objects.filter(day__lt=oldest).delete()
    return deleted

"""Requests that are not a reader reading: robots (crawlers, previews, monitors, scripts) and pages fetched in
advance. Neither views (visits/) nor searches (search/log.py) count them: both ask `is_reading`."""

import re
from functools import lru_cache

from crawleruseragents import is_crawler
from django.http import HttpRequest, HttpResponse

# Crawlers, link previews, monitors and scripted clients, besides the maintained list of crawler-user-agents (over
# 1,500 patterns, checked second: it costs about 0.15 ms where this costs microseconds); a request without a
# user agent is not a person either.
BOT_USER_AGENT = re.compile(
    r"bot|crawl|spider|slurp|archiver|facebookexternalhit|embedly|preview|monitor|pingdom|uptime|lighthouse|"
    r"headless|phantomjs|curl|wget|python-|httpx|aiohttp|libwww|java/|go-http|okhttp|axios|node-fetch|scrapy|"
    r"zgrab|masscan|nmap",
    re.IGNORECASE,
)


def is_bot(user_agent: str) -> bool:
    # Readers' user agents repeat, so answers are kept; not for unusually long ones, which would fill the memory.
    return _is_bot_kept(user_agent) if len(user_agent) <= 512 else _is_bot(user_agent)


def _is_bot(user_agent: str) -> bool:
    return not user_agent or BOT_USER_AGENT.search(user_agent) is not None or is_crawler(user_agent)


_is_bot_kept = lru_cache(maxsize=4096)(_is_bot)


# A page fetched or prerendered in advance ("Sec-Purpose: prefetch", "prefetch;prerender"; older browsers'
# "Purpose: prefetch", Firefox's "X-Moz: prefetch", Chrome's "X-Purpose: preview") may never be seen. It is not
# counted; the price is that a prefetched page the reader then opens from the browser's copy is not counted either
# (there is no script on the page to count it).
PREFETCH_HEADERS = ("HTTP_SEC_PURPOSE", "HTTP_PURPOSE", "HTTP_X_MOZ", "HTTP_X_PURPOSE")


def is_prefetch(request: HttpRequest) -> bool:
    return any(
        word in request.META.get(header, "").lower() for header in PREFETCH_HEADERS for word in ("prefetch", "preview")
    )


def is_reading(request: HttpRequest, response: HttpResponse) -> bool:
    """A page a reader got: a successful GET, not fetched in advance, not by a robot, not by someone signed in
    (the newsroom reading its own site)."""
    user = getattr(request, "user", None)
    return (
        request.method == "GET"
        and response.status_code == 200
        and not is_prefetch(request)
        and not is_bot(request.META.get("HTTP_USER_AGENT", ""))
        and not (user is not None and user.is_authenticated)
    )

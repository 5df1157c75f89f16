"""Redis as a cache the site can live without: django-redis with `IGNORE_EXCEPTIONS`, so that when Redis cannot
be reached every cache call answers as a miss (or does nothing) instead of raising, and readers still get pages,
rendered afresh, while /healthz reports the cache as unavailable. Used by the production settings when REDIS_URL is
set (`settings_for`).

Without it a Redis outage takes the whole site down: the page cache, the content cache of the page furniture, the
visit statistics and the forms' rate limit all ask Redis on every request. What is lost meanwhile: the page cache
(every page is rendered, so the site is slower), the forms' rate limit (the honeypot still works), and the salt
that keeps a visitor's views from being counted twice (views may be counted twice for a day). Timeouts are short
(REDIS_SOCKET_TIMEOUT, 0.5 s) so that a Redis that hangs rather than refuses costs little per request.

django-redis logs every call it ignores, with a traceback: hundreds of lines a second on a busy site. `OutageLog`
keeps one line per process every LOG_EVERY_SECONDS."""

import logging
import time

from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

# The errors of a Redis that cannot be reached (operations/views.py shows the 503 page for them, should another
# client raise them).
OUTAGE = (RedisConnectionError, RedisTimeoutError)
LOGGER = __name__  # DJANGO_REDIS_LOGGER: django-redis logs the calls it ignored here
LOG_EVERY_SECONDS = 10


def settings_for(url, *, socket_timeout=0.5, **options):
    """The CACHES entry of a fail-soft Redis cache at `url` (plus KEY_PREFIX, TIMEOUT...)."""
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": url,
        "OPTIONS": {
            "IGNORE_EXCEPTIONS": True,
            "SOCKET_CONNECT_TIMEOUT": socket_timeout,
            "SOCKET_TIMEOUT": socket_timeout,
        },
        **options,
    }


class OutageLog(logging.Filter):
    """One short line per LOG_EVERY_SECONDS for django-redis's "Exception ignored" records, without traceback."""

    def __init__(self):
        super().__init__()
        self.last = float("-inf")

    def filter(self, record):
        now = time.monotonic()
        if now - self.last < LOG_EVERY_SECONDS:
            return False
        self.last = now
        error = record.exc_info[1] if record.exc_info else None
        cause = getattr(error, "__cause__", None) or error
        record.msg, record.args = "Redis unavailable, serving without the cache: %s", (cause,)
        record.exc_info = record.exc_text = None
        record.levelno, record.levelname = logging.ERROR, "ERROR"
        return True


def connect_log():
    logger = logging.getLogger(LOGGER)
    if not any(isinstance(existing, OutageLog) for existing in logger.filters):
        logger.addFilter(OutageLog())

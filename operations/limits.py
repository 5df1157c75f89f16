"""Atomic counters for limits (the public forms, logins, password resets, view counting): docs/abuse-limits.md.

A limit is a counter in the default cache, Redis in production, where INCR is atomic across processes (the
local-memory cache of development and tests takes a lock). A request first takes a slot (the counter goes up,
and the answer says whether it was still within the limit) and only then does the work: so 20 concurrent
requests cannot all see "4 so far" and all get in, as they could when the count was read first and written
after. A slot not used (a form with errors) is given back.

The key holds no address or account in clear: a keyed hash (HMAC with SECRET_KEY), the same on every server.
While the cache is down, limits let everything through (delivery/redis_cache.py answers as empty); axes' own
records still lock logins out."""

import contextlib
import hashlib
import hmac

from django.conf import settings
from django.core.cache import cache


def limit_key(scope, *parts):
    """The cache key of a limit on these parts (an address, an account), as a keyed hash."""
    text = "\x1f".join(str(part) for part in parts)
    digest = hmac.new(settings.SECRET_KEY.encode(), f"{scope}\x1f{text}".encode(), hashlib.sha256).hexdigest()
    return f"limit:{scope}:{digest[:40]}"


def hit(key, period):
    """Count one more use under this key and return the count so far in the period (which starts at the first
    use: a fixed window)."""
    if cache.add(key, 1, period):
        return 1
    try:
        return cache.incr(key)
    except ValueError:  # it expired between the two calls (or the cache is down: then nothing is limited)
        cache.add(key, 1, period)
        return 1


def take(key, limit, period):
    """Take one of `limit` slots of the period; False (and the slot not kept) when all are taken."""
    if hit(key, period) <= limit:
        return True
    give_back(key)
    return False


def give_back(key):
    with contextlib.suppress(ValueError):  # expired meanwhile: nothing to give back
        cache.decr(key)


def used(key):
    return cache.get(key) or 0


def reset(key):
    cache.delete(key)

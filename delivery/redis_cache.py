"""Redis as a cache the site can live without: when Redis cannot be reached, every cache call answers as a miss
(or does nothing) instead of raising, so readers still get pages, rendered afresh, while /healthz reports the cache
as unavailable and the log says so. Used by the production settings when REDIS_URL is set.

Without it a Redis outage takes the whole site down: the page cache, the content cache of the page furniture, the
visit statistics and the forms' rate limit all ask Redis on every request. What is lost meanwhile: the page cache
(every page is rendered, so the site is slower), the forms' rate limit (the honeypot still works), and the salt
that keeps a visitor's views from being counted twice (views may be counted twice for a day). Timeouts are short
(REDIS_SOCKET_TIMEOUT, 0.5 s) so that a Redis that hangs rather than refuses costs little per request."""

import functools
import logging
import time

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

# At most one log line per process in this many seconds while Redis is down: a busy site asks it hundreds of
# times a second.
LOG_EVERY_SECONDS = 10
OUTAGE = (RedisConnectionError, RedisTimeoutError)
last_logged = [0.0]


def fail_soft(fallback):
    """Turn a Redis outage into `fallback(*args)`: what the call gives when the cache has nothing."""

    def decorate(method):
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            try:
                return method(self, *args, **kwargs)
            except OUTAGE as error:
                now = time.monotonic()
                if now - last_logged[0] >= LOG_EVERY_SECONDS:
                    last_logged[0] = now
                    logger.error("Redis unavailable, serving without the cache: %s", error)
                return fallback(*args, **kwargs)

        return wrapper

    return decorate


def missing_incr(key, delta=1):
    raise ValueError(f"Key '{key}' not found")  # as when the key has expired: callers already handle it


class FailSoftRedisCacheClient(RedisCacheClient):
    def get_client(self, key=None, *, write=False):
        """One redis-py client per connection pool, not a new one for every call as Django makes it: a client
        copies redis-py's table of response handlers when it is created, which cost more than the command itself
        (about 0.3 ms of a page's 1-2 ms of Redis time). A client is safe to share between threads; the pool
        lends each command a connection."""
        pool = self._get_connection_pool(write)
        clients = self.__dict__.setdefault("_clients", {})
        client = clients.get(id(pool))
        if client is None:
            client = clients[id(pool)] = self._client(connection_pool=pool)
        return client

    add = fail_soft(lambda key, value, timeout: False)(RedisCacheClient.add)
    get = fail_soft(lambda key, default: default)(RedisCacheClient.get)
    set = fail_soft(lambda key, value, timeout: None)(RedisCacheClient.set)
    touch = fail_soft(lambda key, timeout: False)(RedisCacheClient.touch)
    delete = fail_soft(lambda key: False)(RedisCacheClient.delete)
    get_many = fail_soft(lambda keys: {})(RedisCacheClient.get_many)
    has_key = fail_soft(lambda key: False)(RedisCacheClient.has_key)
    incr = fail_soft(missing_incr)(RedisCacheClient.incr)
    set_many = fail_soft(lambda data, timeout: list(data))(RedisCacheClient.set_many)
    delete_many = fail_soft(lambda keys: None)(RedisCacheClient.delete_many)
    clear = fail_soft(lambda: False)(RedisCacheClient.clear)


class FailSoftRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = FailSoftRedisCacheClient

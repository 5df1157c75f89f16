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
from collections.abc import Callable, Iterable
from typing import Any, Concatenate, ParamSpec, TypeVar

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis import Redis
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

# At most one log line per process in this many seconds while Redis is down: a busy site asks it hundreds of
# times a second.
LOG_EVERY_SECONDS = 10
OUTAGE = (RedisConnectionError, RedisTimeoutError)
last_logged = [0.0]

Client = TypeVar("Client", bound=RedisCacheClient)
Arguments = ParamSpec("Arguments")
Result = TypeVar("Result")
Key = str | bytes | memoryview  # a key as Django's Redis client takes it


def fail_soft(
    fallback: Callable[Arguments, Result],
) -> Callable[
    [Callable[Concatenate[Client, Arguments], Result]],
    Callable[Concatenate[Client, Arguments], Result],
]:
    """Turn a Redis outage into `fallback(*args)`: what the call gives when the cache has nothing. The fallback takes
    the method's arguments (self aside) and gives what the method gives."""

    def decorate(
        method: Callable[Concatenate[Client, Arguments], Result],
    ) -> Callable[Concatenate[Client, Arguments], Result]:
        @functools.wraps(method)
        def wrapper(self: Client, *args: Arguments.args, **kwargs: Arguments.kwargs) -> Result:
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


def missing_incr(key: Key, delta: int) -> int:
    raise ValueError(f"Key '{key!r}' not found")  # as when the key has expired: callers already handle it


def nothing_found(keys: Iterable[Key]) -> dict[Key, Any]:
    return {}


class FailSoftRedisCacheClient(RedisCacheClient):
    def get_client(self, key: Key | None = None, *, write: bool = False) -> Redis:
        """One redis-py client per connection pool, not a new one for every call as Django makes it: a client
        copies redis-py's table of response handlers when it is created, which cost more than the command itself
        (about 0.3 ms of a page's 1-2 ms of Redis time). A client is safe to share between threads; the pool
        lends each command a connection."""
        # Django's private names, which its type hints do not declare (tests/test_delivery_private_api.py pins them).
        pool = self._get_connection_pool(write)  # type: ignore[attr-defined]
        clients: dict[int, Redis] = self.__dict__.setdefault("_clients", {})
        client = clients.get(id(pool))
        if client is None:
            client = clients[id(pool)] = self._client(connection_pool=pool)  # type: ignore[attr-defined]
        return client

    add = fail_soft(lambda key, value, timeout: False)(RedisCacheClient.add)
    get = fail_soft(lambda key, default: default)(RedisCacheClient.get)
    set = fail_soft(lambda key, value, timeout: None)(RedisCacheClient.set)
    touch = fail_soft(lambda key, timeout: False)(RedisCacheClient.touch)
    delete = fail_soft(lambda key: False)(RedisCacheClient.delete)
    get_many = fail_soft(nothing_found)(RedisCacheClient.get_many)
    has_key = fail_soft(lambda key: False)(RedisCacheClient.has_key)
    incr = fail_soft(missing_incr)(RedisCacheClient.incr)
    set_many = fail_soft(lambda data, timeout: None)(RedisCacheClient.set_many)
    delete_many = fail_soft(lambda keys: None)(RedisCacheClient.delete_many)
    clear = fail_soft(lambda: False)(RedisCacheClient.clear)


class FailSoftRedisCache(RedisCache):
    def __init__(self, server: str | list[str], params: dict[str, Any]) -> None:

        super().__init__(server, params)
        self._class = FailSoftRedisCacheClient

"""Settings of the second server process of tests/test_delivery_differential.py: the test settings with every cache
on, the shared cache in Redis under the prefix the test process uses (both from the environment), as production
runs several processes."""

import os

from config.settings.test import *  # noqa: F403

DATABASES["default"]["NAME"] = os.environ["SECOND_SERVER_DATABASE"]  # noqa: F405 (the test database)
DATABASES["default"]["TEST"] = {}  # noqa: F405
MEDIA_ROOT = os.environ["SECOND_SERVER_MEDIA_ROOT"]  # the photos the test process's demo content uploaded
CACHES = {
    "default": {
        "BACKEND": "delivery.redis_cache.FailSoftRedisCache",
        "LOCATION": os.environ["SECOND_SERVER_REDIS_URL"],
        "KEY_PREFIX": os.environ["SECOND_SERVER_REDIS_PREFIX"],
        "TIMEOUT": 120,
    },
    "template_fragments": FRAGMENT_CACHE,  # noqa: F405
}
PAGE_CACHE_SECONDS = 60
FRAGMENT_CACHE_SECONDS = 300
CONTENT_CACHE_SECONDS = 300

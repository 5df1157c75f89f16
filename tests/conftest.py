from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from wagtail.models import Site

from articles.models import ArticleIndexPage, ArticlePage
from campaigns.models import CampaignPage

SEED_SLUG = "tiep-tuc-day-manh-hoc-tap-va-lam-theo-bac-giai-doan-2021-2025"
BROWSER_TESTS = Path(__file__).parent / "browser"


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the xdist_group marks
def pytest_collection_modifyitems(config, items):
    """The markers a subset is chosen by (pyproject.toml), set where a file cannot forget them:

    - `browser` on every test under tests/browser/;
    - `postgres` tests are skipped, with the reason, unless DATABASE_URL is a PostgreSQL one;
    - tests on Redis all run in one pytest-xdist worker (group "redis", `make test` uses --dist loadgroup): some
      empty the cache, which on Redis empties the whole database (FLUSHDB), the other workers' keys with it. One
      worker, one Redis database (TEST_REDIS_URL)."""
    on_postgresql = "postgresql" in settings.DATABASES["default"]["ENGINE"]
    for item in items:
        if BROWSER_TESTS in item.path.parents:
            item.add_marker(pytest.mark.browser)
        postgres = item.get_closest_marker("postgres")
        if postgres and not on_postgresql:
            reason = postgres.kwargs.get("reason", "needs PostgreSQL")
            item.add_marker(pytest.mark.skip(reason=f"{reason} (run with DATABASE_URL=postgres://...)"))
        if "redis_cache" in item.fixturenames:
            item.add_marker(pytest.mark.xdist_group("redis"))


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The demo content, loaded once into the test database (once per pytest-xdist worker, each has its own
    database); each test runs in a transaction rolled back afterwards, so tests may add to it freely. A test about
    a few pages of its own builds them with tests/factories.py and asserts on those.

    A transactional test (one with a live server) empties the database when it ends, so the next one would find
    nothing. Such tests ask for `django_db_serialized_rollback` (as `live_site` does) and start from this copy of
    the database, migrations' data and demo content."""
    from django.db import connection

    with django_db_blocker.unblock():
        call_command("load_demo_content", verbosity=0)
        connection._test_serialized_contents = connection.creation.serialize_db_to_string()


@pytest.fixture
def home(db):
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def seed_article(db):
    return ArticlePage.objects.get(slug=SEED_SLUG)


@pytest.fixture
def campaign(db):
    return CampaignPage.objects.get(slug="hoc-tap-va-lam-theo-bac-2021-2025")


@pytest.fixture
def english(db):
    from wagtail.models import Locale

    return Locale.objects.get(language_code="en")


@pytest.fixture
def english_article(seed_article, english):
    return seed_article.get_translation(english)


@pytest.fixture
def section(db):
    return ArticleIndexPage.objects.get(slug="tin-hoat-dong")


def user_in(django_user_model, username, group_name):
    """An account in one of the newsroom's groups, password "password" (tests/factories.py: UserFactory)."""
    from tests.factories import UserFactory

    return UserFactory(username=username, groups=[group_name])


@pytest.fixture
def editor(db):
    from tests.factories import EditorFactory

    return EditorFactory(username="editor")


@pytest.fixture
def approver(db):
    from tests.factories import ApproverFactory

    return ApproverFactory(username="approver")


@pytest.fixture
def reader_messages_handler(db):
    from tests.factories import ReaderMessagesHandlerFactory

    return ReaderMessagesHandlerFactory(username="handler")


@pytest.fixture(autouse=True)
def steady_statistics_box(monkeypatch):
    """The statistics box is cached for 5 seconds. On a loaded machine that can run out between a test's warm-up
    request and the request it measures, adding a query at random; within a test it stays cached until the cache
    is cleared. tests/test_visits.py measures what it costs when it is not cached."""
    monkeypatch.setattr("visits.stats.SITE_FIGURES_TIMEOUT", 3600)


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in Vietnamese: a request answered from the page cache returns before LocaleMiddleware, so
    the language of an earlier test's last English request would stay active in this thread."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def clear_cache():
    """Each test starts with an empty cache: the database is rolled back after a test, the cache is not."""
    from django.core.cache import caches

    for alias in ("default", "template_fragments"):
        caches[alias].clear()
    yield
    for alias in ("default", "template_fragments"):
        caches[alias].clear()


@pytest.fixture
def redis_cache(settings):
    """The production cache: Redis (a database of its own, a prefix of its own) through the backend production
    uses (delivery/redis_cache.py). Skipped without a Redis server, except in CI and under .ci/run."""
    import os
    import uuid

    import redis

    url = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/6")
    try:
        redis.Redis.from_url(url, socket_connect_timeout=2).ping()
    except redis.RedisError as error:
        if os.environ.get("CI") == "true" or os.environ.get("REDIS_TESTS_REQUIRED") == "true":
            pytest.fail(f"Redis is required in CI: {error}")
        pytest.skip(f"no Redis at {url}: {error}")
    settings.CACHES = {
        "default": {
            "BACKEND": "delivery.redis_cache.FailSoftRedisCache",
            "LOCATION": url,
            "KEY_PREFIX": f"test-{uuid.uuid4().hex}",
            "TIMEOUT": 120,
        },
        "template_fragments": settings.FRAGMENT_CACHE,  # each process's memory, as in production
    }

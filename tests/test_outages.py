"""/healthz reports the database and the cache; while the database is unreachable readers get a Vietnamese 503
page (no traceback), pages already in the page cache are still served, and the site answers again as soon as the
database is back, with nothing to restart."""

import base64
import hashlib
import logging
import re

import pytest
from django.conf import settings as django_settings
from django.db import OperationalError, connections
from django.test import Client

from visits.models import DailyPageViews

pytestmark = pytest.mark.django_db

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36"


def reader():
    """A reader's browser; the outage is an exception inside Django, which the test client would re-raise."""
    return Client(HTTP_USER_AGENT=BROWSER, REMOTE_ADDR="203.0.113.9", raise_request_exception=False)


class Database:
    """The database stops answering, as when PostgreSQL is stopped or the network to it is lost: every statement
    raises OperationalError, until it comes back."""

    def __init__(self, monkeypatch):
        self.monkeypatch = monkeypatch
        self.connection = connections["default"]
        self.working_cursor = self.connection.cursor

    @staticmethod
    def refused(*args, **kwargs):
        raise OperationalError('connection to server at "127.0.0.1", port 5432 failed: Connection refused')

    def go_down(self):
        self.monkeypatch.setattr(self.connection, "cursor", self.refused)

    def come_back(self):
        self.monkeypatch.setattr(self.connection, "cursor", self.working_cursor)


@pytest.fixture
def database(monkeypatch):
    return Database(monkeypatch)


def test_healthz_answers_ok_for_the_database_and_the_cache(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "cache": "ok"}
    assert "no-store" in response["Cache-Control"]


def test_healthz_says_which_service_failed_and_no_more(client, database, caplog):
    database.go_down()
    with caplog.at_level(logging.ERROR, logger="operations.views"):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"database": "unavailable", "cache": "ok"}
    assert "5432" not in response.content.decode() and "Connection refused" not in response.content.decode()
    assert "Connection refused" in caplog.text, "the operator's log has the details"

    database.come_back()
    assert client.get("/healthz").json() == {"database": "ok", "cache": "ok"}


def test_healthz_reports_a_cache_that_fails(client, monkeypatch):
    from django.core.cache import caches
    from redis.exceptions import ConnectionError as RedisConnectionError

    def refused(*args, **kwargs):
        raise RedisConnectionError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    monkeypatch.setattr(caches["default"], "set", refused)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"database": "ok", "cache": "unavailable"}


def test_healthz_is_neither_counted_nor_stored_by_the_page_cache(settings, seed_article):
    settings.PAGE_CACHE_SECONDS = 60
    before = DailyPageViews.objects.count()
    for _ in range(2):
        response = reader().get("/healthz")
        assert response.status_code == 200
        assert "X-Page-Cache" not in response and "X-Page-Id" not in response
    assert DailyPageViews.objects.count() == before
    assert reader().get(seed_article.url)["X-Page-Cache"] == "miss", "the page cache is on in this test"


@pytest.mark.parametrize("name", ["home", "article", "section", "search"])
def test_readers_get_a_vietnamese_503_page_while_the_database_is_down(
    name, home, seed_article, section, database, caplog
):
    url = {"home": home.url, "article": seed_article.url, "section": section.url, "search": "/search/?q=công+đoàn"}
    database.go_down()
    with caplog.at_level(logging.ERROR):
        response = reader().get(url[name])
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]
    content = response.content.decode()
    assert '<html lang="vi">' in content
    assert "Cổng thông tin tạm thời gián đoạn" in content
    assert "xin vui lòng tải lại trang sau ít phút" in content
    assert "Traceback" not in content and "OperationalError" not in content and "5432" not in content
    assert "OperationalError" in caplog.text and "Connection refused" in caplog.text


def test_the_outage_page_is_in_english_under_en(database):
    database.go_down()
    response = reader().get("/en/")
    assert response.status_code == 503
    content = response.content.decode()
    assert '<html lang="en">' in content
    assert "The portal is temporarily unavailable" in content


def test_the_site_answers_again_when_the_database_is_back(seed_article, database):
    url = seed_article.url
    database.go_down()
    assert reader().get(url).status_code == 503
    assert reader().get(url).status_code == 503
    database.come_back()
    response = reader().get(url)
    assert response.status_code == 200
    assert seed_article.title in response.content.decode()


def test_a_page_in_the_page_cache_is_still_served_while_the_database_is_down(
    settings, seed_article, section, database, caplog
):
    """Better a page up to PAGE_CACHE_SECONDS old than an error; the view it gets cannot be counted (logged)."""
    settings.PAGE_CACHE_SECONDS = 60
    article_url, section_url = seed_article.url, section.url
    assert reader().get(article_url)["X-Page-Cache"] == "miss"

    database.go_down()
    with caplog.at_level(logging.ERROR):
        cached = reader().get(article_url)
        not_cached = reader().get(section_url)
    assert cached.status_code == 200 and cached["X-Page-Cache"] == "hit"
    assert seed_article.title in cached.content.decode()
    assert "Could not count a view" in caplog.text
    assert not_cached.status_code == 503


def test_other_server_errors_still_get_the_500_page(seed_article, monkeypatch):
    from articles.models import ArticlePage

    def broken(self, request, *args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(ArticlePage, "get_context", broken)
    response = reader().get(seed_article.url)
    assert response.status_code == 500
    assert "Hệ thống đang gặp sự cố" in response.content.decode()


def test_the_503_page_style_is_allowed_by_the_error_pages_hash():
    from django.template.loader import render_to_string

    page = render_to_string("503.html", {"LANGUAGE_CODE": "vi"})  # its style is the 500 page's, which it extends
    [style] = re.findall(r"<style>(.*?)</style>", page, re.DOTALL)
    digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
    assert f"'sha256-{digest}'" == django_settings.ERROR_PAGE_STYLE_HASH


@pytest.fixture
def redis_down(settings):
    """The production cache (delivery.redis_cache.FailSoftRedisCache, as config/settings/production.py sets it up)
    pointed at a Redis that refuses connections."""
    settings.CACHES = {
        "default": {
            "BACKEND": "delivery.redis_cache.FailSoftRedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    settings.PAGE_CACHE_SECONDS = 60


def test_readers_still_get_pages_while_redis_is_down(redis_down, home, seed_article, section, caplog, monkeypatch):
    # The first failure is logged whatever an earlier test in this process logged, and the next ones are not, however
    # long a loaded machine takes over the requests (more than LOG_EVERY_SECONDS happened in a parallel run).
    monkeypatch.setattr("delivery.redis_cache.last_logged", [float("-inf")])
    monkeypatch.setattr("delivery.redis_cache.LOG_EVERY_SECONDS", 3600)
    with caplog.at_level(logging.ERROR, logger="delivery.redis_cache"):
        for url in (home.url, seed_article.url, section.url, "/search/?q=cong+doan"):
            response = reader().get(url)
            assert response.status_code == 200, url
            assert response["X-Page-Cache"] == "miss"  # rendered afresh: nothing can be stored
        assert seed_article.title in reader().get(seed_article.url).content.decode()
    assert "Redis unavailable" in caplog.text
    assert caplog.text.count("Redis unavailable") == 1, "one line per process every few seconds, not per call"


def test_healthz_reports_redis_down_as_json(redis_down):
    response = reader().get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"database": "ok", "cache": "unavailable"}


def test_forms_still_take_submissions_while_redis_is_down(redis_down, home):
    from legal_qa.models import LegalQAPage, LegalQuestion

    page = LegalQAPage.objects.child_of(home).get()
    response = reader().post(
        page.url,
        {
            "name": "Lê Văn An",
            "email": "an@example.invalid",
            "phone": "",
            "topic": "khac",
            "question": "Người lao động có được gửi câu hỏi khi máy chủ bộ nhớ đệm hỏng không?",
            "website": "",
        },
    )
    assert response.status_code == 200
    assert LegalQuestion.objects.filter(asker_name="Lê Văn An").exists()

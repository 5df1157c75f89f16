"""Limits that hold under concurrency: the forms' limit is taken atomically before a form is handled, so 20
concurrent posts from one reader get exactly the limit accepted; so do concurrent wrong passwords; password
reset e-mails are limited per address and per account, with a message in Vietnamese."""

import threading

import pytest
from django.conf import settings as django_settings
from django.core import mail
from django.core.cache import cache
from django.db import connections
from django.test import Client
from django.urls import reverse

from contact.protection import SUBMISSIONS_PER_PERIOD
from editorial.password_reset import RESETS_PER_ACCOUNT, RESETS_PER_ADDRESS
from legal_qa.models import LegalQAPage, LegalQuestion, Topic
from operations.limits import limit_key, take

transactional = pytest.mark.django_db(transaction=True, serialized_rollback=True)
needs_postgresql = pytest.mark.postgres(
    reason="concurrent requests need PostgreSQL: SQLite in memory refuses concurrent writers ('database table is "
    "locked'); CI runs them"
)

QUESTION = {
    "name": "Trần Văn Bình",
    "email": "binh@example.invalid",
    "phone": "",
    "topic": Topic.WAGES,
    "question": "Công ty chậm trả lương hai tháng liền thì người lao động cần làm gì để đòi?",
    "website": "",
}


def concurrently(count, request):
    """`count` threads, each with its own client and database connection, released at the same moment."""
    barrier = threading.Barrier(count)
    statuses, errors = [], []

    def worker(number):
        try:
            client = Client(HTTP_USER_AGENT="Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0", REMOTE_ADDR="203.0.113.60")
            barrier.wait(timeout=30)
            statuses.append(request(client, number).status_code)
        except Exception as error:  # noqa: BLE001 - reported by the test
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(number,)) for number in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    return sorted(statuses)


def take_concurrently(count, limit):
    key = limit_key("test", "203.0.113.60")
    barrier = threading.Barrier(count)
    taken = []

    def worker():
        barrier.wait(timeout=30)
        taken.append(take(key, limit, 60))

    threads = [threading.Thread(target=worker) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return taken


def test_concurrent_slots_are_never_more_than_the_limit():
    """The counter itself, in the local-memory cache (any database): 50 threads, 5 slots."""
    for _ in range(3):
        cache.clear()
        assert sorted(take_concurrently(50, 5)) == [False] * 45 + [True] * 5


def test_concurrent_slots_on_redis(redis_cache):  # noqa: F811 - the fixture
    assert type(cache._cache).__name__ == "FailSoftRedisCacheClient"
    assert sorted(take_concurrently(50, 5)) == [False] * 45 + [True] * 5


def post_questions_concurrently():
    page = LegalQAPage.objects.get(locale__language_code="vi")
    before = LegalQuestion.objects.count()
    statuses = concurrently(20, lambda client, number: client.post(page.url, {**QUESTION, "name": f"Người {number}"}))
    return statuses, LegalQuestion.objects.count() - before


@needs_postgresql
@transactional
def test_twenty_concurrent_questions_get_exactly_the_limit_accepted():
    statuses, created = post_questions_concurrently()
    assert statuses == [200] * SUBMISSIONS_PER_PERIOD + [429] * (20 - SUBMISSIONS_PER_PERIOD)
    assert created == SUBMISSIONS_PER_PERIOD


@needs_postgresql
@transactional
def test_the_same_on_redis(redis_cache):  # noqa: F811 - the fixture
    statuses, created = post_questions_concurrently()
    assert statuses == [200] * SUBMISSIONS_PER_PERIOD + [429] * (20 - SUBMISSIONS_PER_PERIOD)
    assert created == SUBMISSIONS_PER_PERIOD


@needs_postgresql
@transactional
def test_twenty_concurrent_wrong_passwords_get_at_most_the_limit_checked(django_user_model, monkeypatch):
    django_user_model.objects.create_user("bientap", "bientap@example.invalid", "right-password")
    checked = []
    original = django_user_model.check_password
    monkeypatch.setattr(
        django_user_model, "check_password", lambda user, raw: checked.append(raw) or original(user, raw)
    )
    statuses = concurrently(
        20,
        lambda client, number: client.post(
            reverse("wagtailadmin_login"), {"username": "bientap", "password": f"guess-{number}"}
        ),
    )
    limit = django_settings.AXES_FAILURE_LIMIT
    assert len(checked) <= limit
    assert statuses.count(429) >= 20 - limit and set(statuses) <= {200, 429}
    right = Client(REMOTE_ADDR="203.0.113.60").post(
        reverse("wagtailadmin_login"), {"username": "bientap", "password": "right-password"}
    )
    assert right.status_code == 429


@pytest.fixture
def accounts(django_user_model):
    return [
        django_user_model.objects.create_user(f"bientap{number}", f"bientap{number}@example.invalid", "x")
        for number in range(RESETS_PER_ADDRESS + 1)
    ]


def reset(client, email, ip="203.0.113.70"):
    return client.post(reverse("wagtailadmin_password_reset"), {"email": email}, REMOTE_ADDR=ip)


@pytest.mark.django_db
def test_password_reset_e_mails_are_limited_per_account(client, accounts):
    for _ in range(RESETS_PER_ACCOUNT):
        assert reset(client, "bientap0@example.invalid").status_code == 302
    refused = reset(client, "BienTap0@example.invalid", ip="203.0.113.71")  # another address, the same account
    assert refused.status_code == 429
    assert "Đã có quá nhiều yêu cầu đặt lại mật khẩu" in refused.content.decode()
    assert len(mail.outbox) == RESETS_PER_ACCOUNT
    assert reset(client, "bientap1@example.invalid", ip="203.0.113.71").status_code == 302  # other accounts may


@pytest.mark.django_db
def test_password_reset_e_mails_are_limited_per_address(client, accounts):
    for number in range(RESETS_PER_ADDRESS):
        assert reset(client, f"bientap{number}@example.invalid").status_code == 302
    refused = reset(client, f"bientap{RESETS_PER_ADDRESS}@example.invalid")
    assert refused.status_code == 429
    assert "Đã có quá nhiều yêu cầu đặt lại mật khẩu" in refused.content.decode()
    assert len(mail.outbox) == RESETS_PER_ADDRESS
    # unknown addresses count too: the answer never tells which accounts exist
    assert reset(client, "khong-co@example.invalid").status_code == 429
    assert reset(client, "khong-co@example.invalid", ip="203.0.113.72").status_code == 302

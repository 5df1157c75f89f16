"""Whose address a request has, with spoofed X-Forwarded-For headers: straight to the application the header is
ignored; behind declared proxies only the part they wrote is believed. Login lockouts, the forms' limits and
view counts all go by that one address."""

import pytest
from django.conf import settings as django_settings
from django.test import RequestFactory
from django.urls import reverse

from contact.models import ContactPage
from contact.protection import SUBMISSIONS_PER_PERIOD
from operations.client_address import client_ip, limited_address
from tests.test_security import run_python
from visits.models import DailyPageViews

pytestmark = pytest.mark.django_db

BROWSER = "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Mobile Safari/537.36"
PROXY = "10.0.0.2"
READER = "203.0.113.50"


def address(remote_addr, forwarded=None):
    extra = {"REMOTE_ADDR": remote_addr}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return client_ip(RequestFactory().get("/", **extra))


def spoofed(number):
    return f"198.51.100.{number}"


@pytest.fixture
def one_proxy(settings):
    """One nginx in front that appends the address it received the request from ($proxy_add_x_forwarded_for)."""
    settings.TRUSTED_PROXY_COUNT = 1
    settings.TRUSTED_PROXY_ADDRESSES = [PROXY]


def test_without_a_proxy_the_header_is_ignored():
    assert address(READER) == READER
    assert address(READER, spoofed(1)) == READER
    assert address(READER, f"{spoofed(1)}, {spoofed(2)}") == READER
    assert address("2001:db8::7", "not an address") == "2001:db8::7"


def test_behind_one_proxy_the_right_most_entry_is_the_reader(one_proxy):
    assert address(PROXY, READER) == READER
    for number in range(5):  # whatever a client writes to the left of what nginx appended
        assert address(PROXY, f"{spoofed(number)}, {READER}") == READER
    assert address(PROXY, f"garbage, ::1, {spoofed(9)},{READER}") == READER
    assert address(PROXY) == PROXY  # no header at all: the connection's address, never an error


def test_a_request_that_bypasses_the_proxy_cannot_spoof(one_proxy):
    # gunicorn reached directly (a misconfigured firewall): not from the proxy's address, so its header is a lie.
    assert address(READER, spoofed(1)) == READER
    assert address("10.0.0.3", spoofed(1)) == "10.0.0.3"


def test_a_count_of_two_proxies_and_proxy_networks(settings):
    # A CDN, then nginx: the CDN appends the reader, nginx appends the CDN's address.
    settings.TRUSTED_PROXY_COUNT = 2
    settings.TRUSTED_PROXY_ADDRESSES = []
    assert address(PROXY, f"{spoofed(1)}, {READER}, 192.0.2.200") == READER
    settings.TRUSTED_PROXY_COUNT = 0
    settings.TRUSTED_PROXY_ADDRESSES = ["10.0.0.0/24"]  # addresses alone mean one proxy
    assert address("10.0.0.77", f"{spoofed(1)}, {READER}") == READER
    assert address("::ffff:10.0.0.77", f"{spoofed(1)}, {READER}") == READER
    assert address("10.0.1.1", f"{spoofed(1)}, {READER}") == "10.0.1.1"


def login(client, password, remote_addr, forwarded):
    return client.post(
        reverse("wagtailadmin_login"),
        {"username": "bientap", "password": password},
        REMOTE_ADDR=remote_addr,
        HTTP_X_FORWARDED_FOR=forwarded,
    )


@pytest.fixture
def editor_account(django_user_model):
    return django_user_model.objects.create_user("bientap", "bientap@example.invalid", "right-password")


@pytest.mark.parametrize("behind_proxy", [False, True], ids=["direct", "behind-one-proxy"])
def test_twenty_wrong_passwords_with_rotating_spoofed_headers_lock_the_login(
    client, editor_account, settings, behind_proxy
):
    if behind_proxy:
        settings.TRUSTED_PROXY_COUNT = 1
        remote_addr, chain = PROXY, lambda number: f"{spoofed(number)}, {READER}"
    else:
        remote_addr, chain = READER, spoofed
    statuses = [login(client, "wrong", remote_addr, chain(number)).status_code for number in range(20)]
    limit = django_settings.AXES_FAILURE_LIMIT
    assert statuses == [200] * (limit - 1) + [429] * (20 - limit + 1)
    locked = login(client, "right-password", remote_addr, chain(99))
    assert locked.status_code == 429 and "Tạm khoá đăng nhập" in locked.content.decode()
    assert "_auth_user_id" not in client.session
    if behind_proxy:  # another reader behind the same proxy is not locked out
        other = login(client, "right-password", PROXY, f"{READER}, 203.0.113.51")
        assert other.status_code == 302


@pytest.mark.parametrize("behind_proxy", [False, True], ids=["direct", "behind-one-proxy"])
def test_rotating_spoofed_headers_do_not_escape_the_form_limit(client, home, settings, behind_proxy):
    page = ContactPage.objects.child_of(home).get()
    if behind_proxy:
        settings.TRUSTED_PROXY_COUNT = 1
        remote_addr, chain = PROXY, lambda number: f"{spoofed(number)}, {READER}"
    else:
        remote_addr, chain = READER, spoofed
    form = {"name": "Lan", "email": "lan@example.invalid", "subject": "Hỏi", "message": "Xin hỏi thủ tục."}
    statuses = [
        client.post(page.url, form, REMOTE_ADDR=remote_addr, HTTP_X_FORWARDED_FOR=chain(number)).status_code
        for number in range(SUBMISSIONS_PER_PERIOD + 3)
    ]
    assert statuses == [200] * SUBMISSIONS_PER_PERIOD + [429] * 3


def test_rotating_spoofed_headers_do_not_buy_views(client, seed_article, one_proxy):
    for number in range(10):
        client.get(
            seed_article.url,
            REMOTE_ADDR=PROXY,
            HTTP_X_FORWARDED_FOR=f"{spoofed(number)}, {READER}",
            HTTP_USER_AGENT=BROWSER,
        )
    client.get(seed_article.url, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.51", HTTP_USER_AGENT=BROWSER)
    assert sum(DailyPageViews.objects.values_list("views", flat=True)) == 2  # two readers


@pytest.mark.slow  # Django started in subprocesses
def test_the_settings_are_checked_at_start_up():
    code = "from django.conf import settings; print(settings.TRUSTED_PROXY_COUNT, settings.TRUSTED_PROXY_ADDRESSES)"
    assert run_python(code).stdout.strip() == "0 []"
    result = run_python(code, TRUSTED_PROXY_COUNT="1", TRUSTED_PROXY_ADDRESSES="10.0.0.2, 10.1.0.0/16")
    assert result.stdout.strip() == "1 ['10.0.0.2', '10.1.0.0/16']", result.stderr
    assert "TRUSTED_PROXY_ADDRESSES must list IP addresses" in run_python(code, TRUSTED_PROXY_ADDRESSES="nginx").stderr
    assert "TRUSTED_PROXY_COUNT must be a whole number" in run_python(code, TRUSTED_PROXY_COUNT="-1").stderr
    old = run_python(code, VISITS_TRUST_X_FORWARDED_FOR="true").stderr
    assert "VISITS_TRUST_X_FORWARDED_FOR is no longer read" in old and "TRUSTED_PROXY_COUNT=1" in old
    migrated = run_python(code, VISITS_TRUST_X_FORWARDED_FOR="true", TRUSTED_PROXY_COUNT="1")
    assert migrated.stdout.strip() == "1 []", migrated.stderr
    assert run_python(code, VISITS_TRUST_X_FORWARDED_FOR="false").stdout.strip() == "0 []"


def test_limits_count_an_ipv6_64_as_one_address(client, home, seed_article):
    assert limited_address("2001:db8:1:2:aaaa::1") == "2001:db8:1:2::/64"
    assert limited_address("::ffff:203.0.113.9") == "203.0.113.9" and limited_address("203.0.113.9") == "203.0.113.9"
    page = ContactPage.objects.child_of(home).get()
    form = {"name": "Lan", "email": "lan@example.invalid", "subject": "Hỏi", "message": "Xin hỏi thủ tục."}
    statuses = [
        client.post(page.url, form, REMOTE_ADDR=f"2001:db8:1:2::{number:x}").status_code
        for number in range(1, SUBMISSIONS_PER_PERIOD + 3)
    ]
    assert statuses == [200] * SUBMISSIONS_PER_PERIOD + [429] * 2
    assert client.post(page.url, form, REMOTE_ADDR="2001:db8:1:3::1").status_code == 200  # another /64
    for number in range(1, 30):  # new addresses in one /64, and new user agents: capped all the same
        client.get(seed_article.url, REMOTE_ADDR=f"2001:db8:1:2::{number:x}", HTTP_USER_AGENT=f"{BROWSER} {number}")
    assert DailyPageViews.objects.get(page_id=seed_article.pk).views == django_settings.VISITS_MAX_VIEWS_PER_ADDRESS


def test_the_deployment_docs_nginx_example_and_settings_agree(settings):
    """The nginx of docs/deployment.md appends to X-Forwarded-For, and its environment says one proxy at 127.0.0.1:
    with those settings, a reader's own header behind that nginx is ignored."""
    from pathlib import Path

    readme = (Path(__file__).resolve().parent.parent / "docs" / "deployment.md").read_text(encoding="utf-8")
    nginx = readme[readme.index("```nginx") : readme.index("```", readme.index("```nginx") + 8)]
    assert "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;" in nginx
    assert "`1` and `127.0.0.1` (one nginx on the same machine, as below) |" in readme
    settings.TRUSTED_PROXY_COUNT, settings.TRUSTED_PROXY_ADDRESSES = 1, ["127.0.0.1"]
    assert address("127.0.0.1", f"{spoofed(1)}, {READER}") == READER

"""Browser tests: Debian's Chromium driven by Playwright's sync API against pytest-django's live server.

Without Playwright or a Chromium that starts, the tests are skipped with the reason, except in CI (CI=true) and
under .ci/run (BROWSER_TESTS_REQUIRED=true), where that is a failure: CI must not go green by running none of them."""

import os
import threading

import pytest
from django.db import connections

CHROMIUM = "/usr/bin/chromium"
# Playwright cannot download its own browser here; Debian's runs as root in a container without a GPU, and must
# not reach out to the network on its own.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def unavailable(reason):
    if os.environ.get("CI") == "true" or os.environ.get("BROWSER_TESTS_REQUIRED") == "true":
        pytest.fail(f"the browser tests must run here but cannot: {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture
def chromium(monkeypatch):
    """A Chromium for one test (it starts in about a second).

    Playwright's sync API keeps an asyncio event loop running in the test's thread, and Django refuses database
    queries from a thread with a running loop; the test's own queries are plain synchronous code, so they are
    allowed while the browser is up."""
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError as error:
        unavailable(f"Playwright is not installed ({error})")
    if not os.access(CHROMIUM, os.X_OK):
        unavailable(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        try:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        except Error as error:
            unavailable(f"Chromium at {CHROMIUM} does not start: {error.message.strip().splitlines()[0]}")
        yield browser
        browser.close()


class LiveSite:
    """The live server, for one test's browser: it answers one request at a time, and `lock` keeps it still while
    the test reads the database.

    With SQLite in memory (the test settings) the server's request threads and the test share one database
    connection, and requests that overlap, as the admin's do (autosave, editing-session pings, the beacon sent
    when the editor is left, the chooser), would interleave their transactions on it."""

    def __init__(self, live_server, browser):
        self.url = live_server.url
        self.browser = browser
        self.lock = threading.Lock()
        self.httpd = live_server.thread.httpd
        self.application = self.httpd.get_app()
        self.httpd.set_app(self.serve)

    def serve(self, environ, start_response):
        with self.lock:
            response = self.application(environ, start_response)
            try:
                return [b"".join(response)]
            finally:
                if hasattr(response, "close"):
                    response.close()

    def new_page(self, **context_options):
        """A page in a new browser context (its own cookies), which reaches no other site than this one (the
        admin's avatars come from gravatar.com, and there is no network here)."""
        context = self.browser.new_context(**context_options)
        context.route(lambda url: not url.startswith(f"{self.url}/"), lambda route: route.abort())
        return context.new_page()

    def close(self):
        """Closes the pages, lets a request they left in flight finish, and gives the server back."""
        for context in self.browser.contexts:
            context.close()
        with self.lock:
            self.httpd.set_app(self.application)


@pytest.fixture
def live_site(live_server, chromium, django_db_serialized_rollback):
    """The live server and the browser of one test; when the test is over, the pages are closed and the server is
    idle before the database is flushed. The test starts from the demo content even when an earlier live-server
    test has emptied the database (see django_db_setup in tests/conftest.py)."""
    site = LiveSite(live_server, chromium)
    yield site
    site.close()
    # The test's own queries ran while Playwright's event loop was up, on connections of their own: closed here,
    # or PostgreSQL keeps one open and refuses to drop the test database at the end.
    connections.close_all()


class RoutedSite:
    """The site as the browser sees it, answered by Django's test client inside the test: no server thread, so a
    test that only reads pages runs in the usual rolled-back transaction, with the demo content (a live server
    needs a transactional test, which empties the database when it ends). Static files come from the finders,
    uploads from MEDIA_ROOT; every other host is unreachable."""

    url = "http://testserver"

    def __init__(self, client, browser):
        self.client = client
        self.browser = browser

    def answer(self, route, request):
        from pathlib import Path
        from urllib.parse import unquote, urlsplit

        from django.conf import settings
        from django.contrib.staticfiles import finders
        from django.db import connections

        parts = urlsplit(request.url)
        path = unquote(parts.path)
        if path.startswith(settings.STATIC_URL):
            found = finders.find(path.removeprefix(settings.STATIC_URL))
            return route.fulfill(path=found) if found else route.fulfill(status=404)
        if path.startswith(settings.MEDIA_URL):
            found = Path(settings.MEDIA_ROOT) / path.removeprefix(settings.MEDIA_URL)
            return route.fulfill(path=found) if found.is_file() else route.fulfill(status=404)
        response = self.client.generic(
            request.method,
            parts.path + (f"?{parts.query}" if parts.query else ""),
            data=request.post_data_buffer or b"",
            content_type=request.headers.get("content-type", ""),
        )
        content = b"".join(response.streaming_content) if response.streaming else response.content
        # Playwright calls this in a context of its own, where Django opens a connection of its own: closed here,
        # or PostgreSQL keeps it open and refuses to drop the test database at the end.
        connections.close_all()
        return route.fulfill(status=response.status_code, headers=dict(response.items()), body=content)

    def new_page(self, **context_options):
        context = self.browser.new_context(**context_options)
        context.route(lambda url: url.startswith(f"{self.url}/"), self.answer)
        context.route(lambda url: not url.startswith(f"{self.url}/"), lambda route: route.abort())
        return context.new_page()


@pytest.fixture
def routed_site(client, chromium):
    yield RoutedSite(client, chromium)
    for context in chromium.contexts:
        context.close()

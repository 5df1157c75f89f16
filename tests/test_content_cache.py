"""The cached furniture of pages (delivery/content_cache.py): read from the shared cache once a request, kept in the
process, and never stale."""

import pytest
from django.core.cache import cache

from delivery import content_cache
from tests.factories import publish_article

pytestmark = pytest.mark.django_db


def test_a_request_reads_the_version_once_and_the_entries_from_its_process(client, seed_article, monkeypatch):
    client.get(seed_article.url)  # warm
    reads = []
    original_get = cache.get
    monkeypatch.setattr(
        cache, "get", lambda key, *args, **kwargs: reads.append(key) or original_get(key, *args, **kwargs)
    )
    assert client.get(seed_article.url).status_code == 200
    assert reads.count(content_cache.VERSION_KEY) == 1
    assert not [key for key in reads if key.startswith("content:")]  # menu, breadcrumbs, sidebar: from memory


def test_what_the_process_keeps_is_never_stale(client, section, seed_article):
    client.get(seed_article.url)
    publish_article(section, "Bài mới cho thanh bên", "bai-moi-cho-thanh-ben")
    assert "Bài mới cho thanh bên" in client.get(seed_article.url).content.decode()  # the "latest news"


def test_a_change_made_by_another_process_is_seen_by_the_next_request(client, seed_article):
    from wagtail.models import Page

    from articles.models import published_articles

    client.get(seed_article.url)
    newest = published_articles(seed_article.locale_id).first()
    Page.objects.filter(pk=newest.pk).update(title="Tiêu đề do tiến trình khác đổi")  # no signal here
    assert "Tiêu đề do tiến trình khác đổi" not in client.get(seed_article.url).content.decode()
    cache.set(content_cache.VERSION_KEY, "changed-by-another-process", None)  # that process's signal
    assert "Tiêu đề do tiến trình khác đổi" in client.get(seed_article.url).content.decode()


def test_each_caller_gets_its_own_copy(seed_article):
    with content_cache.serving_readers():
        each_caller_gets_its_own_copy()


def each_caller_gets_its_own_copy():
    first = content_cache.cached("copy-test", compute=lambda: [{"title": "A"}])
    first[0]["title"] = "changed"
    first.append("more")
    assert content_cache.cached("copy-test", compute=lambda: []) == [{"title": "A"}]


def test_view_restrictions_cost_no_query_while_there_are_none_and_apply_at_once(client, seed_article):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from wagtail.models import PageViewRestriction

    client.get(seed_article.url)
    with CaptureQueriesContext(connection) as captured:
        client.get(seed_article.url)
    assert not [query for query in captured if "pageviewrestriction" in query["sql"]]

    section = seed_article.get_parent()
    restriction = PageViewRestriction.objects.create(page=section, restriction_type="password", password="mat-khau")
    response = client.get(seed_article.url)
    assert 'name="password"' in response.content.decode() and seed_article.lead not in response.content.decode()
    restriction.delete()
    assert seed_article.lead in client.get(seed_article.url).content.decode()


def test_no_page_type_asks_for_view_restrictions_while_there_are_none(client):
    """Every page type of the site serves without the two queries of Wagtail's check (ViewRestrictionsFromCache):
    one live page of each type in the demo, whatever its type. Wagtail's own Page is only the tree's root, never
    served."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from wagtail.models import Page, get_page_models

    served = {}
    for page in Page.objects.live().filter(depth__gt=1).specific().order_by("path"):
        served.setdefault(type(page), page)
    assert set(served) == set(get_page_models()) - {Page}, "the demo has a page of every type"
    for model, page in served.items():
        client.get(page.url)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(page.url).status_code == 200, model
        assert not [query for query in captured if "pageviewrestriction" in query["sql"]], model

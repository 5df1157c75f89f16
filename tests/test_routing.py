"""Pages are found from the route table (delivery/routing.py): one query for a known address instead of Wagtail's walk
down the tree, and never a stale answer when pages or sites change."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Site

from delivery import content_cache

pytestmark = pytest.mark.django_db


def page_queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return [
        query["sql"]
        for query in captured
        if any(table in query["sql"] for table in ("wagtailcore_site", "wagtailcore_page"))
    ]


def test_a_known_address_costs_no_query_to_find_its_page(client, seed_article):
    walked = page_queries(client, seed_article.url)
    assert len(walked) >= 5  # Wagtail's walk: site, home, section, article (and their specific types)
    assert page_queries(client, seed_article.url) == []  # the page kept with the content


def test_a_draft_changes_nothing_readers_see_and_publishing_it_does(client, seed_article):
    client.get(seed_article.url)
    seed_article.title = "Tiêu đề bản nháp chưa duyệt"
    seed_article.save_revision()
    assert "Tiêu đề bản nháp chưa duyệt" not in client.get(seed_article.url).content.decode()
    seed_article.get_latest_revision().publish()
    assert "Tiêu đề bản nháp chưa duyệt" in client.get(seed_article.url).content.decode()


def test_an_unpublished_page_is_not_served_from_the_table(client, seed_article):
    client.get(seed_article.url)
    seed_article.unpublish()
    assert client.get(seed_article.url).status_code == 404
    seed_article.save_revision().publish()
    assert client.get(seed_article.url).status_code == 200


def test_a_renamed_or_moved_page_answers_at_its_new_address_only(client, seed_article, section):
    old_url = seed_article.url
    client.get(old_url)
    seed_article.slug = "dia-chi-moi"
    seed_article.save_revision().publish()
    assert client.get(old_url).status_code == 404
    renamed = Page.objects.get(pk=seed_article.pk).specific
    assert client.get(renamed.url).status_code == 200

    renamed.move(section, pos="last-child")
    moved = Page.objects.get(pk=seed_article.pk).specific
    assert moved.url.startswith(section.url)
    old = client.get(renamed.url)  # Wagtail's automatic redirect on a move, or nothing: never the page
    assert old.status_code == 404 or (old.status_code == 301 and old["Location"] == moved.url)
    assert "Tiếp tục đẩy mạnh" in client.get(moved.url).content.decode()


def test_a_page_taken_down_by_its_expiry_date_is_not_served(client, seed_article):
    from django.core.management import call_command
    from django.utils import timezone

    client.get(seed_article.url)
    seed_article.expire_at = timezone.now() - timezone.timedelta(minutes=1)
    seed_article.save_revision().publish()
    call_command("publish_scheduled", verbosity=0)  # the cron job: unpublishes expired pages, with the signal
    assert client.get(seed_article.url).status_code == 404


def test_addresses_that_find_nothing_are_not_remembered(client):
    for number in range(20):
        assert client.get(f"/khong-co-trang-nay-{number}/").status_code == 404
    assert not [key for key in content_cache.memory.entries if ":route-page:" in key]


def test_languages_and_sites_are_routed_apart(client, home, seed_article, section):
    client.get(section.url)
    english = client.get("/en" + section.url)
    # An English section exists at that address, or under its own slug (Wagtail's redirect from the slug it had
    # when translated), or not at all; never the Vietnamese page.
    assert english.status_code in (200, 301, 404)
    if english.status_code == 301:
        assert english["Location"].startswith("/en/") and english["Location"] != "/en" + section.url
        english = client.get(english["Location"])
    if english.status_code == 200:
        assert english.content.decode().startswith("<!DOCTYPE html>")
        assert 'lang="en"' in english.content.decode()

    # A second site whose home is the section: the article is at its slug there, and the change of sites is seen.
    address_on_default_site = seed_article.url
    assert client.get(f"/{seed_article.slug}/", HTTP_HOST="tinhoatdong.example").status_code == 404
    Site.objects.create(hostname="tinhoatdong.example", port=80, root_page=seed_article.get_parent())
    response = client.get(f"/{seed_article.slug}/", HTTP_HOST="tinhoatdong.example")
    assert response.status_code == 200
    assert seed_article.title in response.content.decode()
    assert client.get(address_on_default_site).status_code == 200  # the default site unchanged

"""Pages are found from the route table (home/routing.py): one query for a known address instead of Wagtail's walk
down the tree, and never a stale answer when pages or sites change."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Site

from home import content_cache

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


def test_a_known_address_costs_one_query_for_its_page(client, seed_article):
    walked = page_queries(client, seed_article.url)
    assert len(walked) >= 5  # Wagtail's walk: site, home, section, article (and their specific types)
    known = page_queries(client, seed_article.url)
    assert len(known) == 1
    assert "articles_articlepage" in known[0]  # the article with its specific fields, at once


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


def test_a_page_that_is_not_live_is_never_served_even_if_the_table_says_so(client, seed_article):
    client.get(seed_article.url)
    Page.objects.filter(pk=seed_article.pk).update(live=False)  # behind the signals' back
    assert client.get(seed_article.url).status_code == 404


def test_addresses_that_find_nothing_are_not_remembered(client):
    for number in range(20):
        assert client.get(f"/khong-co-trang-nay-{number}/").status_code == 404
    assert not [key for key in content_cache.memory.entries if ":route:" in key]


def test_languages_and_sites_are_routed_apart(client, home, seed_article, section):
    client.get(section.url)
    english = client.get("/en" + section.url)
    assert english.status_code in (200, 404)  # an English section exists or not; never the Vietnamese page
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

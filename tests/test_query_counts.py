"""SQL queries per page are bounded and do not grow with the amount of content."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.translation import override as translation_override

from articles.importer import ArticleImporter
from articles.models import ArticlePage
from tests.factories import article_record, jsonl

pytestmark = pytest.mark.django_db

# What each page may take, with the demo content. "parts": its parts already rendered (delivery/context_processors.py),
# as for a reader the page cache does not answer (article: its view count); "cold":
# every part rendered afresh (FRAGMENT_CACHE_SECONDS=0), one query of headroom. Pages are found from the route
# table (delivery/routing.py), their site and locale from the cache.
BUDGETS = {
    "parts": {"home": 0, "section": 0, "article": 1, "campaign": 0},
    "cold": {"home": 13, "section": 4, "article": 4, "campaign": 3},
}


def queries(client, url):
    client.get(url)  # warm the caches a real server would have warm (site root, renditions)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def pages(home, section, seed_article, campaign):
    return {"home": home.url, "section": section.url, "article": seed_article.url, "campaign": campaign.url}


def add_articles(home, campaign, count):
    importer = ArticleImporter(home, publish=True)
    for number in range(count):
        importer.import_line(jsonl([article_record(100 + number)]))
    for article in ArticlePage.objects.filter(slug__startswith="bai-thu-nghiem-"):
        article.tags.add("Học tập và làm theo Bác")  # related to the seed article
        article.campaign = campaign
        article.save_revision().publish()


@pytest.mark.parametrize("mode", ["parts", "cold"])
def test_query_counts_are_within_budget_and_do_not_grow_with_content(
    client, home, section, seed_article, campaign, settings, mode
):
    if mode == "cold":
        settings.FRAGMENT_CACHE_SECONDS = 0
    urls = pages(home, section, seed_article, campaign)
    before = {name: queries(client, url) for name, url in urls.items()}
    for name, count in before.items():
        assert count <= BUDGETS[mode][name], f"{name}: {count} queries"

    add_articles(home, campaign, 50)
    after = {name: queries(client, url) for name, url in urls.items()}
    assert after == before


def test_listings_load_their_cards_photos_in_one_query(client, home, section):
    from django.core.cache import cache

    for url in (home.url, section.url):
        client.get(url)  # the renditions exist
        cache.clear()  # and are not in the cache: only the prefetch may find them
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        renditions = [query for query in captured if "rendition" in query["sql"]]
        assert len(renditions) == 1, url


def test_views_other_than_pages_read_their_site_and_locale_from_the_cache(client):
    from home.translatable import active_locale

    for url in ("/search/?q=c%C3%B4ng+%C4%91o%C3%A0n", "/en/search/?q=union", "/van-ban/"):
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        lookups = [
            query["sql"]
            for query in captured
            if query["sql"].startswith(('SELECT "wagtailcore_locale"', 'SELECT "wagtailcore_site"'))
        ]
        assert not lookups, url
    with translation_override("en"):
        assert active_locale().language_code == "en"

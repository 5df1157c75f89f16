"""SQL queries per page are bounded and do not grow with the amount of content."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.translation import override as translation_override

from articles.importer import ArticleImporter
from articles.models import ArticlePage
from tests.factories import article_record, jsonl

pytestmark = pytest.mark.django_db

# One query of headroom over what each page takes (home 13, section 4, article 5, campaign 3 with the demo content;
# pages are found from the route table, home/routing.py).
BUDGETS = {"home": 14, "section": 5, "article": 6, "campaign": 4}


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


def test_query_counts_are_within_budget_and_do_not_grow_with_content(client, home, section, seed_article, campaign):
    urls = pages(home, section, seed_article, campaign)
    before = {name: queries(client, url) for name, url in urls.items()}
    for name, count in before.items():
        assert count <= BUDGETS[name], f"{name}: {count} queries"

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

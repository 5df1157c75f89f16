"""RSS feeds: valid RSS 2.0, only live public articles, newest first, site-wide and per section."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from wagtail.models import PageViewRestriction

from articles.models import ArticlePage
from tests.factories import ArticleIndexPageFactory, ArticlePageFactory

pytestmark = pytest.mark.django_db


def feed_items(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")  # noqa: S314 (our own response)
    assert channel.findtext("title") and channel.findtext("link") and channel.findtext("description")
    return [{child.tag: child.text for child in item} for item in channel.findall("item")]


def test_site_feed_lists_live_articles_newest_first(client, seed_article):
    items = feed_items(client, "/rss/")
    live = ArticlePage.objects.live().filter(locale=seed_article.locale).order_by("-date", "-pk")
    assert [item["title"] for item in items] == [article.title for article in live]
    assert any(item["link"].endswith(seed_article.url) for item in items)
    assert all(item["pubDate"] and item["description"] for item in items)


def test_feeds_leave_out_drafts_and_restricted_articles(client):
    section = ArticleIndexPageFactory()
    public = ArticlePageFactory(parent=section)
    draft = ArticlePageFactory(parent=section, title="Bản nháp chưa duyệt", published=False)
    restricted = ArticlePageFactory(parent=section)
    PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.LOGIN)
    for url in ("/rss/", f"/rss/{section.slug}/"):
        titles = [item["title"] for item in feed_items(client, url)]
        assert public.title in titles
        assert draft.title not in titles and restricted.title not in titles


def test_section_feed_lists_only_that_section_newest_first(client):
    section = ArticleIndexPageFactory()
    older = ArticlePageFactory(parent=section, date=datetime.date(2025, 3, 1))
    newer = ArticlePageFactory(parent=section, date=datetime.date(2025, 4, 1))
    elsewhere = ArticlePageFactory()
    items = feed_items(client, f"/rss/{section.slug}/")
    assert [item["title"] for item in items] == [newer.title, older.title]
    assert items[0]["link"].endswith(newer.url) and newer.lead in items[0]["description"]
    assert elsewhere.title in [item["title"] for item in feed_items(client, "/rss/")]
    assert client.get("/rss/khong-co-chuyen-muc-nay/").status_code == 404


def test_pages_advertise_their_feeds(client):
    section = ArticleIndexPageFactory()
    html = client.get(section.url).content.decode()
    assert 'type="application/rss+xml"' in html
    assert f'href="/rss/{section.slug}/"' in html

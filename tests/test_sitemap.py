"""sitemap.xml lists every live, public page in every language and the documents; robots.txt points to it."""

import xml.etree.ElementTree as ET

import pytest
from wagtail.models import Locale, PageViewRestriction

from tests.factories import ArticleIndexPageFactory, ArticlePageFactory, CampaignPageFactory, OfficialDocumentFactory

pytestmark = pytest.mark.django_db
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap_locations(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 (our own response)
    return [loc.text for loc in root.findall("s:url/s:loc", NS)]


def test_sitemap_lists_live_public_pages_only(client, home):
    section = ArticleIndexPageFactory()
    article, campaign = ArticlePageFactory(parent=section), CampaignPageFactory()
    draft = ArticlePageFactory(parent=section, published=False)
    restricted = ArticlePageFactory(parent=section)
    PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.LOGIN)
    locations = sitemap_locations(client)
    for page in (home, section, article, campaign):
        assert page.full_url in locations
    assert not any(draft.slug in location for location in locations)
    assert restricted.full_url not in locations
    assert len(locations) == len(set(locations))


def test_sitemap_lists_published_documents(client):
    published, draft = OfficialDocumentFactory(), OfficialDocumentFactory(published=False)
    locations = sitemap_locations(client)
    assert any(location.endswith(published.get_absolute_url()) for location in locations)
    assert not any(location.endswith(draft.get_absolute_url()) for location in locations)


def test_sitemap_lists_every_language(client, home, seed_article):
    english, _ = Locale.objects.get_or_create(language_code="en")
    home_en = home.get_translation_or_none(english) or home.copy_for_translation(english)
    home_en.specific.save_revision().publish()
    home_en = home_en.specific
    locations = sitemap_locations(client)
    assert home.full_url in locations
    assert home_en.full_url in locations
    assert "/en/" in home_en.full_url


def test_sitemap_lists_the_translations_of_a_page_as_alternates(client, seed_article):
    english = seed_article.get_translation(Locale.objects.get(language_code="en"))
    root = ET.fromstring(client.get("/sitemap.xml").content)  # noqa: S314 (our own response)
    xhtml = "{http://www.w3.org/1999/xhtml}link"
    entry = next(url for url in root.findall("s:url", NS) if url.find("s:loc", NS).text == seed_article.full_url)
    alternates = {link.get("hreflang"): link.get("href") for link in entry.iter(xhtml)}
    assert alternates == {"vi": seed_article.full_url, "en": english.full_url}


def test_robots_txt_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "Disallow: /admin/" in text
    assert any(line.startswith("Sitemap: ") and line.endswith("/sitemap.xml") for line in text.splitlines())

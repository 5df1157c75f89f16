"""What search engines and social networks read: canonical URL, Open Graph and Twitter tags, JSON-LD."""

import json
import re

import pytest

pytestmark = pytest.mark.django_db


def json_ld(html):
    return [json.loads(text) for text in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)]


def meta(html, name):
    match = re.search(rf'<meta (?:property|name)="{re.escape(name)}" content="([^"]*)"', html)
    return match and match.group(1)


def test_article_has_news_article_json_ld(client, seed_article):
    html = client.get(seed_article.url).content.decode()
    (article,) = [data for data in json_ld(html) if data["@type"] == "NewsArticle"]
    assert article["@context"] == "https://schema.org"
    assert seed_article.title.startswith(article["headline"].rstrip("…"))
    assert len(article["headline"]) <= 110
    assert article["datePublished"] == "2021-09-10"
    assert article["dateModified"]
    assert article["author"] == [{"@type": "Person", "name": "Tiến Sỹ"}]
    assert article["publisher"]["name"]
    assert article["image"][0].startswith("http") and ".fill-1200x630." in article["image"][0]
    assert article["mainEntityOfPage"] == seed_article.full_url


def test_article_has_open_graph_and_twitter_tags(client, seed_article):
    html = client.get(seed_article.url).content.decode()
    assert meta(html, "og:type") == "article"
    assert meta(html, "og:url") == seed_article.full_url
    assert meta(html, "og:title") == seed_article.title
    assert meta(html, "og:image").startswith("http")
    assert meta(html, "og:image:alt")
    assert meta(html, "twitter:card") == "summary_large_image"
    assert f'<link rel="canonical" href="{seed_article.full_url}">' in html


def test_breadcrumbs_have_breadcrumb_list(client, seed_article):
    html = client.get(seed_article.url).content.decode()
    (trail,) = [data for data in json_ld(html) if data["@type"] == "BreadcrumbList"]
    items = trail["itemListElement"]
    assert [item["position"] for item in items] == [1, 2, 3]
    assert items[-1]["item"] == seed_article.full_url
    assert all(item["item"].startswith("http") and item["name"] for item in items)


def test_canonical_url_keeps_the_page_number_only(client, section):
    html = client.get(section.url, {"page": "2", "utm_source": "x"}).content.decode()
    assert f'<link rel="canonical" href="{section.full_url}?page=2">' in html
    html = client.get(section.url, {"utm_source": "x"}).content.decode()
    assert f'<link rel="canonical" href="{section.full_url}">' in html


@pytest.mark.parametrize(("number", "canonical"), [("²", ""), ("½", ""), ("٢", "?page=2"), ("２", "?page=2")])
def test_canonical_url_of_a_page_number_in_other_digits(client, section, number, canonical):
    """Found by tests/test_fuzz.py: "²" passed str.isdigit() and then int() raised, a 500 on every page."""
    response = client.get(section.url, {"page": number})
    assert response.status_code == 200
    assert f'<link rel="canonical" href="{section.full_url}{canonical}">' in response.content.decode()


def test_structured_data_escapes_markup(client, seed_article):
    seed_article.lead = "Trích </script><script>alert(1)</script>"
    seed_article.save_revision().publish()
    html = client.get(seed_article.url).content.decode()
    assert "<script>alert(1)" not in html
    (article,) = [data for data in json_ld(html) if data["@type"] == "NewsArticle"]
    assert article["description"] == seed_article.lead


def test_every_public_page_has_a_description(client, home, section, campaign):
    for url in (home.url, section.url, campaign.url, "/van-ban/"):
        description = meta(client.get(url).content.decode(), "description")
        assert description and len(description) > 20, url

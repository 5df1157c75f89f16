"""Around an article: tag pages, previous and next article of the section, share links, back to top."""

import re

import pytest
from django.urls import reverse

from articles.models import ArticlePage

pytestmark = pytest.mark.django_db


def test_tags_link_to_tag_pages_listing_their_articles(client, seed_article):
    tag = seed_article.tags.first()
    url = reverse("news:tag", args=[tag.slug])
    html = client.get(seed_article.url).content.decode()
    assert f'href="{url}"' in html
    response = client.get(url)
    assert response.status_code == 200
    tagged = ArticlePage.objects.live().filter(tagged_items__tag=tag, locale=seed_article.locale)
    page = response.content.decode()
    assert tag.name in page
    for article in tagged:
        assert article.title in page
    assert client.get("/tu-khoa/khong-co-tu-khoa-nay/").status_code == 404


def test_previous_and_next_article_of_the_section(client, section):
    articles = list(ArticlePage.objects.live().child_of(section).order_by("date", "pk"))
    assert len(articles) >= 3
    middle = articles[1]
    html = client.get(middle.url).content.decode()
    assert f'href="{articles[0].url}" rel="prev"' in html
    assert f'href="{articles[2].url}" rel="next"' in html
    oldest = client.get(articles[0].url).content.decode()
    assert 'rel="prev"' not in oldest


def test_share_links_need_no_third_party_script(client, seed_article):
    html = client.get(seed_article.url).content.decode()
    assert "facebook.com/sharer/sharer.php?u=" in html
    assert "mailto:?subject=" in html
    scripts = re.findall(r'<script[^>]*src="([^"]*)"', html)
    assert all(src.startswith("/static/") for src in scripts), scripts  # the site's own, if any
    assert 'href="#top"' in html

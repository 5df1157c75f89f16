"""Around an article: tag pages, previous and next article of the section, share links, back to top."""

import datetime
import re

import pytest
from django.urls import reverse

from tests.factories import ArticleIndexPageFactory, ArticlePageFactory
from tests.markup import unwrap_document_numbers

pytestmark = pytest.mark.django_db


def test_tags_link_to_tag_pages_listing_their_articles(client):
    tagged = ArticlePageFactory.create_batch(2, tags=["Thi đua lao động giỏi"])
    ArticlePageFactory(tags=["Chủ đề khác"])
    ArticlePageFactory(tags=["Thi đua lao động giỏi"], published=False)
    tag = tagged[0].tags.get()
    url = reverse("news:tag", args=[tag.slug])
    assert f'href="{url}"' in client.get(tagged[0].url).content.decode()
    response = client.get(url)
    assert response.status_code == 200
    page = unwrap_document_numbers(response.content.decode())
    assert tag.name in page
    listed = re.findall(r'<h2 class="card__title"><a href="([^"]+)">', page)
    assert sorted(listed) == sorted(article.url for article in tagged)  # not `other`, not the draft
    assert client.get("/tu-khoa/khong-co-tu-khoa-nay/").status_code == 404


@pytest.mark.parametrize("path", ["/tu-khoa/%00/", "/tu-khoa/hoc%00tap/", "/en/tu-khoa/%00/"])
def test_a_tag_address_with_a_nul_character_is_not_found(client, path):
    """Found by tests/test_fuzz.py: on PostgreSQL, which refuses a NUL in a query, it answered 500."""
    assert client.get(path).status_code == 404


def test_previous_and_next_article_of_the_section(client):
    section = ArticleIndexPageFactory()
    oldest, middle, newest = (ArticlePageFactory(parent=section, date=datetime.date(2025, 5, day)) for day in (1, 2, 3))
    ArticlePageFactory(parent=section, date=datetime.date(2025, 5, 4), published=False)  # a draft is no neighbour
    html = client.get(middle.url).content.decode()
    assert f'href="{oldest.url}" rel="prev"' in html
    assert f'href="{newest.url}" rel="next"' in html
    assert 'rel="prev"' not in client.get(oldest.url).content.decode()
    assert 'rel="next"' not in client.get(newest.url).content.decode()


def test_share_links_need_no_third_party_script(client):
    html = client.get(ArticlePageFactory().url).content.decode()
    assert "facebook.com/sharer/sharer.php?u=" in html
    assert "mailto:?subject=" in html
    scripts = re.findall(r'<script[^>]*src="([^"]*)"', html)
    assert all(src.startswith("/static/") for src in scripts), scripts  # the site's own, if any
    assert 'href="#top"' in html


def test_related_articles_share_the_most_tags_then_the_section_then_are_newest(client):
    own, other = ArticleIndexPageFactory(), ArticleIndexPageFactory()

    def add(section, day, tags=(), published=True):
        return ArticlePageFactory(parent=section, date=datetime.date(2024, 1, day), tags=tags, published=published)

    shown = add(own, 10, ["Chủ đề riêng A", "Chủ đề riêng B"])
    both_tags_elsewhere = add(other, 1, ["Chủ đề riêng A", "Chủ đề riêng B"])
    one_tag_same_section = add(own, 2, ["Chủ đề riêng A"])
    one_tag_elsewhere = add(other, 20, ["Chủ đề riêng B"])
    same_section_newer = add(own, 25)
    add(own, 3)  # a fifth candidate: older than the fourth, left out
    add(other, 28)  # nothing in common
    add(own, 27, ["Chủ đề riêng A", "Chủ đề riêng B"], published=False)

    html = client.get(shown.url).content.decode()
    related = html.split('id="related-title"')[1].split("</section>")[0]
    links = re.findall(r'<a href="([^"]+)">', related)
    expected = [both_tags_elsewhere, one_tag_same_section, one_tag_elsewhere, same_section_newer]
    assert links == [article.url for article in expected]

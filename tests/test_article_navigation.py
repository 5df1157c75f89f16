"""Around an article: tag pages, previous and next article of the section, share links, back to top."""

import re

import pytest
from django.urls import reverse

from articles.models import ArticlePage
from tests.markup import unwrap_document_numbers

pytestmark = pytest.mark.django_db


def test_tags_link_to_tag_pages_listing_their_articles(client, seed_article):
    tag = seed_article.tags.first()
    url = reverse("news:tag", args=[tag.slug])
    html = client.get(seed_article.url).content.decode()
    assert f'href="{url}"' in html
    response = client.get(url)
    assert response.status_code == 200
    tagged = ArticlePage.objects.live().filter(tagged_items__tag=tag, locale=seed_article.locale)
    page = unwrap_document_numbers(response.content.decode())
    assert tag.name in page
    for article in tagged:
        assert article.title in page
    assert client.get("/tu-khoa/khong-co-tu-khoa-nay/").status_code == 404


@pytest.mark.parametrize("path", ["/tu-khoa/%00/", "/tu-khoa/hoc%00tap/", "/en/tu-khoa/%00/"])
def test_a_tag_address_with_a_nul_character_is_not_found(client, path):
    """Found by tests/test_fuzz.py: on PostgreSQL, which refuses a NUL in a query, it answered 500."""
    assert client.get(path).status_code == 404


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


def test_related_articles_share_the_most_tags_then_the_section_then_are_newest(client, home):
    import datetime
    import json

    from articles.models import ArticleIndexPage

    def add(section, slug, day, tags=(), live=True):
        article = section.add_child(
            instance=ArticlePage(
                title=f"Bài liên quan {slug}",
                slug=slug,
                lead="Tóm tắt.",
                body=json.dumps([{"type": "paragraph", "value": "<p>Nội dung.</p>"}]),
                date=datetime.date(2024, 1, day),
                live=live,
            )
        )
        if tags:
            article.tags.add(*tags)
            article.save()
        return article

    own = home.add_child(instance=ArticleIndexPage(title="Chuyên mục thử liên quan", slug="chuyen-muc-thu-lien-quan"))
    other = home.add_child(instance=ArticleIndexPage(title="Chuyên mục khác", slug="chuyen-muc-khac-lien-quan"))
    shown = add(own, "bai-dang-doc", 10, ["Chủ đề riêng A", "Chủ đề riêng B"])
    both_tags_elsewhere = add(other, "hai-tu-khoa-noi-khac", 1, ["Chủ đề riêng A", "Chủ đề riêng B"])
    one_tag_same_section = add(own, "mot-tu-khoa-cung-muc", 2, ["Chủ đề riêng A"])
    one_tag_elsewhere = add(other, "mot-tu-khoa-noi-khac", 20, ["Chủ đề riêng B"])
    same_section_newer = add(own, "cung-muc-moi-hon", 25)
    add(own, "cung-muc-cu-hon", 3)  # a fifth candidate: older than the fourth, left out
    add(other, "noi-khac-khong-tu-khoa", 28)  # nothing in common
    add(own, "ban-nhap-hai-tu-khoa", 27, ["Chủ đề riêng A", "Chủ đề riêng B"], live=False)

    html = client.get(shown.url).content.decode()
    related = html.split('id="related-title"')[1].split("</section>")[0]
    links = re.findall(r'<a href="([^"]+)">', related)
    expected = [both_tags_elsewhere, one_tag_same_section, one_tag_elsewhere, same_section_newer]
    assert links == [article.url for article in expected]

"""Parts of pages rendered once and reused ({% cache %} keyed by delivery/content_cache.py's version): every part is
rendered again when anything shown on pages changes (an article's text links to other pages and shows photos and
documents); never stale, never the live text in a preview of a draft."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import ArticlePage
from tests.factories import publish_article

pytestmark = pytest.mark.django_db


def render(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), [query["sql"] for query in captured]


def text_queries(queries):
    """The queries that only rendering the article's text asks: its photos and cited documents."""
    tables = ('FROM "images_captionedimage"', 'FROM "official_documents_officialdocument"')
    return [sql for sql in queries if any(table in sql for table in tables)]


def publish_other_article(section):
    return publish_article(section, "Một tin khác vừa đăng", "mot-tin-khac-vua-dang")


def test_an_article_s_text_is_rendered_once_and_again_after_any_publication(client, seed_article, section):
    first, queries = render(client, seed_article.url)
    assert text_queries(queries)  # rendered: photos and documents read
    again, queries = render(client, seed_article.url)
    assert again == first
    assert not text_queries(queries)

    publish_other_article(section)
    after, queries = render(client, seed_article.url)
    assert text_queries(queries)  # rendered afresh: the text may link to what was published
    assert "Một tin khác vừa đăng" in after


def test_a_link_in_the_text_follows_the_page_it_links_to(client, seed_article, section):
    """The section is renamed: the article's cached text must not keep its old address (a 404 for readers)."""
    import json

    draft = seed_article.get_latest_revision_as_object()
    draft.body = json.dumps([{"type": "paragraph", "value": f'<p><a linktype="page" id="{section.pk}">Mục</a></p>'}])
    draft.save_revision().publish()
    old_url = section.url
    assert f'href="{old_url}"' in client.get(seed_article.url).content.decode()
    section.slug = "tin-hoat-dong-moi"
    section.save_revision().publish()
    section.refresh_from_db()
    text = client.get(seed_article.url).content.decode()
    assert f'href="{section.url}"' in text
    assert f'href="{old_url}"' not in text


def test_republishing_the_article_shows_its_new_text(client, seed_article):
    client.get(seed_article.url)
    seed_article.lead = "Sapo mới sau khi sửa bài."
    seed_article.save_revision().publish()
    assert "Sapo mới sau khi sửa bài." in client.get(seed_article.url).content.decode()


def test_a_changed_photo_caption_or_document_shows_at_once(client, seed_article):
    client.get(seed_article.url)
    image = seed_article.share_image
    image.caption = "Chú thích ảnh đã sửa"
    image.save()
    assert "Chú thích ảnh đã sửa" in client.get(seed_article.url).content.decode()

    document = seed_article.documents.first()
    if document is not None:
        document.summary = document.summary  # saved unchanged: a new version all the same
        document.number = document.number + "-SỬA"
        document.save()
        assert document.number in client.get(seed_article.url).content.decode()


def test_a_preview_of_a_draft_shows_the_draft_not_the_live_text(client, seed_article):
    live_lead = seed_article.lead
    assert live_lead in client.get(seed_article.url).content.decode()
    draft = seed_article.get_latest_revision_as_object()
    draft.lead = "Sapo của bản nháp chưa duyệt."
    draft.save_revision()
    preview = draft.make_preview_request().content.decode()
    assert "Sapo của bản nháp chưa duyệt." in preview
    live = client.get(seed_article.url).content.decode()
    assert "Sapo của bản nháp chưa duyệt." not in live
    assert live_lead in live


def test_turned_off_every_part_is_rendered_afresh(client, seed_article, settings):
    settings.FRAGMENT_CACHE_SECONDS = 0
    client.get(seed_article.url)
    _html, queries = render(client, seed_article.url)
    assert text_queries(queries)


def test_listings_show_a_new_article_at_once(client, home, section, campaign):
    for url in (home.url, section.url, campaign.url):
        client.get(url)
    other = publish_other_article(section)
    other.campaign = campaign
    other.save_revision().publish()
    for url in (home.url, section.url, campaign.url):
        assert "Một tin khác vừa đăng" in client.get(url).content.decode(), url


def test_a_section_s_pagination_links_keep_only_what_the_page_reads(client, section, settings):
    """Stray parameters (utm_source, a cache buster) are dropped before the view (delivery/page_cache.py): the
    links and the page are those of the plain address."""
    settings.ARTICLES_PER_PAGE = 1
    assert ArticlePage.objects.child_of(section).live().count() >= 3
    tracked = client.get(section.url + "?page=2&utm_source=ban-tin").content.decode()
    assert "utm_source" not in tracked
    plain = client.get(section.url + "?page=2").content.decode()
    assert plain == tracked
    assert "?page=3" in plain or "?page=1" in plain

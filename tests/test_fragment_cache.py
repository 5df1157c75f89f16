"""Parts of pages rendered once and reused ({% cache %} keyed by home/content_cache.py's versions): an article's own
text is rendered again only when it is republished or a photo or document it shows changes, the site's furniture
when any content does; never stale, never the live text in a preview of a draft."""

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


def test_an_article_s_text_is_rendered_once_and_survives_other_publications(client, seed_article, section):
    first, queries = render(client, seed_article.url)
    assert text_queries(queries)  # rendered: photos and documents read
    again, queries = render(client, seed_article.url)
    assert again == first
    assert not text_queries(queries)

    publish_other_article(section)
    after, queries = render(client, seed_article.url)
    assert not text_queries(queries)  # the article's own text is unchanged
    assert "Một tin khác vừa đăng" in after  # while the furniture ("latest news") is new


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


def test_a_section_s_pagination_links_are_those_of_the_reader_s_own_address(client, section, settings):
    settings.ARTICLES_PER_PAGE = 1
    assert ArticlePage.objects.child_of(section).live().count() >= 3
    tracked = client.get(section.url + "?page=2&utm_source=ban-tin").content.decode()
    assert "utm_source=ban-tin" in tracked
    plain = client.get(section.url + "?page=2").content.decode()
    assert "utm_source" not in plain
    assert "?page=3" in plain or "?page=1" in plain

"""The whole-page cache (delivery/page_cache.py): anonymous readers get stored pages, every publish, unpublish, move or
delete (and any change to what pages show) renders them afresh, logged-in users, password pages and readers with
a session never get or leave a stored page, and views of stored pages are still counted."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from delivery import content_cache
from official_documents.models import OfficialDocument
from tests.factories import publish_article
from visits.models import DailyPageViews

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36"


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 60
    settings.PAGE_CACHE_STALE_SECONDS = 30


def reader(ip="203.0.113.7"):
    return Client(HTTP_USER_AGENT=BROWSER, REMOTE_ADDR=ip)


def fetch(client, url, **extra):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, **extra)
    assert response.status_code == 200, url
    return response, len(captured)


def new_article(section, title):
    return publish_article(section, title, "bai-moi-ve-bo-nho-dem", lead="Bài mới để thử bộ nhớ đệm trang.")


@pytest.mark.parametrize("name", ["home", "section", "article", "campaign", "search"])
def test_anonymous_readers_get_a_stored_page(name, home, section, seed_article, campaign):
    url = {
        "home": home.url,
        "section": section.url,
        "article": seed_article.url,
        "campaign": campaign.url,
        "search": "/search/?q=c%C3%B4ng+%C4%91o%C3%A0n",
    }[name]
    first, _ = fetch(reader(), url)
    assert first["X-Page-Cache"] == "miss"
    assert first["Cache-Control"] == "public, max-age=0, s-maxage=60, stale-while-revalidate=30"
    second, queries = fetch(reader(ip="203.0.113.8"), url)
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["Cache-Control"] == first["Cache-Control"]
    assert "Content-Security-Policy" in second
    # Nothing rendered: at most the view counting's own queries.
    assert queries <= 4


def test_views_of_stored_pages_are_counted(seed_article):
    before = sum(DailyPageViews.objects.filter(page_id=seed_article.pk).values_list("views", flat=True))
    fetch(reader(ip="192.0.2.10"), seed_article.url)
    response, _ = fetch(reader(ip="192.0.2.11"), seed_article.url)
    assert response["X-Page-Cache"] == "hit"
    after = sum(DailyPageViews.objects.filter(page_id=seed_article.pk).values_list("views", flat=True))
    assert after == before + 2


def test_logged_in_users_neither_get_nor_leave_a_stored_page(client, django_user_model, seed_article):
    client.force_login(django_user_model.objects.create_user("bientap", "b@example.invalid", "x"))
    own = client.get(seed_article.url)
    assert own.status_code == 200 and "X-Page-Cache" not in own and "public" not in own.get("Cache-Control", "")
    assert fetch(reader(), seed_article.url)[0]["X-Page-Cache"] == "miss"  # the user's page was not stored
    assert "X-Page-Cache" not in client.get(seed_article.url)  # nor is the reader's served to the user


def test_a_reader_with_a_session_is_never_served_from_the_cache(seed_article):
    from django.contrib.sessions.backends.db import SessionStore

    session = SessionStore()
    session["passed-a-page-password"] = True
    session.save()
    fetch(reader(), seed_article.url)
    response, _ = fetch(reader(ip="203.0.113.9"), seed_article.url, HTTP_COOKIE=f"sessionid={session.session_key}")
    assert "X-Page-Cache" not in response


@pytest.mark.parametrize("cookie", ["sessionid=abc", "sessionid=", "sessionid=" + "x" * 40])
def test_a_made_up_session_cookie_gets_the_stored_page(seed_article, cookie):
    fetch(reader(), seed_article.url)
    response, queries = fetch(reader(ip="203.0.113.9"), seed_article.url, HTTP_COOKIE=cookie)
    assert response["X-Page-Cache"] == "hit"
    assert queries <= 5  # the session looked up once, and the view counted


@pytest.mark.parametrize("query", ["?x=123", "?utm_source=zalo&fbclid=abc", "?page=1&x=1"])
def test_stray_query_parameters_neither_bypass_nor_fill_the_cache(section, query):
    from django.core.cache import cache

    plain = "?page=1" if "page=1" in query else ""

    def stored_pages():
        return {key for key in cache._cache if ":page:" in key}

    first, _ = fetch(reader(), section.url + plain)
    pages = stored_pages()
    response, _ = fetch(reader(ip="203.0.113.10"), section.url + query)
    assert response["X-Page-Cache"] == "hit"
    assert response.content == first.content
    assert stored_pages() == pages  # no new page stored (a view counted may add its own keys)


def test_parameters_a_view_reads_are_part_of_the_key(section):
    first, _ = fetch(reader(), section.url)
    second, _ = fetch(reader(), section.url + "?page=2")
    assert second["X-Page-Cache"] == "miss"
    assert second.content != first.content


def test_a_new_release_does_not_serve_pages_of_the_old_one(seed_article, monkeypatch):
    from delivery import release

    fetch(reader(), seed_article.url)
    monkeypatch.setattr(release, "version", lambda: "a-new-release")
    response, _ = fetch(reader(), seed_article.url)
    assert response["X-Page-Cache"] == "miss"


def test_pages_that_set_a_cookie_are_not_stored(seed_article):
    PageViewRestriction.objects.create(page=seed_article, restriction_type="password", password="mat-khau")
    for _ in range(2):
        response = reader().get(seed_article.url)
        assert response.status_code == 200  # the password form, with its CSRF cookie
        assert "csrftoken" in response.cookies
        assert "X-Page-Cache" not in response


def test_publishing_an_article_renders_home_section_and_every_sidebar_afresh(home, section, seed_article, campaign):
    title = "Công đoàn tỉnh trao 500 suất quà Tết cho công nhân"
    for url in (home.url, section.url, seed_article.url, campaign.url):
        fetch(reader(), url)
        assert fetch(reader(), url)[0]["X-Page-Cache"] == "hit"
    article = new_article(section, title)
    for url in (home.url, section.url, seed_article.url):  # the article in listings and the "latest news"
        response, _ = fetch(reader(), url)
        assert response["X-Page-Cache"] == "miss"
        assert title in response.content.decode(), url
    assert fetch(reader(), campaign.url)[0]["X-Page-Cache"] == "miss"

    fetch(reader(), home.url)
    article.unpublish()
    response, _ = fetch(reader(), home.url)
    assert response["X-Page-Cache"] == "miss" and title not in response.content.decode()


def test_moving_or_deleting_a_page_renders_pages_afresh(home, section, seed_article):
    other = type(section).objects.exclude(pk=section.pk).child_of(home).first()
    article = new_article(section, "Bài sẽ được chuyển chuyên mục")
    fetch(reader(), other.url)
    article.move(other, pos="last-child")
    response, _ = fetch(reader(), other.url)
    assert response["X-Page-Cache"] == "miss" and "Bài sẽ được chuyển chuyên mục" in response.content.decode()
    fetch(reader(), other.url)
    article.delete()
    response, _ = fetch(reader(), other.url)
    assert response["X-Page-Cache"] == "miss" and "Bài sẽ được chuyển chuyên mục" not in response.content.decode()


def test_a_change_to_a_cited_document_renders_pages_afresh(seed_article):
    fetch(reader(), seed_article.url)
    document = OfficialDocument.objects.filter(number="01-KL/TW").first()
    document.save()
    assert fetch(reader(), seed_article.url)[0]["X-Page-Cache"] == "miss"


def test_a_draft_does_not_touch_the_cache(seed_article):
    fetch(reader(), seed_article.url)
    seed_article.title = "Bản nháp chưa duyệt"
    seed_article.save_revision()
    response, _ = fetch(reader(), seed_article.url)
    assert response["X-Page-Cache"] == "hit" and "Bản nháp chưa duyệt" not in response.content.decode()


def test_a_readers_question_leaves_the_cache_alone_until_it_is_published(home, seed_article):
    from legal_qa.models import LegalQuestion, Status

    fetch(reader(), seed_article.url)
    question = LegalQuestion.objects.create(question="Người lao động có được nghỉ ốm hưởng lương không?")
    question.status = Status.DECLINED
    question.save()
    question.delete()
    assert fetch(reader(), seed_article.url)[0]["X-Page-Cache"] == "hit"
    published = LegalQuestion.objects.create(question="Câu hỏi có trả lời", answer="<p>Có.</p>")
    published.status = Status.PUBLISHED
    published.save()
    assert fetch(reader(), seed_article.url)[0]["X-Page-Cache"] == "miss"
    fetch(reader(), seed_article.url)
    published.status = Status.DECLINED  # taken down again: the list must lose it
    published.save()
    assert fetch(reader(), seed_article.url)[0]["X-Page-Cache"] == "miss"


def test_english_and_vietnamese_pages_are_stored_apart(home):
    vietnamese, _ = fetch(reader(), "/")
    english, _ = fetch(reader(), "/en/")
    assert english["X-Page-Cache"] == "miss"
    assert fetch(reader(), "/", HTTP_ACCEPT_LANGUAGE="en")[0].content == vietnamese.content


def test_pages_are_stored_in_redis_and_emptied_on_publish(redis_cache, section, seed_article):
    from django.core.cache import cache

    assert type(cache._cache).__name__ == "FailSoftRedisCacheClient"
    before = sum(DailyPageViews.objects.filter(page_id=seed_article.pk).values_list("views", flat=True))
    assert fetch(reader(ip="192.0.2.20"), seed_article.url)[0]["X-Page-Cache"] == "miss"
    stored, _ = fetch(reader(ip="192.0.2.21"), seed_article.url)
    assert stored["X-Page-Cache"] == "hit" and stored["X-Page-Id"] == str(seed_article.pk)
    assert sum(DailyPageViews.objects.filter(page_id=seed_article.pk).values_list("views", flat=True)) == before + 2
    new_article(section, "Bài mới trong Redis")
    fresh, _ = fetch(reader(), seed_article.url)
    assert fresh["X-Page-Cache"] == "miss" and "Bài mới trong Redis" in fresh.content.decode()


def test_a_process_serves_pages_again_from_its_own_memory(seed_article):
    from django.core.cache import cache

    client = reader()
    fetch(client, seed_article.url)
    version = cache.get(content_cache.VERSION_KEY)
    cache.clear()  # the shared level is empty ...
    cache.set(content_cache.VERSION_KEY, version, None)
    response, _ = fetch(client, seed_article.url)
    assert response["X-Page-Cache"] == "hit"  # ... and the process still has the page


def test_a_change_made_in_the_process_is_seen_at_once_by_its_memory(section, seed_article):
    client = reader()
    fetch(client, seed_article.url)
    new_article(section, "Bài mới thấy ngay")
    response, _ = fetch(client, seed_article.url)
    assert response["X-Page-Cache"] == "miss" and "Bài mới thấy ngay" in response.content.decode()


def test_a_change_made_by_another_process_is_seen_within_a_second(seed_article, monkeypatch):
    import time

    from django.core.cache import cache

    clock = [time.monotonic()]
    monkeypatch.setattr(time, "monotonic", lambda: clock[0])  # however long a request takes on a busy machine
    client = reader()
    fetch(client, seed_article.url)
    cache.set(content_cache.VERSION_KEY, "changed-by-another-process", None)
    clock[0] += 0.9
    assert fetch(client, seed_article.url)[0]["X-Page-Cache"] == "hit"  # within the second
    clock[0] += 0.2
    assert fetch(client, seed_article.url)[0]["X-Page-Cache"] == "miss"


def test_file_metadata_filled_in_while_rendering_does_not_empty_the_cache(seed_article):
    from images.models import CaptionedImage

    fetch(reader(), seed_article.url)
    image = CaptionedImage.objects.first()
    image.file_hash = "0" * 40
    image.save(update_fields=["file_hash"])  # as Wagtail does the first time it needs the hash
    assert fetch(reader(), seed_article.url)[0]["X-Page-Cache"] == "hit"
    image.caption = "Chú thích mới"
    image.save()
    assert fetch(reader(), seed_article.url)[0]["X-Page-Cache"] == "miss"

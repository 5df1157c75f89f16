"""What readers searched for (search/log.py), the editors' report of it (search/admin_views.py) and the promoted
results editors choose for a search (search/promotions.py)."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import PageViewRestriction

from articles.importer import ArticleImporter
from articles.models import ArticlePage
from search.models import DailySearch
from tests.factories import article_record, jsonl

pytestmark = pytest.mark.django_db

BROWSER = "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Mobile Safari/537.36"
GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"
REPORT = "/admin/reports/searches/"


def reader() -> Client:
    return Client(HTTP_USER_AGENT=BROWSER)


def counted() -> dict[str, tuple[int, int]]:
    return {row.query: (row.searches, row.empty_searches) for row in DailySearch.objects.all()}


def promote(query_string: str, *pages: ArticlePage) -> Query:
    query = Query.get(query_string)
    for order, page in enumerate(pages):
        SearchPromotion.objects.create(query=query, page=page, sort_order=order)
    return query


def new_article(home, number: int, slug: str, title: str, publish: bool = True) -> ArticlePage:
    ArticleImporter(home, publish=publish).import_line(jsonl([article_record(number, slug=slug, title=title)]))
    return ArticlePage.objects.get(slug=slug)


@pytest.mark.parametrize("page_cache_seconds", [0, 60])
def test_a_search_is_counted_once_per_search_with_caches_on_and_off(settings, page_cache_seconds):
    settings.PAGE_CACHE_SECONDS = page_cache_seconds
    client = reader()
    first = client.get("/search/", {"q": "Công  Đoàn"})
    again = client.get("/search/", {"q": "Công  Đoàn"})
    assert first.status_code == again.status_code == 200
    if page_cache_seconds:
        assert again["X-Page-Cache"] == "hit"  # the view did not run, the search is still counted
    assert first.context["results"].paginator.num_pages > 1
    client.get("/search/", {"q": "Công  Đoàn", "page": "2"})  # the same search, read further
    client.get("/search/", {"q": "công đoàn", "format": "json"})
    assert counted() == {"công đoàn": (3, 0)}
    row = DailySearch.objects.get()
    assert row.day == timezone.localdate()
    assert row.results == first.context["results"].paginator.count


def test_searches_answered_from_the_shared_redis_page_cache_are_counted(redis_cache, settings):
    settings.PAGE_CACHE_SECONDS = 60
    settings.PAGE_CACHE_LOCAL_ENTRIES = 0  # no process memory: each hit comes from Redis
    assert reader().get("/search/", {"q": "tiền lương"})["X-Page-Cache"] == "miss"
    assert reader().get("/search/", {"q": "tiền lương"})["X-Page-Cache"] == "hit"
    assert counted() == {"tiền lương": (2, 0)}


@pytest.mark.parametrize("page_cache_seconds", [0, 60])
def test_robots_empty_queries_and_signed_in_users_are_not_counted(settings, admin_client, page_cache_seconds):
    settings.PAGE_CACHE_SECONDS = page_cache_seconds
    Client(HTTP_USER_AGENT=GOOGLEBOT).get("/search/", {"q": "công đoàn"})
    Client().get("/search/", {"q": "công đoàn"})  # no user agent: a script
    Client(HTTP_USER_AGENT=BROWSER, HTTP_SEC_PURPOSE="prefetch").get("/search/", {"q": "công đoàn"})
    reader().get("/search/", {"q": "   "})
    reader().get("/search/")
    admin_client.get("/search/", {"q": "công đoàn"}, HTTP_USER_AGENT=BROWSER)
    assert counted() == {}
    reader().get("/search/", {"q": "công đoàn"})
    assert counted() == {"công đoàn": (1, 0)}


def test_counts_kept_in_memory_are_written_together_when_due(settings, monkeypatch):
    from search import log

    settings.SEARCH_LOG_FLUSH_SECONDS = 3600
    for query in ("Công đoàn", "công đoàn", "zzqxv"):
        reader().get("/search/", {"q": query})
    assert counted() == {}  # waiting in the process's memory
    monkeypatch.setattr(log, "_written_at", log._written_at - 3600)  # an hour later
    with CaptureQueriesContext(connection) as captured:
        reader().get("/search/", {"q": "tiền lương"})
    assert counted() == {"công đoàn": (2, 0), "zzqxv": (1, 1), "tiền lương": (1, 0)}
    writes = [query for query in captured if "search_dailysearch" in query["sql"]]
    assert len(writes) == 3 * 2  # an UPDATE, then the day's first INSERT, for each query
    reader().get("/search/", {"q": "tiền lương"})
    log.flush()  # as when the process exits
    assert counted()["tiền lương"] == (2, 0)


def test_searches_that_found_nothing_are_counted_as_such(client):
    reader().get("/search/", {"q": "zzqxv wqk"})
    reader().get("/search/", {"q": "ZZQXV  wqk", "format": "json"})
    assert counted() == {"zzqxv wqk": (2, 2)}


def test_counting_a_search_costs_one_write_and_never_fails_it(monkeypatch):
    client = reader()
    client.get("/search/", {"q": "công đoàn"})
    with CaptureQueriesContext(connection) as counting:
        client.get("/search/", {"q": "công đoàn"})
    with CaptureQueriesContext(connection) as not_counting:
        client.get("/search/", {"q": "công đoàn", "page": "2"})
    log_queries = [query["sql"] for query in counting if "search_dailysearch" in query["sql"]]
    assert len(log_queries) == 1 and log_queries[0].startswith("UPDATE"), log_queries
    assert len(counting) == len(not_counting) + 1

    from django.db import DatabaseError

    def broken(*args: object) -> None:
        raise DatabaseError("down")

    monkeypatch.setattr("search.log.record", broken)
    assert reader().get("/search/", {"q": "công đoàn"}).status_code == 200


def test_editors_and_approvers_see_the_weeks_searches_readers_do_not(client, editor, approver, reader_messages_handler):
    today = timezone.localdate()
    last_week = today - datetime.timedelta(days=7)
    DailySearch.objects.create(day=today, query="tiền lương", searches=5, results=3)
    DailySearch.objects.create(day=today, query="zzqxv", searches=2, empty_searches=2)
    DailySearch.objects.create(day=last_week, query="bảo hiểm xã hội", searches=9, results=4)

    response = client.get(REPORT)
    assert response.status_code == 302 and "/login/" in response["Location"]

    for user in (editor, approver):
        client.force_login(user)
        page = client.get(REPORT)
        assert page.status_code == 200
        html = page.content.decode()
        assert "Tìm kiếm của bạn đọc" in html
        assert html.index("tiền lương") < html.index("zzqxv")  # most frequent first
        assert "bảo hiểm xã hội" not in html  # last week's
        assert "2 cụm từ tìm kiếm" in html
        monday = today - datetime.timedelta(days=today.weekday())
        assert monday.strftime("%d/%m/%Y") in html

        nothing = client.get(REPORT, {"found_nothing": "true"}).content.decode()
        assert "zzqxv" in nothing and "tiền lương" not in nothing

        previous = client.get(REPORT, {"week": last_week.strftime("%d/%m/%Y")}).content.decode()
        assert "bảo hiểm xã hội" in previous and "tiền lương" not in previous
        assert client.get(REPORT, {"week": "99/99/9999"}).status_code == 200
        assert client.get(REPORT, {"ordering": "nonsense'"}).status_code == 200
        by_empty = client.get(REPORT, {"ordering": "-empty"}).content.decode()
        assert by_empty.index("zzqxv") < by_empty.index("tiền lương")

    client.force_login(editor)
    export = client.get(REPORT, {"export": "csv"})
    assert export.status_code == 200
    csv = b"".join(export.streaming_content).decode("utf-8-sig")
    assert "tiền lương,5,0" in csv and "zzqxv,2,2" in csv

    client.force_login(reader_messages_handler)
    assert client.get(REPORT).status_code in (302, 403)
    assert not reader_messages_handler.has_perm("search.view_dailysearch")


def test_the_report_appears_in_the_reports_menu_for_editors(client, editor):
    client.force_login(editor)
    assert REPORT in client.get("/admin/").content.decode()


def test_a_reports_row_leads_to_a_promoted_result_for_its_query(client, editor, home, seed_article):
    DailySearch.objects.create(day=timezone.localdate(), query="tiền công", searches=4, empty_searches=4)
    client.force_login(editor)
    html = client.get(REPORT).content.decode()
    assert "/admin/searchpicks/add-for-search/?q=ti%E1%BB%81n+c%C3%B4ng" in html
    form = client.get("/admin/searchpicks/add-for-search/", {"q": "tiền công"})
    assert form.status_code == 200
    assert 'value="tiền công"' in form.content.decode()

    query = promote("tiền công", seed_article)
    html = client.get(REPORT).content.decode()
    assert f"/admin/searchpicks/{query.pk}/" in html  # now: change the promoted results


def test_an_editor_promotes_a_page_for_a_search_in_the_admin(client, editor, home):
    article = new_article(home, 905, "huong-dan-tien-cong", "Hướng dẫn về tiền lương tối thiểu vùng")
    client.force_login(editor)
    response = client.post(
        "/admin/searchpicks/add-for-search/?q=ti%E1%BB%81n+c%C3%B4ng",
        {
            "query_string": "Tiền công",
            "editors_picks-TOTAL_FORMS": 1,
            "editors_picks-INITIAL_FORMS": 0,
            "editors_picks-MAX_NUM_FORMS": 1000,
            "editors_picks-0-DELETE": "",
            "editors_picks-0-ORDER": 0,
            "editors_picks-0-page": article.pk,
            "editors_picks-0-description": "",
        },
    )
    assert response.status_code == 302
    client.logout()
    data = client.get("/search/", {"q": "tien cong", "format": "json"}).json()
    assert [item["url"] for item in data["promoted"]] == [article.url]


def test_promoted_results_come_first_and_are_labelled(client, home, seed_article):
    promoted = new_article(home, 901, "bai-de-xuat", "Hướng dẫn thủ tục kết nạp đoàn viên")
    promote("Công đoàn", promoted, seed_article)

    for query in ("công đoàn", "CÔNG ĐOÀN", "cong doan", "công  đoàn!"):
        data = client.get("/search/", {"q": query, "format": "json"}).json()
        assert [item["url"] for item in data["promoted"]] == [promoted.url, seed_article.url], query
        assert data["promoted"][0]["title"] == "Hướng dẫn thủ tục kết nạp đoàn viên"
        assert data["results"], query

    html = client.get("/search/", {"q": "công đoàn"}).content.decode()
    label, first_result = html.index("Kết quả đề xuất"), html.index('class="search-results" start=')
    assert label < html.index(promoted.url) < first_result

    assert client.get("/search/", {"q": "công đoàn", "page": "2", "format": "json"}).json()["promoted"] == []
    assert client.get("/search/", {"q": "công đoàn cơ sở", "format": "json"}).json()["promoted"] == []
    assert "Kết quả đề xuất" not in client.get("/search/", {"q": "đoàn viên"}).content.decode()


def test_a_draft_private_or_other_language_promoted_page_is_never_shown(client, home, english_article):
    draft = new_article(home, 902, "ban-nhap-de-xuat", "Bản nháp đề xuất", publish=False)
    private = new_article(home, 903, "bai-rieng-tu", "Bài riêng tư đề xuất")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="x")
    shown = new_article(home, 904, "bai-cong-khai", "Bài công khai đề xuất")
    promote("đề xuất", draft, private, english_article, shown)

    data = client.get("/search/", {"q": "đề xuất", "format": "json"}).json()
    assert [item["url"] for item in data["promoted"]] == [shown.url]
    html = client.get("/search/", {"q": "đề xuất"}).content.decode()
    assert "Bản nháp đề xuất" not in html and "Bài riêng tư đề xuất" not in html

    english = client.get("/en/search/", {"q": "đề xuất", "format": "json"}).json()
    assert [item["url"] for item in english["promoted"]] == [english_article.url]

    shown.unpublish()
    assert client.get("/search/", {"q": "đề xuất", "format": "json"}).json()["promoted"] == []


def test_promoted_results_cost_no_query_per_result_and_none_without_promotions(client, home, seed_article):
    def queries(query: str) -> int:
        client.get("/search/", {"q": query})
        with CaptureQueriesContext(connection) as captured:
            client.get("/search/", {"q": query})
        return len(captured)

    without = queries("công đoàn")
    articles = [new_article(home, 910 + number, f"de-xuat-{number}", f"Đề xuất số {number}") for number in range(4)]
    promote("công đoàn", articles[0])
    one = queries("công đoàn")
    Query.get("công đoàn").editors_picks.all().delete()
    promote("công đoàn", *articles)
    assert queries("công đoàn") == one <= without + 1


def test_a_new_promotion_shows_at_once_with_the_page_cache_on(client, settings, home):
    settings.PAGE_CACHE_SECONDS = 60
    article = new_article(home, 920, "bai-moi-de-xuat", "Bài mới được đề xuất")

    def promoted_urls() -> list[str]:
        return [item["url"] for item in client.get("/search/", {"q": "công đoàn", "format": "json"}).json()["promoted"]]

    assert promoted_urls() == []
    query = promote("công đoàn", article)
    assert promoted_urls() == [article.url]
    query.editors_picks.all().delete()
    assert promoted_urls() == []


def test_old_search_counts_are_removed_after_the_retention(settings):
    settings.SEARCH_LOG_RETENTION_DAYS = 730
    today = timezone.localdate()
    DailySearch.objects.create(day=today - datetime.timedelta(days=731), query="cũ", searches=1)
    DailySearch.objects.create(day=today - datetime.timedelta(days=730), query="vừa đủ", searches=1)
    call_command("purge_search_log", stdout=StringIO())
    assert set(DailySearch.objects.values_list("query", flat=True)) == {"vừa đủ"}

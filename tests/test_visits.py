"""View counts and visit statistics: counted once per visitor, never for robots or staff, private, correct
under concurrency, cheap to show."""

import datetime
import threading
import zoneinfo

import pytest
from django.db import connection, connections
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from visits.counting import record_view, visitor_hash
from visits.models import DailyPageViews, DailySalt, RecentView
from visits.stats import page_views, site_figures

pytestmark = pytest.mark.django_db

BROWSER = "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Mobile Safari/537.36"
HANOI = zoneinfo.ZoneInfo("Asia/Ho_Chi_Minh")


def reader(ip="203.0.113.7", user_agent=BROWSER):
    return Client(HTTP_USER_AGENT=user_agent, REMOTE_ADDR=ip)


def counted(page):
    return sum(DailyPageViews.objects.filter(page_id=page.pk).values_list("views", flat=True))


def at(monkeypatch, moment):
    monkeypatch.setattr(timezone, "now", lambda: moment)


def test_a_reader_counts_once_and_again_after_30_minutes(seed_article, monkeypatch):
    # Mid-morning: the visitor's daily salt changes at midnight, and so, by design, does who they are.
    start = datetime.datetime(2025, 11, 19, 10, 0, tzinfo=HANOI)
    at(monkeypatch, start)
    client = reader()
    assert "Lượt xem: 32" in client.get(seed_article.url).content.decode()  # shown before this view is counted
    assert counted(seed_article) == 1
    for minutes in (1, 10, 29):
        at(monkeypatch, start + datetime.timedelta(minutes=minutes))
        client.get(seed_article.url)
    assert counted(seed_article) == 1
    at(monkeypatch, start + datetime.timedelta(minutes=31))
    assert "Lượt xem: 33" in client.get(seed_article.url).content.decode()
    assert counted(seed_article) == 2


def test_every_reader_counts(seed_article):
    for number in range(5):
        reader(ip=f"198.51.100.{number}").get(seed_article.url)
    reader(ip="198.51.100.1", user_agent=BROWSER + " Firefox").get(seed_article.url)  # another browser
    assert counted(seed_article) == 6
    assert page_views(seed_article) == 32 + 6


@pytest.mark.parametrize(
    "user_agent",
    [
        "",
        "Googlebot/2.1 (+http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
        "facebookexternalhit/1.1",
        "curl/8.5.0",
        "python-requests/2.32",
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 HeadlessChrome/130.0 Safari/537.36",
    ],
)
def test_robots_are_not_counted(seed_article, user_agent):
    assert reader(user_agent=user_agent).get(seed_article.url).status_code == 200
    assert counted(seed_article) == 0


def test_head_requests_errors_and_drafts_are_not_counted(seed_article, section):
    client = reader()
    client.head(seed_article.url)
    client.get("/khong-co-trang-nay/")
    client.get("/static/css/site.css")
    seed_article.unpublish()
    assert client.get(seed_article.url).status_code == 404
    assert not DailyPageViews.objects.exists()


def test_logged_in_staff_previews_and_admin_are_not_counted(seed_article, editor):
    client = reader()
    client.force_login(editor)
    client.get(seed_article.url)
    client.get("/admin/")
    preview = client.get(f"/admin/pages/{seed_article.pk}/edit/preview/")
    assert "X-Page-Id" not in preview
    assert not DailyPageViews.objects.exists()


def test_every_page_type_is_counted(home, section, campaign, seed_article):
    client = reader()
    for page in (home, section, campaign, seed_article):
        client.get(page.url)
    assert DailyPageViews.objects.count() == 4


def test_no_address_or_user_agent_is_stored_and_the_salt_changes_daily(seed_article):
    reader(ip="192.0.2.44").get(seed_article.url)
    [view] = RecentView.objects.all()
    assert "192.0.2.44" not in view.visitor and "Mozilla" not in view.visitor
    today = timezone.localdate()
    assert visitor_hash("192.0.2.44", BROWSER, today) == view.visitor
    assert visitor_hash("192.0.2.44", BROWSER, today + datetime.timedelta(days=1)) != view.visitor
    columns = {field.name for model in (RecentView, DailyPageViews, DailySalt) for field in model._meta.fields}
    assert not columns & {"ip", "ip_address", "user_agent", "remote_addr"}


def test_old_visitor_records_and_salts_are_purged_the_next_day(seed_article, monkeypatch):
    start = timezone.now()
    at(monkeypatch, start)
    reader(ip="192.0.2.1").get(seed_article.url)
    at(monkeypatch, start + datetime.timedelta(days=2))
    reader(ip="192.0.2.2").get(seed_article.url)
    assert RecentView.objects.count() == 1
    assert list(DailySalt.objects.values_list("day", flat=True)) == [
        timezone.localdate(start + datetime.timedelta(days=2))
    ]
    assert counted(seed_article) == 2  # the counts themselves are kept


def test_days_and_weeks_follow_ho_chi_minh_city_time(seed_article, home):
    sunday_night = datetime.datetime(2025, 11, 23, 23, 59, tzinfo=HANOI)  # 16:59 UTC
    monday_morning = datetime.datetime(2025, 11, 24, 0, 1, tzinfo=HANOI)  # 17:01 UTC, same UTC day
    record_view(seed_article.pk, "visitor-a", now=datetime.datetime(2025, 11, 17, 9, 0, tzinfo=HANOI))  # Monday
    record_view(seed_article.pk, "visitor-b", now=sunday_night)
    record_view(seed_article.pk, "visitor-c", now=monday_morning)
    site = home.get_site()

    sunday = site_figures(site.pk, now=sunday_night)
    assert (sunday["today"], sunday["week"]) == (1, 2)
    monday = site_figures(site.pk, now=monday_morning)
    assert (monday["today"], monday["week"]) == (1, 1)
    assert monday["total"] == 255_412 + 3  # the old portal's total carries on


def test_online_now_counts_visitors_of_the_last_five_minutes(seed_article, section, home):
    now = timezone.now()
    record_view(seed_article.pk, "earlier", now=now - datetime.timedelta(minutes=6))
    record_view(seed_article.pk, "recent", now=now - datetime.timedelta(minutes=4))
    record_view(section.pk, "recent", now=now - datetime.timedelta(minutes=1))
    assert site_figures(home.get_site().pk, now=now)["online"] == 1


def test_the_statistics_box_is_shown_and_costs_at_most_one_cached_query(client, section, home):
    content = client.get(section.url).content.decode()
    assert "Thống kê truy cập" in content and "Tất cả: <strong>255.412</strong>" in content
    site_id = home.get_site().pk
    from django.core.cache import cache

    cache.clear()
    with CaptureQueriesContext(connection) as first:
        site_figures(site_id)
    with CaptureQueriesContext(connection) as second:
        site_figures(site_id)
    assert (len(first), len(second)) == (1, 0)


def test_counting_a_view_takes_at_most_two_writes(seed_article):
    visitor = visitor_hash("192.0.2.9", BROWSER, timezone.localdate())
    record_view(seed_article.pk, "someone-else")  # the day's counter row exists, as on any busy day
    with CaptureQueriesContext(connection) as captured:
        assert record_view(seed_article.pk, visitor)
    writes = [query["sql"] for query in captured if query["sql"].split()[0] in ("INSERT", "UPDATE", "DELETE")]
    assert len(writes) == 2


def test_editors_see_views_per_article_and_can_sort_by_them(admin_client, seed_article, section):
    others = [page for page in section.get_children().live().specific()][:2]
    for number in range(3):
        record_view(others[0].pk, f"reader-{number}")
    listing = admin_client.get("/admin/articles/?ordering=-views").content.decode()
    assert listing.index(seed_article.title[:40]) < listing.index(others[0].title)  # 32 imported + 0 > 3
    assert listing.index(others[0].title) < listing.index(others[1].title)


def test_the_home_page_lists_the_weeks_most_read(client, seed_article, section):
    other = section.get_children().live().first().specific
    for number in range(3):
        record_view(other.pk, f"reader-{number}")
    record_view(seed_article.pk, "reader-x")
    content = client.get("/").content.decode()
    most_read = content[content.index("Đọc nhiều trong tuần") :]
    assert most_read.index(other.title) < most_read.index(seed_article.title[:40])


def in_thread(function, *args):
    """Run in a thread with its own database connection, committed at once (not in the test's transaction)."""
    result = {}

    def target():
        try:
            result["value"] = function(*args)
        finally:
            connections.close_all()

    thread = threading.Thread(target=target)
    thread.start()
    thread.join()
    return result.get("value")


@pytest.mark.postgres(reason="concurrent writers need PostgreSQL; SQLite serialises them")
def test_concurrent_views_are_all_counted_exactly(seed_article):
    threads, views_per_thread = 32, 50
    barrier = threading.Barrier(threads)
    errors = []

    def worker(number):
        try:
            barrier.wait()
            for view in range(views_per_thread):
                record_view(seed_article.pk, f"visitor-{number}-{view}")
                record_view(seed_article.pk, "the-same-visitor")  # counted once in all
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connections.close_all()

    workers = [threading.Thread(target=worker, args=(number,)) for number in range(threads)]
    try:
        for thread in workers:
            thread.start()
        for thread in workers:
            thread.join()
        total = in_thread(
            lambda: sum(DailyPageViews.objects.filter(page_id=seed_article.pk).values_list("views", flat=True))
        )
        assert errors == []
        assert total == threads * views_per_thread + 1
    finally:
        in_thread(lambda: (DailyPageViews.objects.all().delete(), RecentView.objects.all().delete()))


def test_views_of_pages_served_from_a_whole_page_cache_are_counted(seed_article, settings):
    middleware = list(settings.MIDDLEWARE)
    position = middleware.index("visits.middleware.CountPageViewsMiddleware") + 1
    middleware.insert(position, "django.middleware.cache.UpdateCacheMiddleware")
    middleware.append("django.middleware.cache.FetchFromCacheMiddleware")
    settings.MIDDLEWARE = middleware
    settings.CACHE_MIDDLEWARE_SECONDS = 60

    reader(ip="192.0.2.10").get(seed_article.url)
    with CaptureQueriesContext(connection) as captured:
        second = reader(ip="192.0.2.11").get(seed_article.url)
    assert second.status_code == 200
    assert not any("wagtailcore_page" in query["sql"] for query in captured)  # not rendered: from the cache
    assert counted(seed_article) == 2


def writes(captured):
    return [query["sql"] for query in captured if query["sql"].split()[0] in ("INSERT", "UPDATE", "DELETE")]


def test_a_page_costs_one_query_more_when_the_statistics_box_is_not_cached(client, section, home):
    client.get(section.url)
    with CaptureQueriesContext(connection) as cached_box:
        client.get(section.url)
    from django.core.cache import cache

    cache.delete(f"visits:figures:{home.get_site().pk}:{timezone.localdate().isoformat()}")
    with CaptureQueriesContext(connection) as fresh_box:
        content = client.get(section.url).content.decode()
    assert "Thống kê truy cập" in content
    assert len(fresh_box) == len(cached_box) + 1
    [extra] = [query["sql"] for query in fresh_box if query["sql"] not in {q["sql"] for q in cached_box}]
    assert "visits_recentview" in extra and "visits_dailypageviews" in extra


def test_a_readers_view_adds_two_writes_to_the_page_and_a_reload_counts_nothing(seed_article):
    reader(ip="192.0.2.20").get(seed_article.url)  # the day's salt and counter exist, as on any busy day
    bot = Client()
    bot.get(seed_article.url)
    with CaptureQueriesContext(connection) as not_counted:
        bot.get(seed_article.url)
    with CaptureQueriesContext(connection) as counted_view:
        reader(ip="192.0.2.21").get(seed_article.url)
    assert writes(not_counted) == []
    assert len(writes(counted_view)) == 2
    reads = [query for query in counted_view if query["sql"].startswith("SELECT")]
    assert len(reads) == len(not_counted)  # counting reads nothing more
    before = counted(seed_article)
    with CaptureQueriesContext(connection) as reload:
        reader(ip="192.0.2.21").get(seed_article.url)
    assert counted(seed_article) == before
    # The visitor's INSERT, refused by the unique constraint, then the UPDATE of when they were last seen.
    assert [sql.split()[0] for sql in writes(reload)] == ["INSERT", "UPDATE"]


def test_the_weeks_most_read_start_on_monday_in_ho_chi_minh_city_time(client, section, monkeypatch):
    last_week, this_week, unpublished = list(section.get_children().live().specific())[:3]
    sunday_night = datetime.datetime(2025, 11, 23, 23, 59, tzinfo=HANOI)  # 16:59 UTC, Sunday
    monday_morning = datetime.datetime(2025, 11, 24, 0, 5, tzinfo=HANOI)  # 17:05 UTC, still Sunday in UTC
    for number in range(5):
        record_view(last_week.pk, f"last-week-{number}", now=sunday_night)
        record_view(unpublished.pk, f"unpublished-{number}", now=monday_morning)
    record_view(this_week.pk, "this-week", now=monday_morning)
    unpublished.unpublish()

    at(monkeypatch, monday_morning + datetime.timedelta(minutes=1))
    content = client.get("/").content.decode()
    most_read = content[content.index("Đọc nhiều trong tuần") :]
    most_read = most_read[: most_read.index("</ol>")]
    assert this_week.title in most_read
    assert last_week.title not in most_read and unpublished.title not in most_read

    at(monkeypatch, sunday_night + datetime.timedelta(seconds=30))
    content = client.get("/").content.decode()
    most_read = content[content.index("Đọc nhiều trong tuần") :]
    assert last_week.title in most_read[: most_read.index("</ol>")]


# Views that cannot be bought (docs/abuse-limits.md).


def test_one_address_cannot_buy_views_by_changing_its_user_agent(seed_article, settings):
    cap = settings.VISITS_MAX_VIEWS_PER_ADDRESS
    for number in range(3 * cap):
        response = reader(ip="203.0.113.80", user_agent=f"{BROWSER} Build/{number}").get(seed_article.url)
        assert response.status_code == 200
    assert counted(seed_article) == cap
    assert RecentView.objects.count() == cap  # once spent, not even a visitor record is written
    reader(ip="203.0.113.81").get(seed_article.url)  # another address
    reader(ip="203.0.113.80").get("/")  # the same address, another page
    assert counted(seed_article) == cap + 1
    assert DailyPageViews.objects.exclude(page_id=seed_article.pk).get().views == 1


def test_the_cap_is_per_day_and_keeps_no_address(seed_article, settings, monkeypatch):
    from django.core.cache import cache

    settings.VISITS_MAX_VIEWS_PER_ADDRESS = 2
    start = datetime.datetime(2025, 11, 19, 10, 0, tzinfo=HANOI)
    at(monkeypatch, start)
    for number in range(5):
        reader(ip="203.0.113.82", user_agent=f"{BROWSER} {number}").get(seed_article.url)
    assert counted(seed_article) == 2
    keys = [str(key) for key in cache._cache]
    assert any("visits:cap:" in key for key in keys)
    assert not any("203.0.113.82" in key for key in keys)
    at(monkeypatch, start + datetime.timedelta(days=1))
    for number in range(5):
        reader(ip="203.0.113.82", user_agent=f"{BROWSER} {number}").get(seed_article.url)
    assert counted(seed_article) == 4


def test_the_cap_holds_for_pages_from_the_page_cache(seed_article, settings):
    settings.PAGE_CACHE_SECONDS = 60
    settings.VISITS_MAX_VIEWS_PER_ADDRESS = 3
    caches = [reader(ip="203.0.113.83", user_agent=f"{BROWSER} {n}").get(seed_article.url) for n in range(6)]
    assert {response["X-Page-Cache"] for response in caches[1:]} == {"hit"}
    assert counted(seed_article) == 3


@pytest.mark.parametrize(
    "header",
    [
        {"HTTP_SEC_PURPOSE": "prefetch"},
        {"HTTP_SEC_PURPOSE": "prefetch;prerender"},
        {"HTTP_PURPOSE": "prefetch"},
        {"HTTP_X_MOZ": "prefetch"},
        {"HTTP_X_PURPOSE": "preview"},
    ],
)
def test_prefetches_and_prerenders_are_served_but_not_counted(seed_article, header):
    client = reader()
    assert client.get(seed_article.url, **header).status_code == 200
    assert counted(seed_article) == 0
    client.get(seed_article.url)  # then opened for real
    assert counted(seed_article) == 1


@pytest.mark.parametrize(
    "user_agent",
    [
        "Mediapartners-Google",
        "Mozilla/5.0 (compatible; Google-InspectionTool/1.0)",
        "Mozilla/5.0 (compatible; Qwantify/2.4w)",
        "Feedly/1.0 (+http://www.feedly.com/fetcher.html; like FeedFetcher-Google)",
        "WhatsApp/2.23.20.0",
        "Mozilla/5.0 (compatible; Barkrowler/0.9)",
    ],
)
def test_robots_of_the_maintained_list_are_not_counted(seed_article, user_agent):
    assert reader(user_agent=user_agent).get(seed_article.url).status_code == 200
    assert counted(seed_article) == 0


@pytest.mark.parametrize(
    "user_agent",
    [
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
        "Version/17.0 Mobile/15E148 Safari/604.1",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 "
        "Safari/537.36 Edg/130.0",
        "Mozilla/5.0 (Linux; U; Android 13; vi-vn; CPH2481) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 "
        "Chrome/110 Mobile Safari/537.36 coc_coc_browser/119.0",
        "Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Mobile "
        "Safari/537.36 Zalo android/12100",
    ],
)
def test_readers_browsers_are_counted(seed_article, user_agent):
    reader(user_agent=user_agent).get(seed_article.url)
    assert counted(seed_article) == 1

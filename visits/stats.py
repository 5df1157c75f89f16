"""The figures readers see, from the daily counters."""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import connection
from django.db.models import Sum
from django.utils import timezone

from visits.counting import ONLINE_WINDOW
from visits.models import DailyPageViews, RecentView, VisitStatisticsSettings

SITE_FIGURES_TIMEOUT = 5  # seconds: the box is on every page and may lag this much


def week_start(day):
    """Weeks start on Monday (Vietnamese calendar use), in the site's time zone."""
    return day - datetime.timedelta(days=day.weekday())


def site_figures(site_id, now=None):
    """ "Đang online", "Hôm nay", "Trong tuần", "Tất cả" in one query, cached for a few seconds."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    key = f"visits:figures:{site_id}:{today.isoformat()}"
    figures = cache.get(key)
    if figures is None:
        figures = _query_figures(site_id, today, now)
        cache.set(key, figures, SITE_FIGURES_TIMEOUT)
    return figures


def _query_figures(site_id, today, now):
    views = DailyPageViews._meta.db_table
    recent = RecentView._meta.db_table
    settings_table = VisitStatisticsSettings._meta.db_table
    sql = f"""
        SELECT
            (SELECT COUNT(DISTINCT visitor) FROM {recent} WHERE seen_at >= %s),
            (SELECT COALESCE(SUM(views), 0) FROM {views} WHERE day = %s),
            (SELECT COALESCE(SUM(views), 0) FROM {views} WHERE day >= %s AND day <= %s),
            (SELECT COALESCE(SUM(views), 0) FROM {views}),
            (SELECT COALESCE(MAX(initial_total), 0) FROM {settings_table} WHERE site_id = %s)
    """  # noqa: S608 - table names come from the models, values are parameters
    with connection.cursor() as cursor:
        cursor.execute(sql, [now - ONLINE_WINDOW, today, week_start(today), today, site_id])
        online, day, week, total, initial = cursor.fetchone()
    return {"online": online, "today": day, "week": week, "total": total + initial}


def page_views(page):
    """All the views of one page: those imported from the old portal plus those counted here. In SQL: it is asked
    on every article shown, and building the aggregate through the ORM cost more than running it."""
    sql = f"SELECT COALESCE(SUM(views), 0) FROM {DailyPageViews._meta.db_table} WHERE page_id = %s"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(sql, [page.pk])
        (counted,) = cursor.fetchone()
    return getattr(page, "imported_views", 0) + counted


def most_read_page_ids(model, since, limit):
    """Ids of the pages of this type most viewed since that day, most viewed first."""
    content_type = ContentType.objects.get_for_model(model)
    return list(
        DailyPageViews.objects.filter(day__gte=since, page__content_type=content_type)
        .values("page_id")
        .annotate(total=Sum("views"))
        .order_by("-total", "-page_id")
        .values_list("page_id", flat=True)[:limit]
    )

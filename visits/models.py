"""Visit statistics that are right, private and cheap.

What is stored: per visitor and page, a salted hash of (IP address, user agent) with the times it was last
counted and last seen; the salt is random, changes every day and is deleted the next day, so hashes cannot be
linked across days or back to an address. Those records are kept for RETENTION and purged automatically. Counts
are kept per page and day (Asia/Ho_Chi_Minh). No IP address or user agent is ever stored."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


class DailySalt(models.Model):
    day = models.DateField(unique=True)
    salt = models.CharField(max_length=64)

    def __str__(self):
        return self.day.isoformat()


class RecentView(models.Model):
    """Who saw which page recently: for "counted once per 30 minutes" and "online now"."""

    visitor = models.CharField(max_length=64)
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    counted_at = models.DateTimeField()
    seen_at = models.DateTimeField(db_index=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["visitor", "page"], name="one_recent_view_per_visitor_page")]

    def __str__(self):
        return f"{self.visitor[:8]}… {self.page_id}"


class DailyPageViews(models.Model):
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="daily_views")
    day = models.DateField(db_index=True)
    views = models.PositiveBigIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["page", "day"], name="one_daily_count_per_page")]

    def __str__(self):
        return f"{self.page_id} {self.day}: {self.views}"


@register_setting(icon="view")
class VisitStatisticsSettings(BaseSiteSetting):
    initial_total = models.PositiveBigIntegerField(
        _("tổng lượt truy cập trước khi chuyển sang cổng mới"),
        default=0,
        help_text=_("Cộng vào “Tất cả”, để giữ số liệu của cổng thông tin cũ (ví dụ 255412)."),
    )

    panels = [FieldPanel("initial_total")]

    class Meta:
        verbose_name = _("thống kê truy cập")

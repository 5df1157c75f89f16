"""The editors' report of what readers searched for (Reports > "Tìm kiếm của bạn đọc"): the week's searches, most
frequent first, or only those that found nothing, each with links to act on it (a promoted result, an
abbreviation, a synonym). Counts come from search/log.py."""

import datetime
from typing import Protocol

import django_filters
from django.apps import apps
from django.db.models import QuerySet, Sum
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.paginator import WagtailPaginator
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView
from wagtail.admin.widgets import AdminDateInput
from wagtail.contrib.search_promotions.models import Query
from wagtail.contrib.search_promotions.views.settings import CreateView as PromotionCreateView

from search.models import Abbreviation, DailySearch


def week_of(day: datetime.date) -> tuple[datetime.date, datetime.date]:
    """Monday and Sunday of the week of `day`."""
    monday = day - datetime.timedelta(days=day.weekday())
    return monday, monday + datetime.timedelta(days=6)


class SearchLogFilterSet(WagtailFilterSet):
    week = django_filters.DateFilter(
        label=_("Tuần có ngày"),
        method="in_week",
        widget=AdminDateInput,
        help_text=_("Một ngày bất kỳ trong tuần cần xem (dd/mm/yyyy); mặc định là tuần này."),
    )
    found_nothing = django_filters.BooleanFilter(
        label=_("Chỉ những tìm kiếm không có kết quả"), method="without_results"
    )

    class Meta:
        model = DailySearch
        fields: list[str] = []

    def in_week(self, queryset: QuerySet, name: str, value: datetime.date | None) -> QuerySet:
        return queryset  # applied before the counts are summed: see SearchLogReportView.week

    def without_results(self, queryset: QuerySet, name: str, value: bool | None) -> QuerySet:
        return queryset.filter(empty__gt=0) if value else queryset


class ActionsColumn(Column):
    cell_template_name = "search/admin/search_log_actions.html"

    def get_cell_context_data(
        self, instance: dict[str, object], parent_context: dict[str, object]
    ) -> dict[str, object]:
        context: dict[str, object] = super().get_cell_context_data(instance, parent_context)
        context["actions"] = instance["actions"]
        return context


class QueryPaginator(WagtailPaginator):
    """Counts the rows as search terms ("12 cụm từ tìm kiếm"), not as the model's daily rows."""

    verbose_name = verbose_name_plural = _("cụm từ tìm kiếm")


class SearchLogReportView(ReportView):
    page_title = _("Tìm kiếm của bạn đọc")
    header_icon = "search"
    model = DailySearch
    permission_required = "view"
    filterset_class = SearchLogFilterSet
    index_url_name = "search_log"
    index_results_url_name = "search_log_results"
    default_ordering = "-total"
    paginator_class = QueryPaginator
    verbose_name = verbose_name_plural = _("cụm từ tìm kiếm")
    columns = [
        Column("query", label=_("Từ khóa"), sort_key="query"),
        Column("total", label=_("Số lượt tìm"), sort_key="total"),
        Column("empty", label=_("Số lượt không có kết quả"), sort_key="empty"),
        ActionsColumn("actions", label=_("Thêm cho từ khóa này")),
    ]
    list_export = ["query", "total", "empty"]
    export_headings = {"query": _("Từ khóa"), "total": _("Số lượt tìm"), "empty": _("Số lượt không có kết quả")}

    def get_valid_orderings(self) -> list[str]:
        return ["query", "-total", "total", "-empty", "empty"]

    def order_queryset(self, queryset: QuerySet) -> QuerySet:
        return queryset.order_by(self.ordering, "query")  # ties in a steady order

    @property
    def week(self) -> tuple[datetime.date, datetime.date]:
        day = None
        if self.filters and self.filters.is_valid():
            day = self.filters.form.cleaned_data.get("week")
        return week_of(day or timezone.localdate())

    def get_base_queryset(self) -> QuerySet:
        return (
            DailySearch.objects.filter(day__range=self.week)
            .values("query")
            .annotate(total=Sum("searches"), empty=Sum("empty_searches"))
        )

    def get_page_subtitle(self) -> str:
        monday, sunday = self.week
        return _("Tuần %(monday)s – %(sunday)s") % {
            "monday": date_format(monday, "d/m/Y"),
            "sunday": date_format(sunday, "d/m/Y"),
        }

    def decorate_paginated_queryset(self, object_list: list[dict]) -> list[dict]:
        rows = list(object_list)
        promoted = dict(
            Query.objects.filter(query_string__in=[row["query"] for row in rows], editors_picks__isnull=False)
            .distinct()
            .values_list("query_string", "pk")
        )
        user = self.request.user
        abbreviation_url = (
            # wagtail's register_snippet sets snippet_viewset on the model at start-up (search/wagtail_hooks.py)
            reverse(Abbreviation.snippet_viewset.get_url_name("add"))  # type: ignore[attr-defined]
            if user.has_perm("search.add_abbreviation")
            else None
        )
        synonym_url = synonym_add_url(user)
        for row in rows:
            actions = []
            if row["query"] in promoted:
                url = reverse("wagtailsearchpromotions:edit", args=[promoted[row["query"]]])
                actions.append((_("Sửa kết quả đề xuất"), url))
            elif user.has_perm("wagtailsearchpromotions.add_searchpromotion"):
                url = f"{reverse('search_log_promote')}?{urlencode({'q': row['query']})}"
                actions.append((_("Thêm kết quả đề xuất"), url))
            if synonym_url:
                actions.append((_("Thêm từ đồng nghĩa"), synonym_url))
            if abbreviation_url:
                actions.append((_("Thêm từ viết tắt"), abbreviation_url))
            row["actions"] = actions
        return rows


class PermissionHolder(Protocol):
    """A user, as far as the links to act on a search need one."""

    def has_perm(self, perm: str) -> bool: ...


def synonym_add_url(user: PermissionHolder) -> str | None:
    """The admin's form for a new synonym, when the synonyms table exists and the user may add to it."""
    try:
        model = apps.get_model("search", "Synonym")
    except LookupError:
        return None
    if not user.has_perm(f"search.add_{model._meta.model_name}") or not hasattr(model, "snippet_viewset"):
        return None
    try:
        return reverse(model.snippet_viewset.get_url_name("add"))
    except NoReverseMatch:
        return None


class PromoteView(PromotionCreateView):
    """Wagtail's form for new promoted results, its search terms filled in from the report's row."""

    def get_initial(self) -> dict:
        return {**super().get_initial(), "query_string": self.request.GET.get("q", "")[:255]}

from django.http import HttpRequest
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from search.admin_views import PromoteView, SearchLogReportView
from search.models import Abbreviation, Synonym


class AbbreviationViewSet(SnippetViewSet):
    """The abbreviations that search expands both ways, for administrators (Settings menu)."""

    model = Abbreviation
    icon = "search"
    menu_label = _("Từ viết tắt (tìm kiếm)")
    add_to_settings_menu = True
    list_display = ["short", "expansion"]
    search_fields = ["short", "expansion"]


register_snippet(AbbreviationViewSet)


class SynonymViewSet(SnippetViewSet):
    """The groups of synonyms that search applies both ways, for administrators (Settings menu), as the
    abbreviations: only administrators may edit them (no newsroom role has their permissions)."""

    model = Synonym
    icon = "search"
    menu_label = _("Từ đồng nghĩa (tìm kiếm)")
    add_to_settings_menu = True
    list_display = ["__str__"]
    search_fields = ["phrases"]


register_snippet(SynonymViewSet)


@hooks.register("register_admin_urls")
def register_search_log_urls() -> list:
    return [
        path("reports/searches/", SearchLogReportView.as_view(), name="search_log"),
        path("reports/searches/results/", SearchLogReportView.as_view(results_only=True), name="search_log_results"),
        path("searchpicks/add-for-search/", PromoteView.as_view(), name="search_log_promote"),
    ]


class SearchLogMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return request.user.has_perm("search.view_dailysearch")


@hooks.register("register_reports_menu_item")
def register_search_log_menu_item() -> MenuItem:
    return SearchLogMenuItem(
        _("Tìm kiếm của bạn đọc"), reverse("search_log"), name="reader-searches", icon_name="search", order=1250
    )


@hooks.register("construct_reports_menu")
def hide_wagtail_search_terms(request: HttpRequest, menu_items: list) -> None:
    """Wagtail's own "Search terms" report counts searches made through Wagtail's search, which the public site
    does not use: ours (above) replaces it."""
    menu_items[:] = [item for item in menu_items if item.name != "search-terms"]

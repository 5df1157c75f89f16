from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from search.models import Abbreviation


class AbbreviationViewSet(SnippetViewSet):
    """The abbreviations that search expands both ways, for administrators (Settings menu)."""

    model = Abbreviation
    icon = "search"
    menu_label = _("Từ viết tắt (tìm kiếm)")
    add_to_settings_menu = True
    list_display = ["short", "expansion"]
    search_fields = ["short", "expansion"]


register_snippet(AbbreviationViewSet)

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

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

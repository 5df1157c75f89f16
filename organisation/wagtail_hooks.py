from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from organisation.models import Official, RelatedLink, Unit


class UnitViewSet(SnippetViewSet):
    model = Unit
    icon = "group"
    menu_label = _("Đơn vị")
    list_display = ["name", "kind", "parent", "phone", "sort_order"]
    list_filter = ["kind"]
    search_fields = ["name"]
    ordering = ["sort_order", "name"]


class OfficialViewSet(SnippetViewSet):
    model = Official
    icon = "user"
    menu_label = _("Cán bộ")
    list_display = ["name", "position", "unit", "is_leader", "sort_order"]
    list_filter = ["is_leader", "unit"]
    search_fields = ["name", "position"]
    ordering = ["sort_order", "name"]


class RelatedLinkViewSet(SnippetViewSet):
    model = RelatedLink
    icon = "link"
    menu_label = _("Liên kết website")
    list_display = ["title", "url", "sort_order"]
    ordering = ["sort_order", "title"]


class OrganisationViewSetGroup(SnippetViewSetGroup):
    items = (UnitViewSet, OfficialViewSet, RelatedLinkViewSet)
    menu_icon = "group"
    menu_label = _("Tổ chức")
    menu_name = "organisation"
    menu_order = 260


register_snippet(OrganisationViewSetGroup)

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from official_documents.models import OfficialDocument


class OfficialDocumentViewSet(SnippetViewSet):
    model = OfficialDocument
    icon = "doc-full"
    menu_label = _("Văn bản")
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["number", "kind", "issued_on", "issuer"]
    list_filter = ["kind", "locale"]
    search_fields = ["number", "summary", "issuer"]
    ordering = ["-issued_on"]


register_snippet(OfficialDocumentViewSet)

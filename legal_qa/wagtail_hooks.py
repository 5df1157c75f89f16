from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from legal_qa.models import LegalQuestion


class LegalQuestionViewSet(SnippetViewSet):
    model = LegalQuestion
    icon = "help"
    menu_label = _("Hỏi đáp")
    menu_order = 270
    add_to_admin_menu = True
    list_display = ["__str__", "topic", "status", "submitted_at"]
    list_filter = ["status", "topic"]
    search_fields = ["question", "answer"]
    ordering = ["-submitted_at"]


register_snippet(LegalQuestionViewSet)

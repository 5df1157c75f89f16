from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from contact.personal_data import FormulaSafeExportMixin
from legal_qa.models import LegalQuestion


class LegalQuestionIndexView(FormulaSafeExportMixin, IndexView):
    pass


class LegalQuestionViewSet(SnippetViewSet):
    """Only the group "Tiếp nhận ý kiến bạn đọc" and administrators have permissions on questions (their askers'
    details are personal data: contact/personal_data.py)."""

    model = LegalQuestion
    icon = "help"
    menu_label = _("Hỏi đáp")
    menu_order = 270
    add_to_admin_menu = True
    index_view_class = LegalQuestionIndexView
    list_display = ["__str__", "topic", "status", "submitted_at"]
    list_export = ["submitted_at", "topic", "status", "question", "asker_name", "asker_email", "asker_phone"]
    export_filename = "hoi-dap-phap-luat"
    list_filter = ["status", "topic"]
    search_fields = ["question", "answer"]
    ordering = ["-submitted_at"]


register_snippet(LegalQuestionViewSet)


@hooks.register("purge_personal_data")
def purge_askers(cutoff, dry_run):
    """Questions older than the retention period: never published, deleted; published (the public answer must
    stay), anonymised: the question and answer remain, the asker's name, e-mail and phone go."""
    old = LegalQuestion.objects.filter(submitted_at__lt=cutoff)
    unpublished = old.filter(published_at__isnull=True)
    with_details = old.filter(published_at__isnull=False).filter(
        ~Q(asker_name="") | ~Q(asker_email="") | ~Q(asker_phone="")
    )
    counts = [
        (_("câu hỏi pháp luật chưa từng đăng đã xoá"), unpublished.count()),
        (_("câu hỏi pháp luật đã đăng được xoá thông tin người hỏi"), with_details.count()),
    ]
    if not dry_run:
        unpublished.delete()
        with_details.update(asker_name="", asker_email="", asker_phone="")
    return counts

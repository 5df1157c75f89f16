"""The page editor of the newsroom: Wagtail's, with the conflict check (editorial/conflicts.py), the approver's
request for changes shown above the form, messages that say what a workflow action did and to whom, and no
way to publish a page in moderation other than approving it (which keeps separation of duties)."""

from contextlib import contextmanager

from django.contrib import messages
from django.utils.translation import gettext as _
from wagtail.admin.views.pages.create import CreateView

from editorial import changes_requested, feedback
from editorial.conflicts import ConflictCheckingEditView, ConflictCheckingPageViewSet
from editorial.slugs import ascii_slug, unique_child_slug


class _DiscardedMessages:
    """Stands in for the request's message storage while Wagtail adds a message this view replaces."""

    def add(self, level, message, extra_tags=""):
        pass


@contextmanager
def wagtail_messages_replaced(request):
    # django.contrib.messages adds to `request._messages`; Wagtail's actions add their message inline, with no
    # method to override, so it is dropped here and the view adds its own.
    storage = getattr(request, "_messages", None)
    request._messages = _DiscardedMessages()
    try:
        yield
    finally:
        request._messages = storage


def in_moderation(page):
    state = page.current_workflow_state
    return state is not None and state.status == state.STATUS_IN_PROGRESS


class EditorialEditView(ConflictCheckingEditView):
    def get_template_names(self):
        names = super().get_template_names()
        return ["editorial/page_edit.html"] if names == ["wagtailadmin/pages/edit.html"] else names

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["changes_requested"] = changes_requested.for_object(self.page)
        return context

    def post(self, request, *args, **kwargs):
        if (
            request.POST.get("action-publish")
            and not self.expects_json_response
            and self.page_perms.can_publish()
            and in_moderation(self.page)
        ):
            # The menu offers "Duyệt và xuất bản" instead (editorial/wagtail_hooks.py); this refuses an old form.
            return self.refuse_save(
                _(
                    "Trang đang chờ duyệt: hãy dùng “Duyệt và xuất bản” (người gửi duyệt không tự duyệt được), "
                    "hoặc huỷ quy trình duyệt trước. Thay đổi của bạn chưa được lưu và vẫn còn nguyên dưới đây."
                )
            )
        return super().post(request, *args, **kwargs)

    def submit_action(self):
        with wagtail_messages_replaced(self.request):
            response = super().submit_action()
        messages.success(self.request, feedback.submitted_message(self.page))
        return response

    def restart_workflow_action(self):
        with wagtail_messages_replaced(self.request):
            response = super().restart_workflow_action()
        messages.success(self.request, feedback.submitted_message(self.page))
        return response

    def add_save_confirmation_message(self):
        # After an approve or reject from the editor, the approval step has said what happened and to whom.
        if self.action_name == "perform_workflow_action":
            return
        super().add_save_confirmation_message()


def with_slug_from_title(request, parent, page=None):
    """A page posted without a slug (no JavaScript, or the field emptied) gets its title in ASCII, as the browser
    would have written it: Wagtail's own fallback would drop "đ" (editorial/slugs.py)."""
    if request.POST.get("slug", "").strip() or not request.POST.get("title", "").strip():
        return
    base = ascii_slug(request.POST["title"])
    if base:
        data = request.POST.copy()
        data["slug"] = unique_child_slug(parent, base, page)
        request.POST = data


class EditorialCreateView(CreateView):
    def post(self, request, *args, **kwargs):
        with_slug_from_title(request, self.parent_page)
        return super().post(request, *args, **kwargs)


class EditorialPageViewSet(ConflictCheckingPageViewSet):
    """Replaces Wagtail's default page viewset (registered before it, with order -1) for every page type."""

    add_view_class = EditorialCreateView
    edit_view_class = EditorialEditView

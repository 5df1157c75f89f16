"""The admin's entry to readers' messages for the group that handles them ("Tiếp nhận ý kiến bạn đọc"): the form
pages whose submissions they may open (personal_data.py says who)."""

from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.contrib.forms.models import FormSubmission
from wagtail.contrib.forms.utils import get_forms_for_user

from contact.personal_data import can_handle


class ReaderMessagesIndexView(WagtailAdminTemplateMixin, TemplateView):
    """The form pages whose messages this person handles, one link each. Wagtail's own "Forms" list asks for a
    right on pages too, which those who handle readers' messages need not have."""

    template_name = "contact/reader_messages.html"
    page_title = gettext_lazy("Tin nhắn của bạn đọc")
    header_icon = "form"

    def dispatch(self, request, *args, **kwargs):
        if not can_handle(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        pages = get_forms_for_user(self.request.user).select_related("locale").order_by("path")
        context["form_pages"] = [
            (
                page,
                FormSubmission.objects.filter(page=page).count(),
                reverse("wagtailforms:list_submissions", args=[page.pk]),
            )
            for page in pages
        ]
        return context

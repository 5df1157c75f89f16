"""The contact page ("Liên hệ"): the federation's addresses and a contact form, on Wagtail's form pages, so that
submissions are stored and listed in the admin ("Biểu mẫu") and e-mailed to a configurable address.

The form's fields are fixed in code rather than built by editors: its rules (an e-mail address or a phone number,
at least one), the honeypot and the rate limit depend on them."""

import logging

from django.db import models
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.mail import send_mail
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm
from wagtail.fields import RichTextField
from wagtail_localize.fields import SynchronizedField, TranslatableField

from contact.forms import ContactForm
from contact.personal_data import PersonalDataSubmissionsPanel
from contact.protection import HONEYPOT_FIELD, give_back_submission, rate_limit_message, take_submission
from core.translatable import PAGE_FIELDS
from delivery.content_cache import ViewRestrictionsFromCache
from visits.middleware import CountedPageMixin

logger = logging.getLogger(__name__)
RATE_SCOPE = "contact"


class ContactPage(CountedPageMixin, ViewRestrictionsFromCache, AbstractEmailForm):
    intro = models.TextField(_("tóm tắt"), blank=True)
    contact_details = RichTextField(
        _("địa chỉ liên hệ"), blank=True, help_text=_("Địa chỉ, điện thoại, thư điện tử của cơ quan.")
    )
    thank_you_text = RichTextField(
        _("lời cảm ơn"), blank=True, help_text=_("Hiển thị sau khi gửi; để trống để dùng câu mặc định.")
    )

    content_panels = AbstractEmailForm.content_panels + [
        PersonalDataSubmissionsPanel(),
        FieldPanel("intro"),
        FieldPanel("contact_details"),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading=_("Thư báo khi có liên hệ mới"),
        ),
    ]
    translatable_fields = PAGE_FIELDS + [
        TranslatableField("intro"),
        TranslatableField("contact_details"),
        TranslatableField("thank_you_text"),
        SynchronizedField("to_address", overridable=False),
        SynchronizedField("from_address", overridable=False),
        TranslatableField("subject"),
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    page_description = _("Trang “Liên hệ”: địa chỉ của cơ quan và biểu mẫu liên hệ.")

    class Meta:
        verbose_name = _("trang liên hệ")
        verbose_name_plural = _("trang liên hệ")

    def get_form_class(self):
        return ContactForm

    def get_submissions_list_view_class(self):
        # Readers' messages are personal data: exported without formulas (contact/personal_data.py). Imported
        # here: Wagtail's admin views cannot be imported while models load.
        from contact.views import SafeSubmissionsListView

        return SafeSubmissionsListView

    def get_data_fields(self):
        form = ContactForm()
        return [("submit_time", _("Thời gian gửi"))] + [
            (name, form.fields[name].label) for name in ("name", "email", "phone", "subject", "message")
        ]

    def process_form_submission(self, form):
        data = {name: value for name, value in form.cleaned_data.items() if name != HONEYPOT_FIELD}
        submission = self.get_submission_class().objects.create(form_data=data, page=self)
        if self.to_address:
            try:
                self.send_mail(form)
            except Exception:  # noqa: BLE001 - the submission is stored; a mail server's failure must not lose it
                logger.exception("Could not e-mail the contact submission %s", submission.pk)
        return submission

    def send_mail(self, form):
        subject = self.subject or _("Liên hệ mới từ cổng thông tin: %(subject)s") % {
            "subject": form.cleaned_data["subject"]
        }
        addresses = [address.strip() for address in self.to_address.split(",")]
        send_mail(subject, self.render_email(form), addresses, self.from_address)

    def render_email(self, form):
        return "\n".join(
            f"{form.fields[name].label}: {form.cleaned_data.get(name) or '-'}"
            for name in ("name", "email", "phone", "subject", "message")
        )

    def serve(self, request, *args, **kwargs):
        if request.method != "POST":
            return super().serve(request, *args, **kwargs)
        if not take_submission(request, RATE_SCOPE):
            form = self.get_form(request.POST, page=self, user=request.user)
            form.is_valid()
            form.add_error(None, rate_limit_message())
            context = self.get_context(request)
            context["form"] = form
            return TemplateResponse(request, self.get_template(request), context, status=429)
        submitted = False
        try:
            response = super().serve(request, *args, **kwargs)
            submitted = response.context_data.get("form_submission") is not None
        finally:
            if not submitted:
                give_back_submission(request, RATE_SCOPE)
        return response

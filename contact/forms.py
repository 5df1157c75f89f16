from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from contact.protection import ProtectedForm

phone_validator = RegexValidator(
    r"^\+?[0-9 .()-]{8,20}$",
    _("Số điện thoại chỉ gồm chữ số (8 đến 15 số), có thể có dấu cách, dấu chấm hoặc dấu gạch ngang."),
)


class ContactDetailsForm(ProtectedForm):
    """Name, and an e-mail address or a phone number (at least one), to reply to."""

    name = forms.CharField(label=_("Họ và tên"), max_length=120)
    email = forms.EmailField(
        label=_("Thư điện tử"),
        required=False,
        max_length=254,
        error_messages={"invalid": _("Địa chỉ thư điện tử không hợp lệ, ví dụ đúng: ten@gmail.com.")},
    )
    phone = forms.CharField(label=_("Điện thoại"), required=False, max_length=20, validators=[phone_validator])

    contact_required_message = _("Vui lòng cho biết thư điện tử hoặc số điện thoại để chúng tôi trả lời.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["phone"].widget.attrs.update({"autocomplete": "tel", "inputmode": "tel"})
        self.fields["email"].help_text = _("Cần ít nhất thư điện tử hoặc số điện thoại.")

    def clean(self):
        cleaned_data = super().clean()
        given = cleaned_data.get("email") or cleaned_data.get("phone")
        if not given and not self.has_error("email") and not self.has_error("phone"):
            self.add_error("email", self.contact_required_message)
        return cleaned_data


class ContactForm(ContactDetailsForm):
    subject = forms.CharField(label=_("Tiêu đề"), max_length=200)
    message = forms.CharField(label=_("Nội dung"), max_length=5000, widget=forms.Textarea(attrs={"rows": 8}))

    def __init__(self, *args, page=None, user=None, **kwargs):  # as Wagtail's form pages build their forms
        self.page = page
        self.user = user
        super().__init__(*args, **kwargs)

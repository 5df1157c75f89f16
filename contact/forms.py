from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from contact.protection import ProtectedForm

phone_validator = RegexValidator(
    r"^\+?[0-9 .()-]{8,20}$",
    _("Số điện thoại chỉ gồm chữ số (8 đến 15 số), có thể có dấu cách, dấu chấm hoặc dấu gạch ngang."),
)

# Every character that Python's str.splitlines() breaks on: in a mail header any of them would start a header of
# the sender's choosing, so Django refuses to send the mail at all (BadHeaderError) after the form was stored.
LINE_BREAKS = "\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


def single_line(value):
    """For fields that go into an e-mail's headers (its subject, the sender's name and address)."""
    if any(character in value for character in LINE_BREAKS):
        raise ValidationError(_("Vui lòng viết trên một dòng: ô này không được có dấu xuống dòng."), code="line_break")


class ContactDetailsForm(ProtectedForm):
    """Name, and an e-mail address or a phone number (at least one), to reply to."""

    name = forms.CharField(label=_("Họ và tên"), max_length=120, validators=[single_line])
    email = forms.EmailField(
        label=_("Thư điện tử"),
        required=False,
        max_length=254,
        validators=[single_line],
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
    subject = forms.CharField(label=_("Tiêu đề"), max_length=200, validators=[single_line])
    message = forms.CharField(label=_("Nội dung"), max_length=5000, widget=forms.Textarea(attrs={"rows": 8}))

    def __init__(self, *args, page=None, user=None, **kwargs):  # as Wagtail's form pages build their forms
        self.page = page
        self.user = user
        super().__init__(*args, **kwargs)

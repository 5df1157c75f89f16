"""What keeps robots and floods out of the public forms (the contact form, legal questions) without a third-party
script: a honeypot field that people never see, and a per-visitor limit of submissions. A visitor is a keyed hash
of the address, kept in the cache only, never stored. The limit is taken atomically before the form is handled,
so that concurrent posts cannot exceed it (operations/limits.py)."""

from django import forms
from django.core.validators import ProhibitNullCharactersValidator
from django.utils.translation import gettext_lazy as _

from operations.client_address import client_ip, limited_address
from operations.limits import give_back, limit_key, take

HONEYPOT_FIELD = "website"
NULL_CHARACTER_MESSAGE = _("Nội dung có ký tự không hợp lệ (ký tự rỗng); vui lòng gõ lại.")
SUBMISSIONS_PER_PERIOD = 5
PERIOD_SECONDS = 3600


class ProtectedForm(forms.Form):
    """A public form with the honeypot: a field hidden from people (and from assistive technology) that robots
    fill in. A form that has it filled in is refused."""

    website = forms.CharField(label=_("Để trống ô này"), required=False, max_length=200)

    honeypot_error = _("Không gửi được biểu mẫu. Vui lòng tải lại trang và thử lại.")

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields[HONEYPOT_FIELD].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})
        for field in self.fields.values():  # Django has no Vietnamese for this message
            field.validators = [
                ProhibitNullCharactersValidator(message=NULL_CHARACTER_MESSAGE)
                if isinstance(validator, ProhibitNullCharactersValidator)
                else validator
                for validator in field.validators
            ]

    def clean(self):
        cleaned_data = super().clean()
        if self.data.get(HONEYPOT_FIELD):
            raise forms.ValidationError(self.honeypot_error, code="honeypot")
        cleaned_data.pop(HONEYPOT_FIELD, None)
        return cleaned_data

    def visible_fields(self):
        return [field for field in super().visible_fields() if field.name != HONEYPOT_FIELD]

    @property
    def honeypot(self):
        return self[HONEYPOT_FIELD]


def visitor_key(request, scope):
    return limit_key(f"form-{scope}", limited_address(client_ip(request)))


def take_submission(request, scope):
    """Take one of this visitor's submissions of the period before the form is even validated (atomically:
    operations/limits.py); False when they have all been used."""
    return take(visitor_key(request, scope), SUBMISSIONS_PER_PERIOD, PERIOD_SECONDS)


def give_back_submission(request, scope):
    """A form that was not accepted (errors) does not count."""
    give_back(visitor_key(request, scope))


RATE_LIMIT_MESSAGE = _(
    "Bạn đã gửi %(count)s lần trong một giờ qua. Để chống thư rác, vui lòng thử lại sau một giờ "
    "hoặc liên hệ qua điện thoại."
)


def rate_limit_message():
    return RATE_LIMIT_MESSAGE % {"count": SUBMISSIONS_PER_PERIOD}

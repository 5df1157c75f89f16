"""The admin's sign-in form, with a translatable label on the password field: Wagtail's LoginForm declares the field
without one, so Django derives "Password" from its name, in English whatever the language."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm


class AdminLoginForm(LoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Password")

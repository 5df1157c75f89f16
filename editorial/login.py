"""The admin's sign-in: the form, with a translatable label on the password field (Wagtail's LoginForm declares the
field without one, so Django derives "Password" from its name, in English whatever the language), and the
authentication backend that throttles attempts atomically in front of django-axes."""

from axes.backends import AxesStandaloneBackend
from axes.exceptions import AxesBackendPermissionDenied
from axes.helpers import get_credentials
from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm

from operations.client_address import client_ip, limited_address
from operations.limits import limit_key, reset, take


class AdminLoginForm(LoginForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Password")


class AtomicAxesBackend(AxesStandaloneBackend):
    """django-axes' lockout check, and before the password is checked an atomic count of attempts per account and
    address (operations/limits.py): axes reads the failures recorded so far and records a failure only after the
    password was checked, so concurrent guesses could all pass its check before the first was recorded. Here each
    attempt takes a slot first; beyond AXES_FAILURE_LIMIT in the cool-off period the attempt gets axes' lockout
    page without its password being checked. A successful login gives the slots back (login_succeeded)."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        super().authenticate(request, username=username, password=password, **kwargs)
        if not settings.AXES_ENABLED:
            return None
        if not take(attempts_key(request, username), settings.AXES_FAILURE_LIMIT, cooloff_seconds()):
            request.axes_locked_out = True  # AxesMiddleware answers with the lockout page (editorial/lockout.py)
            request.axes_credentials = get_credentials(username=username, password=password, **kwargs)
            raise AxesBackendPermissionDenied("Too many concurrent or recent login attempts")
        return None


def attempts_key(request, username):
    return limit_key("login", limited_address(client_ip(request)), (username or "").casefold())


def cooloff_seconds():
    return max(1, int(settings.AXES_COOLOFF_TIME.total_seconds()))


@receiver(user_logged_in)
def login_succeeded(sender, request, user, **kwargs):
    if request is not None:
        reset(attempts_key(request, user.get_username()))

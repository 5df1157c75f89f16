"""Wagtail's "forgotten password" page with a limit: every request sends an e-mail, so without one anybody could
flood an editor's mailbox, or the relay's reputation, from a script. Requests are counted atomically
(operations/limits.py) per address and per account (the e-mail address typed in, whether or not an account has
it, so that the answer never tells which accounts exist). Routed in config/urls.py in front of Wagtail's own."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.account import PasswordResetView

from operations.client_address import client_ip, limited_address
from operations.limits import limit_key, take

RESETS_PER_ADDRESS = 5
RESETS_PER_ACCOUNT = 3
PERIOD_SECONDS = 3600

LIMIT_MESSAGE = _(
    "Đã có quá nhiều yêu cầu đặt lại mật khẩu từ máy này hoặc cho địa chỉ thư này. Nếu bạn đã yêu cầu, vui lòng "
    "kiểm tra hộp thư (cả thư mục thư rác); nếu chưa nhận được, hãy thử lại sau một giờ."
)


class LimitedPasswordResetView(PasswordResetView):
    def form_valid(self, form):
        by_address = limit_key("password-reset-address", limited_address(client_ip(self.request)))
        by_account = limit_key("password-reset-account", form.cleaned_data["email"].strip().casefold())
        if not (
            take(by_address, RESETS_PER_ADDRESS, PERIOD_SECONDS)
            and take(by_account, RESETS_PER_ACCOUNT, PERIOD_SECONDS)
        ):
            form.add_error(None, LIMIT_MESSAGE)
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().form_valid(form)

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = _("Quy trình biên tập")

    def ready(self):
        import editorial.login  # noqa: F401 - connects login_succeeded, which resets the attempts' count
        from editorial import privacy
        from editorial.slugs import use_ascii_slugs

        privacy.connect_signals()
        use_ascii_slugs()

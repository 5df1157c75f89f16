from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = _("Quy trình biên tập")

    def ready(self):
        from editorial.slugs import use_ascii_slugs

        use_ascii_slugs()

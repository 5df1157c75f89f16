from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OperationsConfig(AppConfig):
    name = "operations"
    verbose_name = _("Vận hành")

    def ready(self):
        from operations import checks  # noqa: F401 (registers the checks)

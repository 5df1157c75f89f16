from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OfficialDocumentsConfig(AppConfig):
    name = "official_documents"
    verbose_name = _("Văn bản")

    def ready(self):
        from official_documents import signals

        signals.connect_signals()

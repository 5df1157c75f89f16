from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LegalQaConfig(AppConfig):
    name = "legal_qa"
    verbose_name = _("Hỏi đáp pháp luật")

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CampaignsConfig(AppConfig):
    name = "campaigns"
    verbose_name = _("Kế hoạch, phong trào")

    def ready(self):
        from campaigns.models import campaigns_citing, live_campaigns_citing
        from official_documents import citations

        citations.register("campaigns", live=live_campaigns_citing, shown=campaigns_citing)

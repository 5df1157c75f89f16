from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DeliveryConfig(AppConfig):
    """Serving readers: the page cache, the cached data and parts of pages, the route table, the fail-soft Redis
    client (docs/delivery.md). Shared machinery: it imports no content app."""

    name = "delivery"
    verbose_name = _("Phân phối nội dung")

    def ready(self) -> None:
        from delivery import content_cache, deletions, page_cache

        content_cache.connect_signals()
        deletions.connect_signals()
        page_cache.connect_signals()

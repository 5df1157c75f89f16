from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Trang chủ")

    def ready(self):
        from home import content_cache, page_cache

        content_cache.connect_signals()
        page_cache.connect_signals()

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImagesConfig(AppConfig):
    name = "images"
    verbose_name = _("Ảnh")

    def ready(self):
        # Before any admin view asks for the image and document policies (images/in_use.py).
        from images import in_use

        in_use.register()

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImagesConfig(AppConfig):
    name = "images"
    verbose_name = _("Ảnh")

    def ready(self):
        # Before any admin view asks for the image and document policies (images/in_use.py).
        from images import in_use

        in_use.register()
        # Site settings show images too (an emblem): Wagtail's reference index, by which images.in_use knows what
        # published content shows an image, records only the models registered with it.
        from django.apps import apps
        from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
        from wagtail.models import ReferenceIndex

        for model in apps.get_models():
            if issubclass(model, (BaseSiteSetting, BaseGenericSetting)):
                ReferenceIndex.register_model(model)

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition, Image


class CaptionedImage(AbstractImage):
    """A photo with the caption and photo credit it is published with by default ("Ảnh: ...")."""

    caption = models.CharField(
        _("chú thích mặc định"),
        max_length=500,
        blank=True,
        help_text=_("Chú thích hiển thị dưới ảnh; có thể thay đổi ở từng bài viết."),
    )
    credit = models.CharField(
        _("tác giả ảnh"),
        max_length=255,
        blank=True,
        help_text=_("Hiển thị sau chữ “Ảnh:”, ví dụ “PT (LĐLĐ tỉnh)”."),
    )

    admin_form_fields = Image.admin_form_fields + ("caption", "credit")

    class Meta(AbstractImage.Meta):
        verbose_name = _("ảnh")
        verbose_name_plural = _("ảnh")


class CaptionedImageRendition(AbstractRendition):
    image = models.ForeignKey(CaptionedImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)

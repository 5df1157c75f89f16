from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock


class CaptionedImageBlock(blocks.StructBlock):
    """A photo in an article: alt text is required unless the photo is decorative (Wagtail's ImageBlock);
    caption and credit default to the image's own and can be overridden for this use."""

    image = ImageBlock(label=_("Ảnh"))
    caption = blocks.CharBlock(
        required=False,
        max_length=500,
        label=_("Chú thích"),
        help_text=_("Để trống để dùng chú thích mặc định của ảnh."),
    )
    credit = blocks.CharBlock(
        required=False,
        max_length=255,
        label=_("Tác giả ảnh"),
        help_text=_("Để trống để dùng tác giả mặc định của ảnh."),
    )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        image = value["image"]
        caption = value["caption"] or (image.caption if image else "")
        # The template adds ". Ảnh: credit"; a caption typed with its own full stop must not get two.
        context["caption"] = caption.strip().removesuffix(".")
        context["credit"] = value["credit"] or (image.credit if image else "")
        return context

    class Meta:
        icon = "image"
        label = _("Ảnh có chú thích")
        template = "images/blocks/captioned_image.html"

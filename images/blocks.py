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

    def get_translatable_segments(self, value):
        """What a translator translates (wagtail-localize): the alt text, and the caption and credit as readers
        see them, the image's defaults included, so that an English page never shows a Vietnamese default.
        The photo itself is not offered: it stays synchronised with the Vietnamese page."""
        from wagtail_localize.segments import StringSegmentValue

        image = value["image"]
        texts = []
        if image is not None:
            texts.append(("image.alt_text", getattr(image, "contextual_alt_text", "") or ""))
        texts.append(("caption", value["caption"] or (image.caption if image else "")))
        texts.append(("credit", value["credit"] or (image.credit if image else "")))
        return [StringSegmentValue(path, text) for path, text in texts if text.strip()]

    def restore_translated_segments(self, value, segments):
        """The translation's caption and credit override the image's defaults; its alt text is set on the
        image of this use only."""
        for segment in segments:
            if segment.path == "image.alt_text":
                if value["image"] is not None:
                    value["image"].contextual_alt_text = segment.render_text()
            else:
                value[segment.path] = segment.render_text()
        return value

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


class GalleryImageBlock(blocks.StructBlock):
    """One photo of a set: alt text required unless decorative, and a caption of its own."""

    image = ImageBlock(label=_("Ảnh"))
    caption = blocks.CharBlock(required=False, max_length=500, label=_("Chú thích"))

    class Meta:
        icon = "image"
        label = _("Ảnh")


class GalleryBlock(blocks.StructBlock):
    """A photo set of an event ("Một số hình ảnh tại hội nghị"): thumbnails in a grid, each a link to the large
    photo, so that it works by keyboard and without JavaScript."""

    title = blocks.CharBlock(required=False, max_length=255, label=_("Tiêu đề"))
    images = blocks.ListBlock(GalleryImageBlock(), min_num=2, label=_("Các ảnh"))
    credit = blocks.CharBlock(required=False, max_length=255, label=_("Tác giả ảnh"))

    class Meta:
        icon = "image"
        label = _("Bộ ảnh")
        template = "images/blocks/gallery.html"

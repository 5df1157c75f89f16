from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from images.blocks import CaptionedImageBlock, GalleryBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "superscript", "subscript"]


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Trích dẫn"))
    attribution = blocks.CharBlock(required=False, label=_("Người nói / nguồn"))

    class Meta:
        icon = "openquote"
        label = _("Trích dẫn")
        template = "articles/blocks/quote.html"


class DocumentReferenceBlock(blocks.StructBlock):
    """A citation of an official document inside the body, linked to the document's page."""

    document = SnippetChooserBlock("official_documents.OfficialDocument", label=_("Văn bản"))
    note = blocks.CharBlock(required=False, label=_("Ghi chú"), help_text=_("Ví dụ: “về tiếp tục thực hiện…”"))

    class Meta:
        icon = "doc-full"
        label = _("Văn bản được dẫn")
        template = "articles/blocks/document_reference.html"


class ArticleBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Đoạn văn"), icon="pilcrow")
    heading = blocks.CharBlock(
        label=_("Tiêu đề mục"), icon="title", form_classname="title", template="articles/blocks/heading.html"
    )
    image = CaptionedImageBlock()
    gallery = GalleryBlock()
    quote = QuoteBlock()
    document = DocumentReferenceBlock()
    embed = EmbedBlock(label=_("Nhúng (video, bản đồ)"), icon="media")
    table = TableBlock(label=_("Bảng"))

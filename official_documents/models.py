from django.db import models
from django.urls import reverse
from django.utils import dateformat, translation
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    PreviewableMixin,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core.translatable import LiveQuerySet, prefer_locale
from search.text import document_number, document_number_key


class DocumentKind(models.TextChoices):
    KET_LUAN = "ket-luan", _("Kết luận")
    CHI_THI = "chi-thi", _("Chỉ thị")
    NGHI_QUYET = "nghi-quyet", _("Nghị quyết")
    KE_HOACH = "ke-hoach", _("Kế hoạch")
    HUONG_DAN = "huong-dan", _("Hướng dẫn")
    QUYET_DINH = "quyet-dinh", _("Quyết định")
    THONG_BAO = "thong-bao", _("Thông báo")
    CONG_VAN = "cong-van", _("Công văn")
    LUAT = "luat", _("Luật")
    NGHI_DINH = "nghi-dinh", _("Nghị định")
    THONG_TU = "thong-tu", _("Thông tư")
    BAO_CAO_TAI_CHINH = "bao-cao-tai-chinh", _("Báo cáo tài chính")
    KHAC = "khac", _("Văn bản khác")

    @classmethod
    def from_number(cls, number):
        """Guess the kind from the abbreviation in the number ("01-KL/TW" is a Kết luận), as Vietnamese
        administrative numbering encodes it; KHAC when the number says nothing."""
        parts = document_number(number).replace("/", "-").split("-")
        codes = {
            "KL": cls.KET_LUAN,
            "CT": cls.CHI_THI,
            "NQ": cls.NGHI_QUYET,
            "KH": cls.KE_HOACH,
            "HD": cls.HUONG_DAN,
            "QĐ": cls.QUYET_DINH,
            "TB": cls.THONG_BAO,
            "CV": cls.CONG_VAN,
            "QH13": cls.LUAT,
            "QH14": cls.LUAT,
            "QH15": cls.LUAT,
            "NĐ": cls.NGHI_DINH,
            "TT": cls.THONG_TU,
        }
        for part in parts[1:]:
            if part in codes:
                return codes[part]
        return cls.KHAC


class OfficialDocument(
    PreviewableMixin,
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    TranslatableMixin,
    index.Indexed,
    models.Model,
):
    """An official document (văn bản) that articles and campaigns cite: "Kết luận số 01-KL/TW, ngày 18/5/2021
    của Bộ Chính trị".

    Drafts and approval as pages have (docs/approval.md): an editor's change is a revision until an approver
    publishes it, so the row always holds what readers see, and readers see only live documents
    (`OfficialDocument.objects.live()`)."""

    number = models.CharField(_("số, ký hiệu"), max_length=100, help_text=_("Ví dụ: 01-KL/TW"))
    number_key = models.CharField(max_length=100, editable=False, db_index=True)
    kind = models.CharField(_("loại văn bản"), max_length=20, choices=DocumentKind.choices)
    issued_on = models.DateField(_("ngày ban hành"), null=True, blank=True)
    issuer = models.CharField(_("cơ quan ban hành"), max_length=255, blank=True)
    summary = models.TextField(_("trích yếu"), blank=True)
    file = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("tệp văn bản"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("number"),
        FieldPanel("kind"),
        FieldPanel("issued_on"),
        FieldPanel("issuer"),
        FieldPanel("summary"),
        FieldPanel("file"),
    ]
    # Translators translate the issuer and the summary (trích yếu); what identifies the document stays as issued.
    translatable_fields = [
        SynchronizedField("number", overridable=False),
        SynchronizedField("kind", overridable=False),
        SynchronizedField("issued_on", overridable=False),
        TranslatableField("issuer"),
        TranslatableField("summary"),
        SynchronizedField("file", overridable=False),
    ]
    # Wagtail 8's mixins carry the generic relations to revisions and workflow states themselves (deleting a
    # document deletes them); nothing here queries them in reverse, so no related_query_name is declared.
    objects = LiveQuerySet.as_manager()

    search_fields = [
        index.SearchField("number", boost=3),
        index.AutocompleteField("number"),
        index.SearchField("summary"),
        index.SearchField("issuer"),
        index.FilterField("kind"),
        index.FilterField("locale_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("văn bản")
        verbose_name_plural = _("văn bản")
        ordering = ["-issued_on", "number"]
        constraints = [
            models.UniqueConstraint(fields=["locale", "number_key"], name="unique_document_number_per_locale"),
        ]

    def __str__(self):
        return self.citation

    def save(self, *args, **kwargs):
        self.number = document_number(self.number)
        self.number_key = document_number_key(self.number)
        if not self.kind:
            self.kind = DocumentKind.from_number(self.number)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("official_documents:detail", args=[self.pk])

    def get_preview_template(self, request, mode_name):
        return "official_documents/document_detail.html"

    def get_preview_context(self, request, mode_name):
        """The document's public page as it would be, citing pages included (those live now)."""
        from official_documents.citations import citing_pages

        return {**super().get_preview_context(request, mode_name), "document": self, **citing_pages(self)}

    # The site search (search/indexing.py): a published document is found by its number first, then by its
    # citation and summary, in its own language, at its own page.
    search_kind = "document"
    search_kind_label = pgettext_lazy("loại kết quả tìm kiếm", "Văn bản")

    @classmethod
    def search_candidates(cls):
        return cls.objects.live().select_related("locale")

    def search_document(self):
        with translation.override(self.locale.language_code):
            return [("title", str(self.citation)), ("lead", self.summary), ("number", self.number)]

    def search_meta(self):
        if not self.live:
            return None
        with translation.override(self.locale.language_code):
            return {
                "locale_id": self.locale_id,
                "title": str(self.citation),
                "url": self.get_absolute_url(),
                "published": self.issued_on,
            }

    @property
    def citation(self):
        """The way Vietnamese texts cite a document: "Kết luận số 01-KL/TW, ngày 18/5/2021 của Bộ Chính trị"."""
        text = _("%(kind)s số %(number)s") % {"kind": self.get_kind_display(), "number": self.number}
        if self.issued_on:
            text += _(", ngày %(date)s") % {"date": dateformat.format(self.issued_on, "d/n/Y")}
        if self.issuer:
            text += _(" của %(issuer)s") % {"issuer": self.issuer}
        return text

    @property
    def citation_html(self):
        """The citation with its number in a no-wrap span, for pages: "01-KL/TW" never wraps at its hyphen."""
        text, number = conditional_escape(self.citation), conditional_escape(self.number)
        return mark_safe(text.replace(number, number_span(self.number), 1))  # noqa: S308 (both escaped)


def number_span(number):
    """A document number, escaped, in a no-wrap span (site.css `.doc-number`): "01-KL/TW" never wraps as "01-" /
    "KL/TW". A span rather than non-breaking hyphens (U+2011), so that copying the text or searching the page finds
    the number as typed. See also the filter `document_numbers` (templatetags/document_tags.py)."""
    return mark_safe(f'<span class="doc-number">{conditional_escape(number)}</span>')  # noqa: S308 (escaped)


def in_locale(documents, locale_id):
    """The documents as readers of one language cite them: each one's translation into that language where there
    is one, else the document itself (translated pages keep the Vietnamese documents, which are synchronised, not
    translated). One query, whatever the language."""
    if isinstance(documents, models.QuerySet):
        keys = documents.values("translation_key")
    else:  # a page being previewed holds its documents in memory
        keys = [document.translation_key for document in documents]
    return prefer_locale(OfficialDocument.objects.live().filter(translation_key__in=keys), locale_id)

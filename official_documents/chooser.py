"""The chooser of cited documents in the page editor ("Văn bản được dẫn" of articles, "Căn cứ" of campaigns).

Django's default for these many-to-many fields was a bare multiple select of every document in every language:
each document twice (its English translation too), long citations cut off, nothing to search with. This keeps the
data model and shows a list of checkboxes, with the full citation and the summary, only in the page's language
(plus whatever the page already cites), the cited ones first, and a search box that ignores diacritics and
separators ("01 kl tw" finds "01-KL/TW")."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from search.text import document_number_key, fold


class CitedDocumentsWidget(forms.CheckboxSelectMultiple):
    template_name = "official_documents/widgets/cited_documents.html"
    option_template_name = "official_documents/widgets/cited_document_option.html"

    class Media:
        js = ["official_documents/cited-documents.js"]
        css = {"all": ["official_documents/cited-documents.css"]}

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"].update(
            search_label=_("Tìm văn bản theo số, loại, cơ quan ban hành hoặc trích yếu"),
            search_placeholder=_("Ví dụ: 01-KL/TW, kết luận 01, học tập và làm theo Bác"),
            nothing_found=_("Không có văn bản nào khớp."),
            none_available=_("Chưa có văn bản nào bằng ngôn ngữ của trang."),
        )
        return context

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        document = getattr(value, "instance", None)
        if document is not None:
            option["summary"] = document.summary
            option["search_text"] = " ".join(
                [fold(document.citation), fold(document.summary), document_number_key(document.number)]
            )
        return option

    def optgroups(self, name, value, attrs=None):
        # Cited documents first, so that what the page cites is seen without scrolling.
        groups = super().optgroups(name, value, attrs)
        return sorted(groups, key=lambda group: not group[1][0]["selected"])


class CitedDocumentsPanel(FieldPanel):
    """A FieldPanel for a many-to-many field to official documents."""

    def __init__(self, field_name, *args, **kwargs):
        kwargs.setdefault("widget", CitedDocumentsWidget)
        super().__init__(field_name, *args, **kwargs)

    class BoundPanel(FieldPanel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            # Bound without a form when comparing revisions: nothing to choose then.
            field = self.form.fields.get(self.field_name) if self.form is not None else None
            if field is None or self.bound_field is None:
                return
            locale_id = self.instance.locale_id or getattr(getattr(self.form, "parent_page", None), "locale_id", None)
            cited = [int(pk) for pk in self.bound_field.value() or [] if str(pk).isdigit()]
            shown = Q(pk__in=cited)
            if locale_id:
                shown |= Q(locale_id=locale_id)
            field.queryset = field.queryset.model.objects.filter(shown).order_by("-issued_on", "number")

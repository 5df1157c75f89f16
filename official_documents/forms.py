from django import forms
from django.utils.translation import gettext_lazy as _

from official_documents.lookup import matching_ids
from official_documents.models import DocumentKind


class DocumentFilterForm(forms.Form):
    """The document library's filters, as a GET form: every choice is a link that can be shared."""

    q = forms.CharField(
        label=_("Số, ký hiệu hoặc trích yếu"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("Ví dụ: 01-KL/TW, kết luận 01")}),
    )
    kind = forms.ChoiceField(label=_("Loại văn bản"), required=False)
    year = forms.TypedChoiceField(label=_("Năm ban hành"), required=False, coerce=int, empty_value=None)
    issuer = forms.ChoiceField(label=_("Cơ quan ban hành"), required=False)

    def __init__(self, data, documents):
        super().__init__(data)
        everything = [("", _("Tất cả"))]
        kinds = set(documents.values_list("kind", flat=True))
        self.fields["kind"].choices = everything + [choice for choice in DocumentKind.choices if choice[0] in kinds]
        years = documents.filter(issued_on__isnull=False).dates("issued_on", "year", order="DESC")
        self.fields["year"].choices = everything + [(day.year, day.year) for day in years]
        issuers = documents.exclude(issuer="").order_by("issuer").values_list("issuer", flat=True).distinct()
        self.fields["issuer"].choices = everything + [(issuer, issuer) for issuer in issuers]

    def filter(self, documents):
        """The documents that pass every valid filter; an invalid choice (an old link) is shown as an error and
        ignored rather than answered with a 500 or an empty list."""
        self.is_valid()
        data = self.cleaned_data
        if data.get("kind"):
            documents = documents.filter(kind=data["kind"])
        if data.get("year"):
            documents = documents.filter(issued_on__year=data["year"])
        if data.get("issuer"):
            documents = documents.filter(issuer=data["issuer"])
        if data.get("q", "").strip():
            documents = documents.filter(pk__in=matching_ids(documents, data["q"]))
        return documents

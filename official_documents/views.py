from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import F
from django.shortcuts import get_object_or_404, render

from core.translatable import active_locale
from official_documents.citations import citing_pages
from official_documents.forms import DocumentFilterForm
from official_documents.models import DocumentKind, OfficialDocument

NEWEST_FIRST = [F("issued_on").desc(nulls_last=True), "number"]


def document_list(request):
    """The register (Văn bản): newest first, filtered by kind, year, issuer and what the reader types."""
    documents = OfficialDocument.objects.live().filter(locale=active_locale(request))
    form = DocumentFilterForm(request.GET, documents)
    found = form.filter(documents).select_related("file").order_by(*NEWEST_FIRST)
    page = Paginator(found, settings.ARTICLES_PER_PAGE * 2).get_page(request.GET.get("page"))
    filtered = any(request.GET.get(name) for name in form.fields)
    return render(
        request, "official_documents/document_list.html", {"documents": page, "form": form, "filtered": filtered}
    )


def document_detail(request, pk):
    """A published document's page; a document never published is not found (its draft is seen in the admin's
    preview only)."""
    document = get_object_or_404(OfficialDocument.objects.live().select_related("file"), pk=pk)
    context = {"document": document, **citing_pages(document, active_locale(request).pk)}
    return render(request, "official_documents/document_detail.html", context)


def financial_reports(request):
    """Công khai tài chính: the federation's financial reports, by year, newest first, each with its file."""
    reports = OfficialDocument.objects.live().filter(locale=active_locale(request), kind=DocumentKind.BAO_CAO_TAI_CHINH)
    return render(
        request,
        "official_documents/financial_reports.html",
        {"reports": reports.select_related("file").order_by(*NEWEST_FIRST)},
    )

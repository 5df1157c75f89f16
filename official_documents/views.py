from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db.models import F, Q
from django.shortcuts import get_object_or_404, render
from wagtail.models import Page, ReferenceIndex

from articles.models import published_articles
from campaigns.models import CampaignPage
from delivery.content_cache import public_q
from home.translatable import active_locale
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


def pages_citing_in_body(document):
    """The pages whose body cites the document (a "Văn bản được dẫn" block), from Wagtail's reference index."""
    page_type = ContentType.objects.get_for_model(Page)
    ids = ReferenceIndex.get_references_to(document).filter(base_content_type=page_type).values_list("object_id")
    return [int(object_id) for (object_id,) in ids]


def citing_pages(document):
    """The live articles and campaigns that cite the document, for its page (and the page's preview)."""
    cited_in_body = pages_citing_in_body(document)
    articles = published_articles(document.locale_id).filter(Q(documents=document) | Q(pk__in=cited_in_body))
    return {
        "articles": articles.distinct(),
        "campaigns": CampaignPage.objects.live().filter(public_q(), legal_basis=document).order_by("-start_year"),
    }


def document_detail(request, pk):
    """A published document's page; a document never published is not found (its draft is seen in the admin's
    preview only)."""
    document = get_object_or_404(OfficialDocument.objects.live().select_related("file"), pk=pk)
    context = {"document": document, **citing_pages(document)}
    return render(request, "official_documents/document_detail.html", context)


def financial_reports(request):
    """Công khai tài chính: the federation's financial reports, by year, newest first, each with its file."""
    reports = OfficialDocument.objects.live().filter(locale=active_locale(request), kind=DocumentKind.BAO_CAO_TAI_CHINH)
    return render(
        request,
        "official_documents/financial_reports.html",
        {"reports": reports.select_related("file").order_by(*NEWEST_FIRST)},
    )

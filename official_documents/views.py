from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db.models import F, Q
from django.shortcuts import get_object_or_404, render
from wagtail.models import Page, ReferenceIndex

from articles.models import published_articles
from campaigns.models import CampaignPage
from core.translatable import active_locale, prefer_locale
from delivery.content_cache import public_q
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
    """The pages whose body cites the document or one of its translations (a "Văn bản được dẫn" block), from
    Wagtail's reference index."""
    page_type = ContentType.objects.get_for_model(Page)
    translations = OfficialDocument.objects.filter(translation_key=document.translation_key)
    references = ReferenceIndex.get_references_to_in_bulk(translations).filter(base_content_type=page_type)
    return [int(object_id) for object_id in references.values_list("object_id", flat=True)]


def citing_pages(document, locale_id=None):
    """The live articles and campaigns that cite the document, for its page (and the page's preview), each once
    and in the language shown (`locale_id`, by default the document's). Translated pages keep the Vietnamese
    documents they cite (synchronised), so the citing pages are found by the document's translation key, whatever
    version they point to. Articles are those of the language shown, as every list of news is; a campaign is shown
    in its translation into that language, else in Vietnamese (the plan implementing the document is a fact
    about the document, which the reader should see even before it is translated)."""
    locale_id = locale_id or document.locale_id
    cited_in_body = pages_citing_in_body(document)
    cites = Q(documents__translation_key=document.translation_key) | Q(pk__in=cited_in_body)
    campaigns = (
        CampaignPage.objects.live()
        .filter(public_q(), legal_basis__translation_key=document.translation_key)
        .distinct()
        .order_by("-start_year", "pk")
    )
    return {
        "articles": published_articles(locale_id).filter(cites).distinct(),
        "campaigns": prefer_locale(campaigns, locale_id),
    }


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

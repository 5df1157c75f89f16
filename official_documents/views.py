from django.conf import settings
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from wagtail.models import Locale

from articles.models import published_articles
from campaigns.models import CampaignPage
from home.content_cache import public_q
from official_documents.models import OfficialDocument


def document_list(request):
    locale = Locale.get_active()
    documents = OfficialDocument.objects.filter(locale=locale).order_by("-issued_on", "number")
    page = Paginator(documents, settings.ARTICLES_PER_PAGE * 2).get_page(request.GET.get("page"))
    return render(request, "official_documents/document_list.html", {"documents": page})


def document_detail(request, pk):
    document = get_object_or_404(OfficialDocument.objects.select_related("file"), pk=pk)
    context = {
        "document": document,
        "articles": published_articles(document.locale_id).filter(documents=document),
        "campaigns": CampaignPage.objects.live().filter(public_q(), legal_basis=document),
    }
    return render(request, "official_documents/document_detail.html", context)

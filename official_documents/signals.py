"""Articles and campaigns carry the citations of the documents they cite in their search entries
(search/indexing.py), as they were when the page was published. A document's own publication (or unpublication)
refreshes the entries of the live pages citing it, so that "kết luận 01" finds them once the document is public,
and stops finding them by a citation readers can no longer see."""

from django.db.models import Q
from wagtail.signals import published, unpublished


def pages_citing(document):
    from articles.models import ArticlePage
    from campaigns.models import CampaignPage
    from official_documents.views import pages_citing_in_body

    articles = ArticlePage.objects.live().filter(Q(documents=document) | Q(pk__in=pages_citing_in_body(document)))
    return [*articles.distinct(), *CampaignPage.objects.live().filter(legal_basis=document)]


def reindex_citing_pages(sender, instance, **kwargs):
    from search.indexing import index_page

    for page in pages_citing(instance):
        index_page(page)


def connect_signals():
    from official_documents.models import OfficialDocument

    for signal in (published, unpublished):
        signal.connect(reindex_citing_pages, sender=OfficialDocument, dispatch_uid=f"documents-reindex-{id(signal)}")

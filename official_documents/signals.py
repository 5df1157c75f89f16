"""Articles and campaigns carry the citations of the documents they cite in their search entries
(search/indexing.py), as they were when the page was published. A document's own publication (or unpublication)
refreshes the entries of the live pages citing it (the page types that cite documents register in citations.py),
so that "kết luận 01" finds them once the document is public, and stops finding them by a citation readers can no
longer see."""

from wagtail.signals import published, unpublished


def reindex_citing_pages(sender, instance, **kwargs):
    from official_documents.citations import live_pages_citing
    from search.indexing import index_page

    for page in live_pages_citing(instance):
        index_page(page)


def connect_signals():
    from official_documents.models import OfficialDocument

    for signal in (published, unpublished):
        signal.connect(reindex_citing_pages, sender=OfficialDocument, dispatch_uid=f"documents-reindex-{id(signal)}")

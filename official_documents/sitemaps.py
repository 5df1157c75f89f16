from django.contrib.sitemaps import Sitemap
from django.utils import translation

from official_documents.models import OfficialDocument


class DocumentsSitemap(Sitemap):
    """The published documents' pages, each in its own language's URLs (/van-ban/…, /en/van-ban/…)."""

    def items(self):
        return OfficialDocument.objects.live().select_related("locale").order_by("locale_id", "-issued_on", "pk")

    def location(self, document):
        with translation.override(document.locale.language_code):
            return document.get_absolute_url()

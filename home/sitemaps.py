"""sitemap.xml: every live, public page of the site in every language."""

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class PagesSitemap(Sitemap):
    """Wagtail's own sitemap lists the tree under the site's root page, which is one language: with
    wagtail-localize the other languages' home pages are its siblings, so their trees are listed too."""

    def items(self):
        under_a_home = Q()
        for path in self.get_wagtail_site().root_page.get_translations(inclusive=True).values_list("path", flat=True):
            under_a_home |= Q(path__startswith=path)
        return Page.objects.filter(under_a_home).live().public().order_by("path").defer_streamfields().specific()

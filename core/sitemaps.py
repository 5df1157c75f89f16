"""sitemap.xml: every live, public page of the site in every language."""

from collections import defaultdict

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Locale, Page


class PagesSitemap(Sitemap):
    """Wagtail's own sitemap lists the tree under the site's root page, which is one language: with
    wagtail-localize the other languages' home pages are its siblings, so their trees are listed too."""

    def items(self):
        under_a_home = Q()
        for path in self.get_wagtail_site().root_page.get_translations(inclusive=True).values_list("path", flat=True):
            under_a_home |= Q(path__startswith=path)
        return Page.objects.filter(under_a_home).live().public().order_by("path").defer_streamfields().specific()

    def _urls(self, page, protocol, domain):
        """Wagtail's URLs, each with its translations listed as `hreflang` alternates."""
        languages = dict(Locale.objects.values_list("pk", "language_code"))
        urls, versions = [], defaultdict(list)
        for item in self.paginator.page(page).object_list.iterator():
            for url_info in item.get_sitemap_urls(self.request):
                urls.append((item.translation_key, url_info))
                versions[item.translation_key].append(
                    {"lang_code": languages[item.locale_id], "location": url_info["location"]}
                )
        for translation_key, url_info in urls:
            url_info["alternates"] = versions[translation_key] if len(versions[translation_key]) > 1 else []
        last_mods = {url_info.get("lastmod") for _, url_info in urls}
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return [url_info for _, url_info in urls]

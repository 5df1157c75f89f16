from django.http import HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_GET

from core.templatetags.seo_tags import absolute_url


@require_GET
def robots_txt(request):
    """Crawlers may read the public site but not the admin or search results; the sitemap lists the pages."""
    lines = [
        "User-agent: *",
        f"Disallow: {reverse('wagtailadmin_home')}",
        "Disallow: /search/",
        "Disallow: /en/search/",
        f"Sitemap: {absolute_url(request, reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")

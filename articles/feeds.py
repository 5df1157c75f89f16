"""RSS feeds of the newest live, public articles: the whole site and one per section, in the active language."""

import datetime

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Site

from articles.models import ArticleIndexPage, published_articles
from core.translatable import active_locale
from delivery.content_cache import public_q

FEED_LENGTH = 30


class LatestArticlesFeed(Feed):
    """All sections: what a reader's feed reader follows."""

    def get_object(self, request):
        site = Site.find_for_request(request)
        if site is None:
            raise Http404
        locale = active_locale(request)
        home = site.root_page.get_translation_or_none(locale) or site.root_page
        return {"site": site, "page": home, "locale": locale}

    def title(self, obj):
        return obj["site"].site_name or _("Liên đoàn Lao động tỉnh")

    def link(self, obj):
        return obj["page"].full_url

    def description(self, obj):
        return _("Tin bài mới nhất của %(site)s") % {"site": self.title(obj)}

    def items(self, obj):
        return self.articles(obj)[:FEED_LENGTH]

    def articles(self, obj):
        return published_articles(obj["locale"].pk)

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.lead

    def item_link(self, item):
        # The Site's address, as the pages' canonical URLs and the sitemap use, not the request's host.
        return item.full_url

    def item_author_name(self, item):
        return item.byline or None

    def item_pubdate(self, item):
        """The article's date, at the time it was first published when that was the same day (several articles
        of one day keep their order), else at midnight in the site's time zone."""
        first = item.first_published_at and timezone.localtime(item.first_published_at)
        if first and first.date() == item.date:
            return first
        return timezone.make_aware(datetime.datetime.combine(item.date, datetime.time()))

    def item_updateddate(self, item):
        return item.last_published_at


class SectionFeed(LatestArticlesFeed):
    """One section (chuyên mục), found by its slug among the live sections of the active language."""

    def get_object(self, request, slug):
        obj = super().get_object(request)
        section = (
            ArticleIndexPage.objects.live()
            .filter(public_q(), slug=slug, locale=obj["locale"])
            .descendant_of(obj["page"])
            .first()
        )
        if section is None:
            raise Http404
        return {**obj, "page": section}

    def title(self, obj):
        return f"{obj['page'].title} | {super().title(obj)}"

    def description(self, obj):
        return obj["page"].intro or super().description(obj)

    def articles(self, obj):
        return super().articles(obj).child_of(obj["page"])

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q, Subquery, prefetch_related_objects
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable, Page
from wagtail_localize.fields import SynchronizedField

from articles.models import ArticleIndexPage, ArticlePage, card_images, live_translation, published_articles
from campaigns.models import CampaignPage
from core.translatable import PAGE_FIELDS
from delivery.content_cache import ViewRestrictionsFromCache, public_q
from visits.middleware import CountedPageMixin
from visits.stats import most_read_page_ids, week_start

LATEST_COUNT = 6
FEATURED_COUNT = 3
SECTION_COUNT = 4
MOST_READ_COUNT = 5


class HomePage(CountedPageMixin, ViewRestrictionsFromCache, Page):
    """The portal's front page: featured articles, latest news, the current campaign and one block per section."""

    current_campaign = models.ForeignKey(
        "campaigns.CampaignPage",
        verbose_name=_("kế hoạch, phong trào nổi bật"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Để trống để hiển thị kế hoạch mới nhất."),
    )

    content_panels = Page.content_panels + [
        InlinePanel("featured_articles", label=_("Tin nổi bật"), max_num=FEATURED_COUNT),
        FieldPanel("current_campaign"),
    ]
    # The choices of the Vietnamese home page hold for every language: a translation shows the translations of
    # the featured articles and campaign where they are live (see get_context).
    translatable_fields = PAGE_FIELDS + [
        SynchronizedField("featured_articles", overridable=False),
        SynchronizedField("current_campaign", overridable=False),
    ]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "articles.ArticleIndexPage",
        "campaigns.CampaignPage",
        "organisation.IntroductionPage",
        "contact.ContactPage",
        "legal_qa.LegalQAPage",
    ]
    page_description = _("Trang chủ của cổng thông tin.")

    class Meta:
        verbose_name = _("trang chủ")
        verbose_name_plural = _("trang chủ")

    def route(self, request, path_components):
        """The page an address asks for, found by its whole path at once: the page (by its slug, indexed, and its
        URL path) and then its own type, two queries whatever its depth, where Wagtail asks two per level (each
        level's child, then its type). What Wagtail's walk would find: a page's URL path is its ancestors' slugs,
        pages between need not be live, and the page found routes its own last step (a page that is not live
        answers 404). An address that is not a page's path (a page routing arguments itself, a typo) is walked as
        Wagtail does."""
        if not path_components:
            return super().route(request, path_components)
        found = (
            Page.objects.filter(
                slug=path_components[-1],
                depth=self.depth + len(path_components),
                url_path=self.url_path + "/".join(path_components) + "/",
            )
            .values_list("pk", "content_type_id")
            .first()
        )
        model = ContentType.objects.get_for_id(found[1]).model_class() if found else None
        if model is None or not issubclass(model, Page):
            return super().route(request, path_components)
        # A page type may load what it always shows with itself (an article: its photo and campaign).
        queryset = model.serving_queryset() if hasattr(model, "serving_queryset") else model.objects.all()
        try:
            page = queryset.get(pk=found[0])
        except model.DoesNotExist:  # deleted meanwhile
            return super().route(request, path_components)
        return page.route(request, [])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Rendered in parts cached with the content (home_page.html): read only when those are rendered afresh.
        context["listings"] = SimpleLazyObject(self.listings)
        context["week"] = week = week_start(timezone.localdate())
        context["most_read"] = SimpleLazyObject(lambda: self.most_read(published_articles(self.locale_id), week))
        return context

    def listings(self):
        """What the home page lists of the site's content: featured articles (chosen, else the newest with a
        photo), the current campaign, the latest articles and each section's newest."""
        articles = published_articles(self.locale_id)
        chosen = [item.article.translation_key for item in self.featured_articles.select_related("article")]
        featured = {page.translation_key: page for page in articles.filter(translation_key__in=chosen)}
        featured = [featured[key] for key in chosen if key in featured]
        if len(featured) < FEATURED_COUNT:
            featured += list(
                articles.exclude(pk__in=[page.pk for page in featured]).filter(feature_image__isnull=False)[
                    : FEATURED_COUNT - len(featured)
                ]
            )
        latest = list(articles.exclude(pk__in=[page.pk for page in featured])[:LATEST_COUNT])
        prefetch_related_objects(featured + latest, card_images())  # the cards' photos, in one query

        campaign = live_translation(self.current_campaign, self.locale_id)
        if campaign is None or not campaign.live or campaign.locale_id != self.locale_id:
            campaigns = CampaignPage.objects.live().filter(public_q()).child_of(self)
            campaign = campaigns.order_by("-end_year", "-pk").first()

        sections = list(ArticleIndexPage.objects.live().filter(public_q()).child_of(self))
        # Every section's newest in one query, however many sections: each section's few ids by a subquery that
        # reads the date index and stops after SECTION_COUNT, as a query per section would.
        newest = {section.path: [] for section in sections}
        if sections:
            condition = Q()
            for section in sections:
                condition |= Q(pk__in=Subquery(articles.child_of(section).values("pk")[:SECTION_COUNT]))
            for article in articles.filter(condition):  # newest first, as each section lists them
                newest[article.path[: len(self.path) + self.steplen]].append(article)
        return {
            "featured": featured,
            "latest": latest,
            "campaign": campaign,
            "sections": [(section, newest[section.path]) for section in sections],
        }

    def most_read(self, articles, week):
        """The week's most read articles (weeks from Monday, Asia/Ho_Chi_Minh)."""
        ids = most_read_page_ids(ArticlePage, week, limit=MOST_READ_COUNT * 2)
        found = articles.filter(pk__in=ids).in_bulk()
        return [found[pk] for pk in ids if pk in found][:MOST_READ_COUNT]


class HomePageFeaturedArticle(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_articles")
    article = models.ForeignKey(
        "articles.ArticlePage", verbose_name=_("tin bài"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("article")]

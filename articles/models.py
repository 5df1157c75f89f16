from django.conf import settings
from django.core.paginator import Paginator
from django.db import models
from django.db.models import (
    BooleanField,
    Case,
    Count,
    ExpressionWrapper,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Value,
    When,
)
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.text import Truncator
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.images.models import Filter
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from articles.blocks import ArticleBodyBlock
from core.translatable import PAGE_FIELDS
from delivery.content_cache import ViewRestrictionsFromCache, cached, public_q
from official_documents.chooser import CitedDocumentsPanel
from official_documents.citations import pages_citing_in_body
from official_documents.models import in_locale
from search.text import fold
from visits.middleware import CountedPageMixin
from visits.stats import page_views


def published_articles(locale_id):
    """Live, public articles of one language, newest first (the date index), with what a listing shows: not the
    body, which no listing shows and which is most of a row (it is loaded if asked for)."""
    return (
        ArticlePage.objects.live()
        .filter(public_q(), locale_id=locale_id)
        .select_related("feature_image")
        .defer("body")
        .order_by("-date", "-pk")
    )


# The photo of an article card (articles/includes/article_card.html), in every size and format it is offered in.
CARD_IMAGE = "format-{webp,jpeg} fill-{400x250,800x500}"


def card_images():
    """Prefetches the renditions of the cards' photos, for `prefetch_related` on a listing of articles: one query
    for the whole listing, where each photo would otherwise ask the cache for its renditions and write them back."""
    from images.models import CaptionedImageRendition

    specs = Filter.expand_spec(CARD_IMAGE)
    return Prefetch("feature_image__renditions", queryset=CaptionedImageRendition.objects.filter(filter_spec__in=specs))


def live_translation(page, locale_id):
    """The live translation of a page into a language, else the page itself: translated pages keep the
    Vietnamese pages they point to (campaign, featured articles), which are synchronised, not translated."""
    if page is None or page.locale_id == locale_id:
        return page
    return page.get_translations().live().filter(locale_id=locale_id).first() or page


class ArticleIndexPage(CountedPageMixin, ViewRestrictionsFromCache, Page):
    """A section (chuyên mục), e.g. "Tin hoạt động": its articles, newest first, paginated."""

    intro = models.TextField(_("giới thiệu"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    translatable_fields = PAGE_FIELDS + [
        TranslatableField("intro"),
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["articles.ArticlePage"]
    page_description = _("Chuyên mục tin bài, ví dụ “Tin hoạt động”.")

    class Meta:
        verbose_name = _("chuyên mục")
        verbose_name_plural = _("chuyên mục")

    def route(self, request, path_components):
        """A section's children are articles: the one asked for is read as an article at once, in one query
        instead of Wagtail's two (the page, then its specific type)."""
        if path_components:
            try:
                article = ArticlePage.serving_queryset().child_of(self).get(slug=path_components[0])
            except ArticlePage.DoesNotExist:
                return super().route(request, path_components)
            article._cached_parent_obj = self  # as Wagtail does: get_parent() costs no query
            return article.route(request, path_components[1:])
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        articles = published_articles(self.locale_id).child_of(self).prefetch_related(card_images())
        paginator = Paginator(articles, settings.ARTICLES_PER_PAGE)
        # Rendered in a part cached with the content (article_index_page.html): read only when that is rendered.
        context["articles"] = SimpleLazyObject(lambda: paginator.get_page(request.GET.get("page")))
        return context


class ArticlePageTag(TaggedItemBase):
    content_object = ParentalKey("articles.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items")


class ArticlePage(CountedPageMixin, ViewRestrictionsFromCache, Page):
    """A news article: title, lead (sapo), body, date, byline and source unit, tags, cited documents."""

    lead = models.TextField(_("sapo"), help_text=_("Một hai câu tóm tắt, hiển thị in đậm dưới tiêu đề."))
    body = StreamField(ArticleBodyBlock(), verbose_name=_("nội dung"))
    date = models.DateField(_("ngày đăng"), default=timezone.localdate)
    author = models.CharField(_("tác giả"), max_length=255, blank=True, help_text=_("Ví dụ: Tiến Sỹ"))
    source_unit = models.CharField(_("đơn vị"), max_length=255, blank=True, help_text=_("Ví dụ: LĐLĐ tỉnh"))
    feature_image = models.ForeignKey(
        "images.CaptionedImage",
        verbose_name=_("ảnh đại diện"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    tags = ClusterTaggableManager(through=ArticlePageTag, blank=True, verbose_name=_("từ khóa"))
    documents = ParentalManyToManyField(
        "official_documents.OfficialDocument",
        blank=True,
        related_name="articles",
        verbose_name=_("văn bản được dẫn"),
    )
    campaign = models.ForeignKey(
        "campaigns.CampaignPage",
        verbose_name=_("thuộc kế hoạch / phong trào"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
    )
    imported_views = models.PositiveIntegerField(
        _("lượt xem từ cổng cũ"), default=0, editable=False, help_text=_("Cộng thêm vào số lượt xem đếm được.")
    )

    content_panels = Page.content_panels + [
        FieldPanel("lead"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("date"), FieldPanel("author"), FieldPanel("source_unit")],
            heading=_("Ngày đăng và tác giả"),
        ),
        FieldPanel("feature_image"),
        FieldPanel("tags"),
        CitedDocumentsPanel("documents"),
        FieldPanel("campaign"),
    ]
    # wagtail-localize: the text is translated (the body block by block: paragraphs, headings, quotes, captions,
    # credits and alt texts, notes); the date, the byline's name, photos, tags, cited documents and campaign stay
    # synchronised with the Vietnamese article.
    translatable_fields = PAGE_FIELDS + [
        TranslatableField("lead"),
        TranslatableField("body"),
        SynchronizedField("date", overridable=False),
        SynchronizedField("author", overridable=False),
        TranslatableField("source_unit"),
        SynchronizedField("feature_image", overridable=False),
        SynchronizedField("tagged_items", overridable=False),
        SynchronizedField("documents", overridable=False),
        SynchronizedField("campaign", overridable=False),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("lead", boost=2),
        index.SearchField("body"),
        index.SearchField("author"),
        index.SearchField("source_unit"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("date"),
        # Folded copy (no marks, đ as d) so that queries typed without diacritics find accented text.
        index.SearchField("folded_text"),
    ]
    parent_page_types = ["articles.ArticleIndexPage"]
    subpage_types = []
    page_description = _("Một tin, bài trong chuyên mục.")

    class Meta:
        verbose_name = _("tin bài")
        verbose_name_plural = _("tin bài")
        # Listings are newest first (published_articles): with this index the newest articles are read in order
        # and the query stops after the few shown, instead of sorting every article.
        indexes = [models.Index(fields=["-date", "-page_ptr"], name="article_newest_first")]

    @classmethod
    def serving_queryset(cls):
        """How an article is loaded to be served (home/models.py, HomePage.route): with its photo and its campaign
        (title and address, not its plan), which every article page shows, in the same query."""
        return cls.objects.select_related("feature_image", "campaign").defer("campaign__years", "campaign__summary")

    @property
    def byline(self):
        """ "Tiến Sỹ - LĐLĐ tỉnh", as the portal signs its articles."""
        return " - ".join(part for part in (self.author, self.source_unit) if part)

    # The site search (search/indexing.py): how a result is labelled.
    search_kind = "article"
    search_kind_label = pgettext_lazy("loại kết quả tìm kiếm", "Tin bài")

    def search_document(self):
        """What readers look for, by field (see search/indexing.py): title, lead, body, and the rest
        (captions and photo credits, byline, tags, cited documents)."""
        document = [("title", self.title), ("lead", self.lead)]
        for block in self.body:
            if block.block_type == "image":
                image = block.value["image"]
                document += [("other", block.value["caption"]), ("other", block.value["credit"])]
                if image is not None:
                    document += [("other", image.caption), ("other", image.credit)]
            elif block.block_type == "document":
                if block.value["document"] is not None and block.value["document"].live:  # drafts unsearchable
                    document.append(("other", block.value["document"].citation))
            else:
                document += [("body", text) for text in block.block.get_searchable_content(block.value)]
        document += [("other", self.author), ("other", self.source_unit)]
        document += [("other", tag.name) for tag in self.tags.all()]
        document += [("other", cited.citation) for cited in self.documents.all() if cited.live]
        return [(field, text) for field, text in document if text]

    def folded_text(self):
        """The search document without diacritics, for Wagtail's own index (the admin's search)."""
        return fold(" ".join(text for field, text in self.search_document()))

    @property
    def show_feature_image(self):
        """The feature image heads the article only when the body has no photo of its own; it always
        illustrates the article in listings."""
        return self.feature_image_id and not any(block.block_type == "image" for block in self.body)

    @property
    def share_image(self):
        """The photo that stands for the article on social networks and in structured data: the body's first,
        already loaded to render the body, else the feature image."""
        for block in self.body:
            if block.block_type == "image" and block.value["image"] is not None:
                return block.value["image"]
        return self.feature_image if self.feature_image_id else None

    @property
    def eager_image_block(self):
        """The id of the body's photo that is in the first screen (no feature image above it, among the first
        blocks): loaded at once, with priority, while every other photo is loaded lazily."""
        if self.show_feature_image:
            return None
        for position, block in enumerate(self.body):
            if block.block_type == "image":
                return block.id if position < 3 else None
        return None

    def structured_data(self, url, image_url=None):
        """schema.org NewsArticle, the fields search engines require for news: headline, dates, author, image."""
        data = {
            "@type": "NewsArticle",
            "mainEntityOfPage": url,
            "url": url,
            "headline": Truncator(self.title).chars(110),
            "description": self.lead,
            "datePublished": self.date.isoformat(),
            "dateModified": (self.last_published_at.isoformat() if self.last_published_at else self.date.isoformat()),
            "inLanguage": get_language(),
            "author": [{"@type": "Person", "name": self.author}]
            if self.author
            else [{"@type": "Organization", "name": self.source_unit or settings.WAGTAIL_SITE_NAME}],
            "publisher": {"@type": "Organization", "name": settings.WAGTAIL_SITE_NAME},
        }
        if self.source_unit and self.author:
            data["sourceOrganization"] = {"@type": "Organization", "name": self.source_unit}
        if image_url:
            data["image"] = [image_url]
        return data

    def campaign_link(self):
        """The campaign in the article's language where it is translated, cached with the site's content."""
        if self.campaign_id is None:
            return None

        def compute():
            campaign = live_translation(self.campaign, self.locale_id)  # loaded with the article when served
            return {"title": campaign.title, "url": campaign.url}

        return cached("campaign-link", self.campaign_id, self.locale_id, compute=compute)

    def articles_around(self, tags, limit=4):
        """{"adjacent": the previous (older) and next (newer) article of the same section, by date; "related":
        articles sharing the most tags, then those of the same section, newest first}: titles, URLs and dates,
        cached with the site's content, in one query. Each neighbour is found by a subquery reading the date index;
        only the articles sharing a tag are grouped, by id alone, in a subquery keeping `limit` (with 10,000
        articles, grouping every article of the section with the others took 50 ms); the newest of the section
        are asked for only when fewer than `limit` share one. Empty in previews of new pages."""
        if self.pk is None or not self.path:
            return {"adjacent": {}, "related": []}
        section_path = self.path[: -self.steplen]
        tag_ids = sorted(tag.pk for tag in tags)

        def compute():
            articles = published_articles(self.locale_id)
            siblings = articles.filter(path__startswith=section_path, depth=self.depth)
            older = siblings.filter(Q(date__lt=self.date) | Q(date=self.date, pk__lt=self.pk))[:1]
            newer = siblings.filter(Q(date__gt=self.date) | Q(date=self.date, pk__gt=self.pk)).reverse()[:1]
            is_older, is_newer = Q(pk=Subquery(older.values("pk"))), Q(pk=Subquery(newer.values("pk")))
            same_section = Case(
                When(path__startswith=section_path, depth=self.depth, then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            )
            order = ("-shared_tags", "-same_section", "-date", "-pk")
            wanted, flags = is_older | is_newer, {}
            if tag_ids:
                ranked = (
                    articles.exclude(pk=self.pk)
                    .filter(tagged_items__tag__in=tag_ids)
                    .values("pk")
                    .annotate(shared_tags=Count("tagged_items__tag", distinct=True), same_section=same_section)
                    .order_by(*order)
                    .values("pk")[:limit]
                )
                is_related = Q(pk__in=ranked)
                wanted |= is_related
                # Each of the few articles kept counts its shared tags again, to be put in the ranking's order.
                flags["shared_tags"] = Subquery(
                    ArticlePageTag.objects.filter(content_object=OuterRef("pk"), tag__in=tag_ids)
                    .order_by()
                    .values("content_object")
                    .annotate(count=Count("tag", distinct=True))
                    .values("count")
                )
                flags["is_related"] = ExpressionWrapper(is_related, output_field=BooleanField())
            found = list(
                articles.filter(wanted).annotate(
                    is_older=ExpressionWrapper(is_older, output_field=BooleanField()),
                    is_newer=ExpressionWrapper(is_newer, output_field=BooleanField()),
                    same_section=same_section,
                    **flags,
                )
            )
            adjacent = {
                name: next(({"title": a.title, "url": a.url} for a in found if getattr(a, flag)), None)
                for name, flag in (("previous", "is_older"), ("next", "is_newer"))
            }
            related = sorted(
                (article for article in found if getattr(article, "is_related", False)),
                key=lambda article: (article.shared_tags or 0, article.same_section, article.date, article.pk),
                reverse=True,
            )
            if len(related) < limit:  # every article sharing a tag is in already
                in_section = siblings.exclude(pk__in=[self.pk, *(article.pk for article in related)])
                related += list(in_section[: limit - len(related)])
            return {
                "adjacent": adjacent,
                "related": [{"title": a.title, "url": a.url, "date": a.date} for a in related],
            }

        return cached("articles-around", self.pk, self.path, *tag_ids, compute=compute)

    def cited_documents(self):
        """The official documents the article cites, in its language where translated (rendered with the
        article's text, so asked for only when that is rendered afresh)."""
        return in_locale(self.documents.all(), self.locale_id)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Its tags change only when it is republished, which changes the content version.
        context["tags"] = tags = cached("article-tags", self.pk, compute=lambda: list(self.tags.all()))
        # Tags are taggit's, one set shared by an article and its translations (synchronised: wagtail-localize
        # cannot translate them), written in Vietnamese: shown, and linked to their pages, on Vietnamese pages
        # only. A translation keeps them for "Tin liên quan".
        context["shown_tags"] = tags if get_language() == settings.LANGUAGE_CODE else []
        around = self.articles_around(tags)
        context["related_articles"] = around["related"]
        context["views"] = page_views(self)
        context["adjacent"] = around["adjacent"]
        context["campaign"] = self.campaign_link()
        return context


# The articles citing an official document (official_documents/citations.py, registered in apps.py).
def live_articles_citing(document):
    """The live articles citing this version of the document, in a field or in the body (its search entries)."""
    cites = Q(documents=document) | Q(pk__in=pages_citing_in_body(document))
    return ArticlePage.objects.live().filter(cites).distinct()


def articles_citing(document, locale_id):
    """For the document's page: the public articles of the language shown, as every list of news is, that cite the
    document or a translation of it. Translated pages keep the Vietnamese documents they cite (synchronised), so
    they are found by the document's translation key, whatever version they point to."""
    cites = Q(documents__translation_key=document.translation_key) | Q(pk__in=pages_citing_in_body(document))
    return published_articles(locale_id).filter(cites).distinct()

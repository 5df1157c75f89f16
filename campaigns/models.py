from collections import defaultdict

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.blocks import StreamBlockValidationError, StructBlockValidationError
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from articles.models import published_articles
from campaigns.blocks import CampaignYearsBlock
from core.translatable import PAGE_FIELDS, prefer_locale
from delivery.content_cache import ViewRestrictionsFromCache, public_q
from official_documents.chooser import CitedDocumentsPanel
from official_documents.models import in_locale
from visits.middleware import CountedPageMixin


def year_errors(years, start_year, end_year):
    """Vietnamese messages, by block position, for years outside the plan's period, repeated or out of order."""
    errors = {}
    seen = set()
    previous = None
    for position, year in enumerate(years):
        if year is None:
            continue
        if start_year and end_year and not start_year <= year <= end_year:
            message = _("Năm %(year)s nằm ngoài giai đoạn %(start)s-%(end)s của kế hoạch.") % {
                "year": year,
                "start": start_year,
                "end": end_year,
            }
        elif year in seen:
            message = _("Năm %(year)s đã có ở một khối khác; mỗi năm chỉ một khối.") % {"year": year}
        elif previous is not None and year < previous:
            message = _("Các năm phải theo thứ tự tăng dần: năm %(year)s đứng sau năm %(previous)s.") % {
                "year": year,
                "previous": previous,
            }
        else:
            message = None
        if message:
            errors[position] = StructBlockValidationError(block_errors={"year": ValidationError(message)})
        seen.add(year)
        previous = year if previous is None else max(previous, year)
    return errors


class CampaignPage(CountedPageMixin, ViewRestrictionsFromCache, Page):
    """A multi-year plan or movement (kế hoạch, phong trào), e.g. "Học tập và làm theo Bác giai đoạn 2021-2025",
    with one block per year."""

    start_year = models.PositiveSmallIntegerField(_("từ năm"))
    end_year = models.PositiveSmallIntegerField(_("đến năm"))
    summary = RichTextField(_("tóm tắt"), blank=True, features=["bold", "italic", "link", "ol", "ul"])
    legal_basis = ParentalManyToManyField(
        "official_documents.OfficialDocument",
        blank=True,
        related_name="campaigns",
        verbose_name=_("căn cứ (văn bản thực hiện)"),
    )
    years = StreamField(CampaignYearsBlock(), blank=True, verbose_name=_("các năm"))

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("start_year"), FieldPanel("end_year")], heading=_("Giai đoạn")),
        CitedDocumentsPanel("legal_basis"),
        FieldPanel("summary"),
        FieldPanel("years"),
    ]
    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("years")]
    # wagtail-localize: the text is translated, year by year (theme, activities, milestone titles, review and
    # deadline); the period, the years, the milestone dates, the kind of review and the legal basis stay
    # synchronised with the Vietnamese plan.
    translatable_fields = PAGE_FIELDS + [
        SynchronizedField("start_year", overridable=False),
        SynchronizedField("end_year", overridable=False),
        SynchronizedField("legal_basis", overridable=False),
        TranslatableField("summary"),
        TranslatableField("years"),
    ]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    page_description = _("Kế hoạch nhiều năm, mỗi năm một khối: trọng tâm, hoạt động, ngày kỷ niệm, sơ kết.")

    class Meta:
        verbose_name = _("kế hoạch, phong trào")
        verbose_name_plural = _("kế hoạch, phong trào")

    @property
    def period(self):
        return f"{self.start_year}-{self.end_year}"

    def clean(self):
        super().clean()
        if self.start_year and self.end_year and self.start_year > self.end_year:
            raise ValidationError({"end_year": _("Năm kết thúc phải bằng hoặc sau năm bắt đầu.")})
        errors = year_errors([block.value["year"] for block in self.years], self.start_year, self.end_year)
        if errors:
            raise ValidationError({"years": StreamBlockValidationError(block_errors=errors)})

    # The site search (search/indexing.py): labelled as a plan, dated by its period, not by its first publication.
    search_kind = "campaign"
    search_kind_label = pgettext_lazy("loại kết quả tìm kiếm", "Kế hoạch")

    def search_meta(self):
        return {"published": None, "period": self.period}

    def search_document(self):
        """What readers look for (see search/indexing.py): title, summary, every year's text, legal basis."""
        document = [("title", self.title), ("lead", strip_tags(self.summary))]
        for block in self.years:
            year = block.value
            document += [("body", year["theme"]), *(("body", activity) for activity in year["activities"])]
            document += [("body", milestone["title"]) for milestone in year["milestones"]]
            document.append(("body", year["review"]["description"]))
        document += [("other", cited.citation) for cited in self.legal_basis.all() if cited.live]
        return [(field, text) for field, text in document if text]

    def timeline(self):
        """The year blocks with, for each, whether it is the current year and the campaign's articles of that
        year; articles of years without a block come last."""
        by_year = defaultdict(list)
        # A translated article keeps the Vietnamese plan as its campaign (synchronised), hence the translation key.
        for article in published_articles(self.locale_id).filter(campaign__translation_key=self.translation_key):
            by_year[article.date.year].append(article)
        current = timezone.localdate().year
        entries = []
        for block in self.years:
            year = block.value["year"]
            entries.append(
                {
                    "block": block,
                    "year": year,
                    "is_current": year == current,
                    "is_past": year < current,
                    "articles": by_year.pop(year, []),
                }
            )
        other_articles = [article for year in sorted(by_year, reverse=True) for article in by_year[year]]
        return entries, other_articles

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Rendered in a part cached with the content and the date (campaign_page.html): read only when rendered.
        timeline = SimpleLazyObject(self.timeline)
        context["timeline"] = SimpleLazyObject(lambda: timeline[0])
        context["other_articles"] = SimpleLazyObject(lambda: timeline[1])
        context["legal_basis"] = SimpleLazyObject(lambda: in_locale(self.legal_basis.all(), self.locale_id))
        return context


# The campaigns citing an official document as their legal basis (official_documents/citations.py, registered in
# apps.py).
def live_campaigns_citing(document):
    return CampaignPage.objects.live().filter(legal_basis=document)


def campaigns_citing(document, locale_id):
    """For the document's page: each public campaign citing the document (any version), in its translation into the
    language shown, else in Vietnamese (the plan implementing the document is a fact about the document, which the
    reader should see even before it is translated)."""
    campaigns = (
        CampaignPage.objects.live()
        .filter(public_q(), legal_basis__translation_key=document.translation_key)
        .distinct()
        .order_by("-start_year", "pk")
    )
    return prefer_locale(campaigns, locale_id)

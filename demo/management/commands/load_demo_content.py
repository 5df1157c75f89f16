"""Demo content for a fresh install: the real article of the old portal, its campaign and documents, and a
dozen articles of our own (demo/content/articles.jsonl, loaded through the importer). Safe to run again: what
exists is left as it is (an editor may have changed it) and nothing is duplicated."""

import datetime
import html
import json
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext as _
from wagtail.models import Locale, Site
from wagtail.rich_text import RichText
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from articles.importer import ArticleImporter, placeholder_image
from articles.models import ArticlePage
from campaigns.models import CampaignPage
from demo import contact as contact_demo
from demo import legal_qa as legal_qa_demo
from demo import official_documents as official_documents_demo
from demo import organisation as organisation_demo
from editorial import roles
from home.models import HomePageFeaturedArticle
from official_documents.models import OfficialDocument
from search.text import document_number_key
from visits.models import VisitStatisticsSettings

DEMO_DIR = Path(__file__).resolve().parent.parent.parent / "content"
SECTIONS = ["Tin hoạt động", "Học tập và làm theo Bác", "Chính sách - Pháp luật", "Đời sống công nhân"]
# Imported articles translated into English too (with their sections), so that the English side has featured
# articles, latest news and section blocks: three with photos (the featured block), two without. One cites a
# document the demo leaves in Vietnamese (45/2019/QH14), shown in Vietnamese on the English page.
ENGLISH_ARTICLES = [
    "phat-dong-thang-cong-nhan-2025",
    "hoi-nghi-ban-chap-hanh-lien-doan-lao-dong-tinh-6-thang-2025",
    "chao-mung-135-nam-ngay-sinh-chu-tich-ho-chi-minh",
    "tu-van-phap-luat-mien-phi-cho-doan-vien-bao-thang",
    "tet-sum-vay-2025",
]
# The old portal's count of visits ("Tất cả: 255,412" in the seed), carried on by the new one's "Tất cả".
OLD_PORTAL_TOTAL_VISITS = 255_412
# Development only (DEBUG): (username, password, group or None for a superuser).
DEV_ACCOUNTS = [
    ("admin", "admin-demo-2025", None),
    ("bientapvien", "bientap-demo-2025", roles.EDITORS),
    ("nguoiduyet", "duyet-demo-2025", roles.APPROVERS),
    # A second approver: nobody approves their own submission (docs/workflow.md).
    ("nguoiduyet2", "duyet2-demo-2025", roles.APPROVERS),
    ("tiepnhan", "tiepnhan-demo-2025", roles.READER_MESSAGES),
]


class Command(BaseCommand):
    help = _("Nạp nội dung mẫu: bài viết gốc, kế hoạch 2021-2025, văn bản và các tin bài mẫu.")

    def handle(self, *args, **options):
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if site is None:
            raise CommandError(_("Chưa có site mặc định: hãy chạy “python manage.py migrate” trước."))
        seed = json.loads((DEMO_DIR / "seed.json").read_text(encoding="utf-8"))
        home = site.root_page.specific

        with transaction.atomic():
            importer = ArticleImporter(home, publish=True)
            for title in SECTIONS:
                importer.section_named(title)
            documents = {item["number"]: self.document(home, item) for item in seed["documents"]}
            official_documents_demo.load(home)
            campaign = self.campaign(home, seed["campaign"], documents)
            article = self.seed_article(importer, seed["article"], documents, campaign)

        lines = (DEMO_DIR / "articles.jsonl").read_text(encoding="utf-8").splitlines()
        for line in lines:
            if line.strip():
                importer.import_line(line)
        self.link_campaign_articles(importer, seed["campaign"], campaign)
        self.feature(home, article, campaign)
        with transaction.atomic():
            about = [*organisation_demo.load(home), contact_demo.load(home), legal_qa_demo.load(home)]
        self.visit_history(site)
        organisation_demo.identity(site)
        self.english(home, documents, campaign, article, about)

        self.stdout.write(
            self.style.SUCCESS(
                _("Đã nạp nội dung mẫu: %(count)s tin bài, kế hoạch “%(campaign)s”.")
                % {"count": ArticlePage.objects.live().count(), "campaign": campaign.title}
            )
        )
        if settings.DEBUG:
            self.development_accounts()

    def document(self, home, item):
        document = OfficialDocument.objects.filter(
            locale=home.locale, number_key=document_number_key(item["number"])
        ).first()
        if document is None:
            document = OfficialDocument(locale=home.locale, number=item["number"])
        if not document.issued_on:  # fill in what the importer could not know; keep editors' changes
            document.kind = item["kind"]
            document.issued_on = datetime.date.fromisoformat(item["issued_on"])
            document.issuer = item["issuer"]
            document.summary = item["summary"]
            document.save()
        return document

    def campaign(self, home, data, documents):
        campaign = CampaignPage.objects.child_of(home).filter(slug=data["slug"]).first()
        if campaign:
            return campaign
        campaign = CampaignPage(
            title=data["title"],
            slug=data["slug"],
            start_year=data["start_year"],
            end_year=data["end_year"],
            summary=data["summary"],
            years=[("year", self.year_value(year)) for year in data["years"]],
        )
        campaign.legal_basis = [documents[number] for number in data["legal_basis"]]
        home.add_child(instance=campaign)
        campaign.save_revision().publish()
        return campaign

    @staticmethod
    def year_value(year):
        return {
            "year": year["year"],
            "theme": year["theme"],
            "activities": year["activities"],
            "milestones": [
                {"date": datetime.date.fromisoformat(item["date"]), "title": item["title"]}
                for item in year["milestones"]
            ],
            "review": year["review"],
        }

    def seed_article(self, importer, data, documents, campaign):
        section = importer.section_named(data["section"])
        article = ArticlePage.objects.child_of(section).filter(slug=data["slug"]).first()
        if article:
            return article
        body = []
        for block in data["body"]:
            if block["type"] == "image":
                image = placeholder_image(block["caption"], block["credit"])
                image.contextual_alt_text = block["caption"]
                image.decorative = False
                body.append(("image", {"image": image, "caption": "", "credit": ""}))
            else:
                body.append(("paragraph", RichText(f"<p>{escape(block['text'])}</p>")))
        date = datetime.date.fromisoformat(data["date"])
        article = ArticlePage(
            title=data["title"],
            slug=data["slug"],
            lead=data["lead"],
            body=body,
            date=date,
            author=data["author"],
            source_unit=data["source"],
            imported_views=data["view_count"],
            campaign=campaign,
            feature_image=next((value["image"] for kind, value in body if kind == "image"), None),
            first_published_at=timezone.make_aware(datetime.datetime.combine(date, datetime.time(8, 0))),
        )
        article.tags.set(data["tags"])
        article.documents = [documents[number] for number in data["documents"]]
        section.add_child(instance=article)
        article.save_revision().publish()
        return article

    @staticmethod
    def link_campaign_articles(importer, data, campaign):
        """Demo articles of the campaign's section and period belong to the campaign."""
        section = importer.section_named(data["section"])
        for article in ArticlePage.objects.child_of(section).filter(
            campaign__isnull=True, date__year__gte=data["start_year"], date__year__lte=data["end_year"]
        ):
            article.campaign = campaign
            article.save_revision().publish()

    @staticmethod
    def feature(home, article, campaign):
        if home.current_campaign_id and home.featured_articles.exists():
            return
        home.current_campaign = campaign
        home.featured_articles = [HomePageFeaturedArticle(article=article)]
        home.save_revision().publish()

    def english(self, home, documents, campaign, article, about):
        """The seed article, its section and campaign, the home page, the documents they cite, the financial
        report, five more articles and their sections (ENGLISH_ARTICLES), and the organisation's pages (about,
        structure, leadership, contact, legal Q&A) with its units, officials and links in English, translated
        with wagtail-localize as a translator does (demo/content/translations-en.json holds the English of each
        Vietnamese string), so they stay synchronised with the Vietnamese pages; published, as the rest of the
        demo."""
        locale = Locale.objects.filter(language_code="en").first()
        if locale is None:
            return
        strings = json.loads((DEMO_DIR / "translations-en.json").read_text(encoding="utf-8"))
        strings = {normalise(vietnamese): english for vietnamese, english in strings.items()}
        for document in documents.values():
            self.translate(document, locale, strings)
        # The English home page exists from the start (migration home/0003); it becomes a synced translation.
        self.translate(home, locale, strings, take_over=True)
        self.translate(article.get_parent().specific, locale, strings)
        self.translate(campaign, locale, strings)
        self.translate(article, locale, strings)
        for report in official_documents_demo.documents(home):
            self.translate(report, locale, strings)
        for imported in ArticlePage.objects.descendant_of(home).filter(slug__in=ENGLISH_ARTICLES).order_by("pk"):
            self.translate(imported.get_parent().specific, locale, strings)
            self.translate(imported, locale, strings)
        for snippet in organisation_demo.snippets():  # units, officials and links, shown on the pages below
            self.translate(snippet, locale, strings)
        for page in about:  # the organisation, its contacts and the legal Q&A, parents first
            self.translate(page, locale, strings)

    @staticmethod
    @transaction.atomic
    def translate(instance, locale, strings, take_over=False):
        """Translate through wagtail-localize's own objects: the source, the translation, a string translation
        per segment, then the target saved and published. An object already translated is left as it is.
        One transaction each: wagtail-localize publishes a page when its transaction commits, from the page as
        it was saved, so a parent must be published before children are added under it."""
        if Translation.objects.filter(source__object_id=instance.translation_key, target_locale=locale).exists():
            return
        if instance.has_translation(locale) and not take_over:
            return
        source, _created = TranslationSource.update_or_create_from_instance(instance)
        translation = Translation.objects.create(source=source, target_locale=locale, enabled=True)
        for segment in source.stringsegment_set.select_related("string", "context"):
            english = strings.get(normalise(segment.string.data))
            if english:
                StringTranslation.objects.get_or_create(
                    translation_of=segment.string,
                    locale=locale,
                    context=segment.context,
                    defaults={"data": escape(english), "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL},
                )
        translation.save_target(publish=True)

    @staticmethod
    def visit_history(site):
        """The old portal's total ("Tất cả: 255,412" in the seed), so that the figure carries on."""
        statistics = VisitStatisticsSettings.for_site(site)
        if not statistics.initial_total:
            statistics.initial_total = OLD_PORTAL_TOTAL_VISITS
            statistics.save()

    def development_accounts(self):
        user_model = get_user_model()
        for username, password, group in DEV_ACCOUNTS:
            user = user_model.objects.filter(username=username).first()
            if user is None:
                email = f"{username}@example.invalid"
                if group is None:
                    user = user_model.objects.create_superuser(username, email, password)
                else:
                    user = user_model.objects.create_user(username, email, password)
                    user.groups.add(Group.objects.get(name=group))
            self.stdout.write(
                _("Tài khoản thử (chỉ khi phát triển) %(role)s: %(username)s / %(password)s tại /admin/")
                % {"role": group or _("Quản trị"), "username": username, "password": password}
            )


def normalise(text):
    """A string as wagtail-localize stores it (HTML) and as the demo file spells it compare equal."""
    return " ".join(html.unescape(text).split())

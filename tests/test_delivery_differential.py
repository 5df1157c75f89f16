"""The delivery layer is an optimisation, never a source of truth (docs/delivery.md): after any sequence of what
editors, approvers, translators and administrators do, an anonymous reader gets from warm caches exactly what a
fresh render with every cache off gives.

A Hypothesis state machine applies random sequences of editorial actions through Wagtail's own APIs and admin views
(drafts, previews and the admin's draft, revision and comparison views, publishing, scheduling, unpublishing,
moving, renaming, deleting, copying, reverting, tags and dates, links between pages, view restrictions in both
languages, translations, official documents, units, officials, links, photos, settings, abbreviations, legal
answers). After every action it reads a set of addresses covering every kind of public page twice: through warm
caches (one long-lived client: the page cache's process memory, the parts of pages, the cached data and the route
table all in play) and with every cache off; status, redirect target and body must be the same, view counts and
CSRF tokens aside (the statistics box is the same: its figures are cached for the test, tests/conftest.py).

Bounded for CI: FUZZ_SCALE=5 (or more) runs longer sequences, more of them."""

import datetime
import json
import os
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.core.management import call_command
from django.db import transaction
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule, run_state_machine_as_test
from wagtail.models import Locale, Page, PageViewRestriction, Site

from articles.models import ArticleIndexPage, ArticlePage
from delivery import content_cache
from images.models import CaptionedImage
from legal_qa.models import LegalQuestion, Status
from official_documents.models import OfficialDocument
from organisation.models import Official, RelatedLink, Unit
from search.models import Abbreviation
from visits.models import VisitStatisticsSettings

SCALE = max(1, int(os.environ.get("FUZZ_SCALE", "1")))
CACHES_ON = {"PAGE_CACHE_SECONDS": 60, "FRAGMENT_CACHE_SECONDS": 300, "CONTENT_CACHE_SECONDS": 300}
CACHES_OFF = {"PAGE_CACHE_SECONDS": 0, "FRAGMENT_CACHE_SECONDS": 0, "CONTENT_CACHE_SECONDS": 0}

# What may differ between two renders of the same content: the CSRF token of a form, the view count of a page.
VOLATILE = [
    (re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"'), 'name="csrfmiddlewaretoken" value=""'),
    (re.compile(r'<span class="meta__views">.*?</span>', re.S), '<span class="meta__views"></span>'),
]


def comparable(response):
    body = response.content.decode("utf-8", errors="replace")
    for pattern, replacement in VOLATILE:
        body = pattern.sub(replacement, body)
    return response.status_code, response.get("Location"), body


def public_addresses(remembered):
    """Every kind of public page, as the content now stands, and every address an earlier step showed (a page
    since renamed, moved, unpublished or deleted must answer as a fresh render does)."""
    pages = Page.objects.live().filter(depth__gt=1).order_by("path").specific()
    addresses = {"/", "/en/", "/khong-co-trang-nay/", "/en/khong-co-trang-nay/", "/robots.txt", "/sitemap.xml"}
    articles_seen = 0
    for page in pages:
        url = page.url
        if not url:
            continue
        if isinstance(page, ArticlePage):
            articles_seen += 1
            if articles_seen > 12 and page.pk not in remembered["pages"]:
                continue
        addresses.add(url)
        if isinstance(page, ArticleIndexPage):
            addresses |= {f"{url}?page=2", f"{url}?x=123", f"/rss/{page.slug}/"}
    for pk in remembered["pages"]:
        page = Page.objects.filter(pk=pk).first()
        if page is not None and page.url:
            addresses.add(page.url)
    addresses |= remembered["urls"]
    addresses |= {f"/tu-khoa/{slug}/" for slug in remembered["tags"] | {"cong-doan"}}
    documents = list(OfficialDocument.objects.order_by("pk").values_list("pk", flat=True)[:3])
    addresses |= {"/van-ban/", "/en/van-ban/", "/van-ban/cong-khai-tai-chinh/", "/van-ban/?kind=ket-luan"}
    addresses |= {f"/van-ban/{pk}/" for pk in documents + sorted(remembered["documents"])}
    for query in ["công đoàn", "cong doan", "01-KL/TW", *remembered["words"]]:
        addresses |= {f"/search/?q={query}", f"/search/?q={query}&format=json", f"/en/search/?q={query}"}
        addresses.add(f"/search/suggest/?q={query[:6]}")
    addresses |= {"/rss/", "/en/rss/"}
    return sorted(addresses)


class EditorialActions(RuleBasedStateMachine):
    """Each example starts from the demo content with empty caches, in a transaction rolled back at its end."""

    def __init__(self):
        super().__init__()
        self.atomic = transaction.atomic()
        self.atomic.__enter__()
        for alias in ("default", "template_fragments"):
            caches[alias].clear()
        content_cache.memory.entries.clear()
        content_cache.new_version()
        self.admin = get_user_model().objects.create_superuser("fuzz-admin", "fuzz@example.invalid", "password")
        self.admin_client = Client()
        self.admin_client.force_login(self.admin)
        self.reader = Client()  # one client for the whole sequence: its page cache keeps its memory, as a process
        self.fresh = Client()
        self.vi = Locale.objects.get(language_code="vi")
        self.en = Locale.objects.get(language_code="en")
        self.counter = 0
        self.remembered = {"pages": set(), "urls": set(), "tags": set(), "documents": set(), "words": set()}
        self.differences = []

    def teardown(self):
        transaction.set_rollback(True)
        self.atomic.__exit__(None, None, None)

    # What to act on

    def articles(self, locale=None):
        return list(
            ArticlePage.objects.filter(locale=locale or self.vi).order_by("path").values_list("pk", flat=True)[:30]
        )

    def pick_article(self, data, live=None, locale=None):
        query = ArticlePage.objects.filter(locale=locale or self.vi)
        if live is not None:
            query = query.filter(live=live)
        choices = list(query.order_by("path").values_list("pk", flat=True)[:30])
        if not choices:
            return None
        page = ArticlePage.objects.get(pk=data.draw(st.sampled_from(choices)))
        self.remember(page)
        return page

    def pick_page(self, data, model=Page, **filters):
        choices = list(model.objects.filter(depth__gt=2, **filters).order_by("path").values_list("pk", flat=True)[:40])
        if not choices:
            return None
        page = Page.objects.get(pk=data.draw(st.sampled_from(choices))).specific
        self.remember(page)
        return page

    def remember(self, page):
        self.remembered["pages"].add(page.pk)
        if page.live and page.url:
            self.remembered["urls"].add(page.url)

    def unique(self, stem):
        self.counter += 1
        return f"{stem}-{self.counter}"

    def draft_of(self, page):
        return page.get_latest_revision_as_object()

    def publish(self, draft):
        draft.save_revision(user=self.admin).publish(user=self.admin)

    # Drafts and previews: nothing here may change what readers get

    @rule(data=st.data(), days=st.integers(-900, 900))
    def preview_a_draft_with_new_tag_and_date(self, data, days):
        page = self.pick_article(data, live=True)
        if page is None:
            return
        draft = self.draft_of(page)
        tag = self.unique("ban-nhap")
        self.remembered["tags"].add(tag)
        draft.tags.add(tag)
        draft.date = draft.date + datetime.timedelta(days=days)
        draft.title = f"{draft.title} (bản nháp)"
        revision = draft.save_revision(user=self.admin)
        # Wagtail's own preview (as the editor's preview panel and the moderation view make it), then the admin's
        # draft, revision and comparison views.
        draft.make_preview_request()
        for url in [
            reverse("wagtailadmin_pages:view_draft", args=[page.pk]),
            reverse("wagtailadmin_pages:revisions_view", args=[page.pk, revision.pk]),
        ]:
            assert self.admin_client.get(url).status_code == 200, url
        previous = page.revisions.exclude(pk=revision.pk).order_by("-created_at").first()
        if previous is not None:
            compare = reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, previous.pk, revision.pk])
            assert self.admin_client.get(compare).status_code == 200

    @rule(data=st.data())
    def publish_the_latest_draft(self, data):
        page = self.pick_article(data)
        if page is not None:
            page.get_latest_revision().publish(user=self.admin)

    @rule(data=st.data(), days=st.integers(-900, 900), add_tag=st.booleans(), remove_tags=st.booleans())
    def edit_and_publish(self, data, days, add_tag, remove_tags):
        page = self.pick_article(data, live=True)
        if page is None:
            return
        draft = self.draft_of(page)
        draft.date = draft.date + datetime.timedelta(days=days)
        draft.title = self.unique("Tin sửa")
        self.remembered["words"].add(draft.title.lower())
        if remove_tags:
            self.remembered["tags"] |= {tag.slug for tag in draft.tags.all()}
            draft.tags.clear()
        if add_tag:
            tag = self.unique("the-moi")
            self.remembered["tags"].add(tag)
            draft.tags.add(tag)
        self.publish(draft)

    @rule(data=st.data())
    def link_an_article_to_a_page(self, data):
        page = self.pick_article(data, live=True)
        target = self.pick_page(data, live=True)
        if page is None or target is None:
            return
        draft = self.draft_of(page)
        paragraph = f'<p>Xem <a linktype="page" id="{target.pk}">trang liên quan</a>.</p>'
        draft.body = json.dumps([{"type": "paragraph", "value": paragraph}])
        self.publish(draft)

    @rule(data=st.data())
    def rename(self, data):
        page = self.pick_page(data, live=True, locale=self.vi)
        if page is None:
            return
        draft = self.draft_of(page)
        draft.slug = self.unique("doi-ten")
        draft.title = self.unique("Đổi tên")
        self.publish(draft)

    @rule(data=st.data(), run_now=st.booleans())
    def schedule(self, data, run_now):
        page = self.pick_article(data, live=True)
        if page is None:
            return
        draft = self.draft_of(page)
        draft.title = self.unique("Tin hẹn giờ")
        draft.go_live_at = timezone.now() + datetime.timedelta(minutes=1)
        revision = draft.save_revision(user=self.admin, approved_go_live_at=draft.go_live_at)
        if run_now:
            revision.approved_go_live_at = timezone.now() - datetime.timedelta(minutes=1)
            revision.save(update_fields=["approved_go_live_at"])
            call_command("publish_scheduled", verbosity=0)

    @rule(data=st.data())
    def unpublish(self, data):
        page = self.pick_article(data, live=True)
        if page is not None:
            page.unpublish(user=self.admin)

    @rule(data=st.data())
    def move(self, data):
        page = self.pick_article(data)
        target = self.pick_page(data, ArticleIndexPage, locale=self.vi)
        if page is not None and target is not None and page.get_parent().pk != target.pk:
            page.move(target, pos="last-child", user=self.admin)

    @rule(data=st.data())
    def delete(self, data):
        page = self.pick_article(data)
        if page is not None:
            page.delete(user=self.admin)

    @rule(data=st.data())
    def copy(self, data):
        page = self.pick_article(data, live=True)
        if page is not None:
            copied = page.copy(update_attrs={"slug": self.unique("ban-sao"), "title": self.unique("Bản sao")})
            self.remember(copied)

    @rule(data=st.data())
    def revert_to_the_first_revision(self, data):
        page = self.pick_article(data)
        if page is not None:
            first = page.revisions.order_by("created_at", "pk").first()
            if first is not None:
                first.publish(user=self.admin)

    @rule(data=st.data(), kind=st.sampled_from([PageViewRestriction.LOGIN, PageViewRestriction.PASSWORD]))
    def restrict(self, data, kind):
        page = self.pick_page(data, live=True)
        if page is not None:
            PageViewRestriction.objects.create(page=page, restriction_type=kind, password="mat-khau")

    @rule(data=st.data())
    def lift_a_restriction(self, data):
        restrictions = list(PageViewRestriction.objects.order_by("pk").values_list("pk", flat=True))
        if restrictions:
            PageViewRestriction.objects.get(pk=data.draw(st.sampled_from(restrictions))).delete()

    @rule(data=st.data(), publish=st.booleans())
    def translate(self, data, publish):
        page = self.pick_article(data, live=True)
        if page is None or page.has_translation(self.en):
            return
        translation = page.copy_for_translation(self.en, copy_parents=True)
        translation.title = self.unique("English")
        if publish:
            translation.save_revision(user=self.admin).publish(user=self.admin)
        self.remember(translation)

    @rule(data=st.data())
    def edit_a_document(self, data):
        documents = list(OfficialDocument.objects.order_by("pk").values_list("pk", flat=True)[:10])
        document = OfficialDocument.objects.get(pk=data.draw(st.sampled_from(documents)))
        document.summary = self.unique("Trích yếu mới")
        document.save()
        self.remembered["documents"].add(document.pk)

    @rule(data=st.data())
    def edit_organisation_data(self, data):
        model = data.draw(st.sampled_from([Unit, Official, RelatedLink]))
        field = {Unit: "name", Official: "name", RelatedLink: "title"}[model]
        objects = list(model.objects.order_by("pk").values_list("pk", flat=True)[:10])
        if objects:
            instance = model.objects.get(pk=data.draw(st.sampled_from(objects)))
            setattr(instance, field, self.unique("Tên mới"))
            instance.save()

    @rule(data=st.data())
    def edit_a_photo(self, data):
        images = list(CaptionedImage.objects.order_by("pk").values_list("pk", flat=True)[:10])
        if images:
            image = CaptionedImage.objects.get(pk=data.draw(st.sampled_from(images)))
            image.caption, image.credit = self.unique("Chú thích mới"), self.unique("Tác giả mới")
            image.save()

    @rule()
    def change_site_settings_and_abbreviations(self):
        site = Site.objects.get(is_default_site=True)
        settings_object = VisitStatisticsSettings.for_site(site)
        settings_object.initial_total += 1000
        settings_object.save()
        short = self.unique("ABC").replace("-", "")
        Abbreviation.objects.create(short=short, expansion="công đoàn cơ sở")
        self.remembered["words"].add(short)

    @rule()
    def publish_a_legal_answer(self):
        question = LegalQuestion.objects.create(question=self.unique("Câu hỏi về hợp đồng lao động"))
        question.answer = "<p>Trả lời.</p>"
        question.status = Status.PUBLISHED
        question.save()

    # The promise

    @initialize()
    def warm_the_caches(self):
        self.read_everything()

    @invariant()
    def readers_get_what_a_fresh_render_gives(self):
        self.read_everything()

    def read_everything(self):
        for url in public_addresses(self.remembered):
            warm = comparable(self.reader.get(url))
            with override_settings(**CACHES_OFF):
                fresh = comparable(self.fresh.get(url))
            if warm != fresh:
                describe = first_difference(warm, fresh)
                pytest.fail(f"{url}: warm caches differ from a fresh render: {describe}")


def first_difference(warm, fresh):
    if warm[:2] != fresh[:2]:
        return f"status/redirect {warm[:2]} != {fresh[:2]}"
    a, b = warm[2], fresh[2]
    at = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
    return f"body at {at}: warm …{a[max(0, at - 80) : at + 120]!r} fresh …{b[max(0, at - 80) : at + 120]!r}"


@pytest.mark.django_db
def test_readers_get_from_warm_caches_what_a_fresh_render_gives(settings):
    for name, value in CACHES_ON.items():
        setattr(settings, name, value)
    run_state_machine_as_test(
        EditorialActions,
        settings=hypothesis_settings(
            max_examples=2 * SCALE,
            stateful_step_count=6 * SCALE,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            database=None,
        ),
    )

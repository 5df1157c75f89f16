"""Vietnamese first, English alongside: URLs per language, the language switcher and hreflang, translations made
and synced with wagtail-localize, synchronised fields, fallbacks, the approval of translations, and the
interface strings."""

import ast
import datetime
import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.test import Client
from django.utils.html import escape
from django.utils.translation.template import templatize
from wagtail.models import Page, WorkflowState
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from articles.models import ArticleIndexPage, ArticlePage
from campaigns.models import CampaignPage
from home.models import HomePage
from images.models import CaptionedImage
from official_documents.models import OfficialDocument
from tests.markup import unwrap_document_numbers

pytestmark = pytest.mark.django_db

ENGLISH_ARTICLE_SLUG = "stepping-up-studying-and-following-uncle-ho-2021-2025"
PO_FILE = Path(settings.BASE_DIR) / "site" / "locale" / "en" / "LC_MESSAGES" / "django.po"


@pytest.fixture
def untranslated_article(section, english):
    """A live Vietnamese article of the demo that has no English translation."""
    # The demo translates some of the section's articles (load_demo_content, ENGLISH_ARTICLES), not all.
    return next(
        article for article in ArticlePage.objects.live().child_of(section) if not article.has_translation(english)
    )


def html(response):
    return unwrap_document_numbers(response.content.decode())


def html_lang(content):
    return re.search(r'<html lang="([^"]+)"', content).group(1)


def switcher(content):
    """{language code: href} of the language switcher."""
    nav = re.search(r'<nav class="language-switcher".*?</nav>', content, re.S).group(0)
    return dict((code, href) for href, code in re.findall(r'<a href="([^"]*)" lang="([^"]+)"', nav))


def alternates(content):
    return dict(
        (code, href) for code, href in re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"', content)
    )


def login(user):
    client = Client()
    client.force_login(user)
    return client


def translate_with_localize(instance, locale, strings, capture):
    """What "Translate this page" and the translation editor do, through wagtail-localize's own objects: a source,
    a translation, string translations, then the target saved and published (when its transaction commits)."""
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    translation = Translation.objects.create(source=source, target_locale=locale, enabled=True)
    set_strings(translation, strings)
    with capture(execute=True):
        translation.save_target(publish=True)
    return translation


def set_strings(translation, strings):
    for segment in translation.source.stringsegment_set.select_related("string", "context"):
        if segment.string.data in strings:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=translation.target_locale,
                context=segment.context,
                defaults={"data": strings[segment.string.data], "translation_type": "manual"},
            )


# URLs per language


def test_vietnamese_keeps_unprefixed_urls_and_english_lives_under_en(client, home, seed_article, english_article):
    assert seed_article.url == "/hoc-tap-va-lam-theo-bac/tiep-tuc-day-manh-hoc-tap-va-lam-theo-bac-giai-doan-2021-2025/"
    assert english_article.url == f"/en/studying-and-following-uncle-ho/{ENGLISH_ARTICLE_SLUG}/"

    vietnamese = client.get("/")
    assert vietnamese.status_code == 200 and html_lang(html(vietnamese)) == "vi"
    assert vietnamese.context["page"].pk == home.pk
    english_home = client.get("/en/")
    assert english_home.status_code == 200 and html_lang(html(english_home)) == "en"
    assert english_home.context["page"].locale.language_code == "en"

    response = client.get(english_article.url)
    assert response.status_code == 200
    content = html(response)
    assert html_lang(content) == "en" and escape(english_article.title) in content
    assert client.get(seed_article.url).status_code == 200
    assert client.get("/vi/").status_code == 404  # Vietnamese has no prefix


def test_an_english_url_never_serves_vietnamese_pages(client, untranslated_article):
    assert client.get(f"/en{untranslated_article.url}").status_code == 404


# The language switcher and hreflang


def test_the_switcher_links_to_the_translation_and_hreflang_lists_both(client, seed_article, english_article):
    content = html(client.get(seed_article.url))
    assert switcher(content) == {"vi": seed_article.url, "en": english_article.url}
    assert 'lang="en" hreflang="en">English</a>' in content
    assert alternates(content) == {
        "vi": f"http://localhost{seed_article.url}",
        "en": f"http://localhost{english_article.url}",
        "x-default": f"http://localhost{seed_article.url}",
    }
    english_content = html(client.get(english_article.url))
    assert switcher(english_content) == {"vi": seed_article.url, "en": english_article.url}
    assert alternates(english_content) == alternates(content)


def test_an_untranslated_page_links_to_the_english_home_and_has_no_alternates(client, untranslated_article):
    content = html(client.get(untranslated_article.url))
    assert switcher(content) == {"vi": untranslated_article.url, "en": "/en/"}
    assert alternates(content) == {}


def test_views_outside_the_page_tree_switch_to_the_same_view(client):
    content = html(client.get("/van-ban/"))
    assert switcher(content) == {"vi": "/van-ban/", "en": "/en/van-ban/"}
    assert html_lang(html(client.get("/en/van-ban/"))) == "en"


def test_a_document_switches_to_its_translation(client, english):
    document = OfficialDocument.objects.get(number="01-KL/TW", locale__language_code="vi")
    translated = document.get_translation(english)
    content = html(client.get(f"/van-ban/{document.pk}/"))
    assert switcher(content)["en"] == f"/en/van-ban/{translated.pk}/"


# What readers of each language see


def test_the_english_article_reads_in_english(client, english_article):
    content = html(client.get(english_article.url))
    assert "Latest news" in content and "Thông tin mới nhất" not in content
    assert "Related documents" in content and "Part of the plan:" in content
    assert "Conclusion No. 01-KL/TW of 18/5/2021 by the Politburo" in content
    assert 'href="/en/studying-and-following-uncle-ho-2021-2025/"' in content  # the English campaign
    assert (
        "<figcaption>Comrade Nguyen Huu Long, Secretary of the Party Cell of the Provincial Federation of Labour, "
        "speaking at the cell&#x27;s 10th Congress, 2020-2025 term. "
        '<span class="credit">Photo: PT (Provincial Federation of Labour)</span></figcaption>'
    ) in content
    assert "Tiến Sỹ - Provincial Federation of Labour" in content
    assert "10/09/2021" in content


def test_the_english_campaign_shows_its_years_and_english_articles(client, campaign, english):
    english_campaign = campaign.get_translation(english)
    content = html(client.get(english_campaign.url))
    assert "Legal basis" in content and "Timeline" in content
    assert "Plan No. 260/KH-LĐLĐ issued" in content
    assert "the 2021 plan within the third quarter of 2021" in content
    assert "Articles of 2021" in content and ENGLISH_ARTICLE_SLUG in content


def test_the_english_home_features_the_english_article(client, english_article):
    content = html(client.get("/en/"))
    assert f'href="{english_article.url}"' in content
    assert "Featured news" in content and "Plans and movements" in content


def test_the_vietnamese_pages_stay_vietnamese(client, seed_article):
    content = html(client.get(seed_article.url))
    assert "Văn bản liên quan" in content and "Kết luận số 01-KL/TW, ngày 18/5/2021 của Bộ Chính trị" in content
    assert "Related documents" not in content


# Translations through wagtail-localize: created, synced, with the non-text fields kept in sync


def test_a_translation_is_created_and_synced_with_wagtail_localize(
    client, approver, untranslated_article, english, django_capture_on_commit_callbacks
):
    section = untranslated_article.get_parent().specific
    if not section.has_translation(english):  # the demo translates every section today (ENGLISH_ARTICLES)
        translate_with_localize(
            section,
            english,
            {section.title: "Activities", section.slug: "activities"},
            django_capture_on_commit_callbacks,
        )
    title = untranslated_article.title
    translation = translate_with_localize(
        untranslated_article,
        english,
        {title: "Trade unions at work", untranslated_article.slug: "trade-unions-at-work"},
        django_capture_on_commit_callbacks,
    )
    translated = untranslated_article.get_translation(english)
    assert translated.live and translated.title == "Trade unions at work"
    assert client.get(translated.url).status_code == 200

    # The Vietnamese article changes: new date, new photo, a new paragraph. Its translation is out of date until
    # a sync ("Sync translated pages", wagtail-localize's admin view) brings the changes.
    image = CaptionedImage.objects.first()
    untranslated_article.date = datetime.date(2025, 1, 2)
    untranslated_article.feature_image = image
    untranslated_article.body.append(("paragraph", "<p>Đoạn mới thêm.</p>"))
    untranslated_article.save_revision().publish()
    assert ArticlePage.objects.get(pk=translated.pk).date != datetime.date(2025, 1, 2)

    with django_capture_on_commit_callbacks(execute=True):
        response = login(approver).post(
            f"/admin/localize/update/{translation.source.pk}/", {"publish_translations": "on"}
        )
    assert response.status_code == 302
    translated = ArticlePage.objects.get(pk=translated.pk)
    assert translated.date == datetime.date(2025, 1, 2) and translated.feature_image == image
    assert translated.title == "Trade unions at work"  # what was translated stays
    assert "Đoạn mới thêm." in html(client.get(translated.url))  # not yet translated: shown in Vietnamese
    progress = Translation.objects.get(pk=translation.pk).get_progress()
    assert progress[1] < progress[0]  # the translator sees what is left to translate


def test_non_text_fields_stay_synchronised(seed_article, english_article, campaign, english):
    assert english_article.date == seed_article.date
    assert english_article.author == seed_article.author
    assert english_article.feature_image_id == seed_article.feature_image_id
    assert list(english_article.documents.all()) == list(seed_article.documents.all())
    assert english_article.campaign_id == seed_article.campaign_id
    assert {tag.name for tag in english_article.tags.all()} == {tag.name for tag in seed_article.tags.all()}
    source_image = next(block for block in seed_article.body if block.block_type == "image").value
    english_image = next(block for block in english_article.body if block.block_type == "image").value
    assert english_image["image"].pk == source_image["image"].pk
    assert english_image["image"].contextual_alt_text.startswith("Comrade Nguyen Huu Long")

    english_campaign = campaign.get_translation(english)
    assert (english_campaign.start_year, english_campaign.end_year) == (campaign.start_year, campaign.end_year)
    assert list(english_campaign.legal_basis.all()) == list(campaign.legal_basis.all())
    for source, translated in zip(campaign.years, english_campaign.years, strict=True):
        assert translated.value["year"] == source.value["year"]
        assert translated.value["review"]["kind"] == source.value["review"]["kind"]
        assert [m["date"] for m in translated.value["milestones"]] == [m["date"] for m in source.value["milestones"]]
        assert translated.value["theme"] != source.value["theme"]

    for document in OfficialDocument.objects.filter(locale__language_code="vi", articles=seed_article):
        translated = document.get_translation(english)
        assert (translated.number, translated.kind, translated.issued_on) == (
            document.number,
            document.kind,
            document.issued_on,
        )
        assert translated.summary != document.summary


def test_what_is_translated_and_what_is_synchronised_is_declared(english):
    from wagtail_localize.fields import SynchronizedField, get_translatable_fields

    for model in [HomePage, ArticleIndexPage, ArticlePage, CampaignPage, OfficialDocument]:
        assert "translatable_fields" in vars(model), model
    synchronised = {
        field.field_name for field in get_translatable_fields(ArticlePage) if isinstance(field, SynchronizedField)
    }
    assert {"date", "author", "feature_image", "tagged_items", "documents", "campaign"} <= synchronised
    synchronised = {
        field.field_name for field in get_translatable_fields(OfficialDocument) if isinstance(field, SynchronizedField)
    }
    assert {"number", "kind", "issued_on", "file"} <= synchronised


def test_a_caption_from_the_image_default_is_offered_for_translation(seed_article):
    source, _created = TranslationSource.get_or_create_from_instance(seed_article)
    strings = {segment.string.data for segment in source.stringsegment_set.select_related("string")}
    image = next(block for block in seed_article.body if block.block_type == "image").value["image"]
    assert image.caption in strings and image.credit in strings  # the block itself leaves them empty


# Fallbacks


def test_english_listings_show_english_pages_only(client, english_article, untranslated_article):
    content = html(client.get(english_article.get_parent().url))
    assert escape(english_article.title) in content and escape(untranslated_article.title) not in content


# Approval: a translation is public only once approved


def test_an_unapproved_translation_is_not_public(client, editor, approver, untranslated_article, english):
    # The editor starts the translation as in the admin ("Translate this page"): a draft, not public. Its section
    # is in English already (the demo translates every section).
    editor_client = login(editor)
    response = editor_client.post(f"/admin/localize/submit/page/{untranslated_article.pk}/", {"locales": [english.pk]})
    assert response.status_code == 302
    translated = untranslated_article.get_translation(english)
    assert not translated.live and client.get(translated.url).status_code == 404

    # The editor translates the title in the translation editor, then submits the translation for approval.
    translation = Translation.objects.get(source__object_id=untranslated_article.translation_key, target_locale=english)
    set_strings(translation, {untranslated_article.title: "Trade unions at work"})
    confirm = editor_client.get(f"/admin/editorial/submit-translation/{translated.pk}/")
    assert confirm.status_code == 200 and "Gửi duyệt" in html(confirm)
    editor_client.post(f"/admin/editorial/submit-translation/{translated.pk}/")
    translated = ArticlePage.objects.get(pk=translated.pk)
    state = translated.current_workflow_state
    assert state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS
    assert not translated.live and client.get(translated.get_url()).status_code == 404
    assert "Trade unions at work" in login(approver).get("/admin/").content.decode()  # awaiting review

    # The approver approves: now it is public, in English.
    task_state = state.current_task_state
    login(approver).post(f"/admin/pages/workflow/action/{translated.pk}/approve/{task_state.pk}/")
    translated = ArticlePage.objects.get(pk=translated.pk)
    assert translated.live and translated.title == "Trade unions at work"
    assert client.get(translated.url).status_code == 200


def test_a_change_to_a_live_translation_waits_for_approval(client, editor, english_article, english):
    translation = Translation.objects.get(source__object_id=english_article.translation_key, target_locale=english)
    old_title = english_article.title
    set_strings(translation, {translation.source.as_instance().title: "A new English headline"})
    login(editor).post(f"/admin/editorial/submit-translation/{english_article.pk}/")
    content = html(client.get(english_article.url))
    assert old_title in content and "A new English headline" not in content
    assert Page.objects.get(pk=english_article.pk).specific.current_workflow_state.status == "in_progress"


def test_editors_cannot_publish_translations_by_syncing(editor, english_article, english, seed_article):
    translation = Translation.objects.get(source__object_id=english_article.translation_key, target_locale=english)
    seed_article.title = "Tiêu đề tiếng Việt đã sửa"
    seed_article.save_revision().publish()
    editor_client = login(editor)
    form = editor_client.get(f"/admin/localize/update/{translation.source.pk}/")
    assert form.status_code == 200 and "Chỉ người duyệt được xuất bản ngay" in html(form)
    editor_client.post(f"/admin/localize/update/{translation.source.pk}/", {"publish_translations": "on"})
    assert ArticlePage.objects.get(pk=english_article.pk).title == english_article.title
    assert not ArticlePage.objects.get(pk=english_article.pk).has_unpublished_changes


# Interface strings


def template_strings():
    """The msgids of every template of the public site, as makemessages extracts them."""
    folders = [Path(settings.BASE_DIR) / "site" / "templates"]
    folders += [
        Path(settings.BASE_DIR) / app / "templates"
        for app in (
            "articles",
            "campaigns",
            "contact",
            "core",
            "home",
            "images",
            "legal_qa",
            "official_documents",
            "organisation",
            "search",
            "visits",
        )
    ]
    msgids = set()
    for folder in folders:
        for template in folder.rglob("*.html"):
            code = templatize(template.read_text(encoding="utf-8"), origin=str(template))
            literals = re.findall(r"\b(?:gettext|ngettext)\((u?(?:'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"))", code)
            msgids |= {ast.literal_eval(literal) for literal in literals}
    return msgids


def test_every_public_interface_string_has_an_english_translation():
    catalogue = {entry.msgid: entry for entry in polib.pofile(str(PO_FILE))}
    missing = sorted(
        msgid
        for msgid in template_strings()
        if msgid not in catalogue or not catalogue[msgid].translated() or "fuzzy" in catalogue[msgid].flags
    )
    assert not missing, f"Run `make messages`, translate these in {PO_FILE}, then `make messages` again: {missing}"


def test_the_compiled_catalogue_matches_the_translations():
    po = {
        entry.msgid: entry.msgstr or entry.msgstr_plural for entry in polib.pofile(str(PO_FILE)) if entry.translated()
    }
    mo = {
        entry.msgid: entry.msgstr or entry.msgstr_plural
        for entry in polib.mofile(str(PO_FILE.with_suffix(".mo")))
        if entry.msgid
    }
    assert po == {msgid: mo.get(msgid) for msgid in po}, "Run `make messages` to compile site/locale"


# The admin


def test_translations_open_in_the_translation_editor_and_can_be_submitted(editor, english_article, english):
    client = login(editor)
    response = client.get(f"/admin/pages/{english_article.pk}/edit/")
    assert response.status_code == 200 and "js-translation-editor" in html(response)
    document = OfficialDocument.objects.filter(locale=english).first()
    response = client.get(f"/admin/snippets/official_documents/officialdocument/edit/{document.pk}/")
    assert response.status_code == 200 and "js-translation-editor" in html(response)
    listing = html(client.get(f"/admin/pages/{english_article.get_parent().pk}/"))
    assert f"/admin/editorial/submit-translation/{english_article.pk}/" in listing and "Gửi duyệt bản dịch" in listing


@pytest.mark.parametrize("mode", ["parts", "cold"])
def test_english_pages_cost_no_more_queries_than_vietnamese_ones(
    client, english_article, campaign, english, settings, mode
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.test_query_counts import BUDGETS

    if mode == "cold":
        settings.FRAGMENT_CACHE_SECONDS = 0
    urls = {
        "home": "/en/",
        "section": english_article.get_parent().url,
        "article": english_article.url,
        "campaign": campaign.get_translation(english).url,
    }
    for name, url in urls.items():
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        assert len(captured) <= BUDGETS[mode][name], f"{name}: {len(captured)} queries"

"""Every page's breadcrumbs start at the home page, "Trang chủ" ("Home" in English), views that are not pages
included (the document library, a document, the financial reports), with schema.org's BreadcrumbList."""

import json
import re

import pytest
from django.utils import translation

from official_documents.models import OfficialDocument

pytestmark = pytest.mark.django_db


def trail(client, url):
    """The breadcrumbs' items as (text, href or None for the current one), and the BreadcrumbList's names."""
    response = client.get(url)
    assert response.status_code == 200, url
    html = response.content.decode()
    nav = re.search(r'<nav class="wrap breadcrumbs"[^>]*>(.*?)</nav>', html, re.S)
    assert nav, f"no breadcrumbs on {url}"
    items = [
        (re.sub(r"<[^>]+>", "", item).strip(), (re.search(r'href="([^"]+)"', item) or [None, None])[1])
        for item in re.findall(r"<li>(.*?)</li>", nav.group(1), re.S)
    ]
    (data,) = [
        data
        for data in map(json.loads, re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S))
        if data["@type"] == "BreadcrumbList"
    ]
    names = [item["name"] for item in data["itemListElement"]]
    return items, names


def test_document_library_document_and_financial_reports_start_at_home(client, english):
    document = OfficialDocument.objects.get(locale__language_code="vi", number="01-KL/TW")
    assert trail(client, "/van-ban/") == ([("Trang chủ", "/"), ("Văn bản", None)], ["Trang chủ", "Văn bản"])
    items, names = trail(client, document.get_absolute_url())
    assert items == [("Trang chủ", "/"), ("Văn bản", "/van-ban/"), ("01-KL/TW", None)]
    assert names == ["Trang chủ", "Văn bản", "01-KL/TW"]
    items, _names = trail(client, "/van-ban/cong-khai-tai-chinh/")
    assert items == [("Trang chủ", "/"), ("Văn bản", "/van-ban/"), ("Công khai tài chính", None)]


def test_in_english_they_start_at_home_in_english(client, english):
    document = OfficialDocument.objects.get(locale=english, number="01-KL/TW")
    with translation.override("en"):
        url = document.get_absolute_url()
    assert trail(client, "/en/van-ban/")[0] == [("Home", "/en/"), ("Documents", None)]
    assert trail(client, url)[0] == [("Home", "/en/"), ("Documents", "/en/van-ban/"), ("01-KL/TW", None)]
    items, names = trail(client, "/en/van-ban/cong-khai-tai-chinh/")
    assert items[0] == ("Home", "/en/") and names[0] == "Home"


def test_every_kind_of_page_starts_at_home(client, home, section, seed_article, campaign, english):
    from contact.models import ContactPage
    from legal_qa.models import LegalQAPage
    from organisation.models import IntroductionPage, LeadershipPage, StructurePage

    pages = [section, seed_article, campaign]
    pages += [model.objects.get(locale=home.locale) for model in (IntroductionPage, StructurePage, LeadershipPage)]
    pages += [LegalQAPage.objects.get(locale=home.locale), ContactPage.objects.get(locale=home.locale)]
    for page in pages:
        items, names = trail(client, page.url)
        assert items[0] == ("Trang chủ", "/") and names[0] == "Trang chủ", page.url
        assert items[-1] == (page.title, None), page.url
        translated = page.get_translation_or_none(english)
        if translated is not None and translated.live:
            items, names = trail(client, translated.url)
            assert items[0] == ("Home", "/en/") and names[0] == "Home", translated.url


def test_search_and_tag_pages_start_at_home(client, seed_article):
    tag = seed_article.tags.order_by("pk").first()
    items, _names = trail(client, f"/tu-khoa/{tag.slug}/")
    assert items == [("Trang chủ", "/"), (f"Từ khóa: {tag.name}", None)]
    assert trail(client, "/search/?q=b%C3%A1c")[0] == [("Trang chủ", "/"), ("Tìm kiếm", None)]
    assert trail(client, "/en/search/?q=union")[0] == [("Home", "/en/"), ("Search", None)]

"""The public pages of the demo site, checked as the web industry checks them: no axe-core violation (WCAG 2.x A
and AA, best practices), valid HTML (Nu HTML checker), alt text on every image, and no horizontal scrolling on a
phone 320 or 360 px wide.

The pages are answered by Django's test client through the browser's request routing (RoutedSite), so the checks
run in the usual rolled-back transaction on the demo content."""

import pytest
from django.urls import reverse
from django.utils import translation

from tests.browser import checkers
from tests.browser.conftest import unavailable

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

TAG = "học-tập-và-làm-theo-bác"  # a tag of the seed article


@pytest.fixture
def public_pages(home, section, seed_article, campaign):
    """Requested before the browser: once Playwright runs, Django's queries here would open connections of their
    own, outside the test's transaction."""
    from official_documents.models import OfficialDocument

    document = OfficialDocument.objects.filter(locale=home.locale, number="01-KL/TW").first()
    return {
        "home": home.url,
        "section": section.url,
        "article": seed_article.url,
        "campaign": campaign.url,
        "documents": reverse("official_documents:list"),
        "document": document.get_absolute_url(),
        "financial-reports": reverse("official_documents:financial_reports"),
        "tag": reverse("news:tag", args=[TAG]),
        "search": reverse("search") + "?q=h%E1%BB%8Dc+t%E1%BA%ADp",
        # Results of every kind, labelled (a document first, articles, plans, organisation pages, legal answers).
        "search-kinds": reverse("search") + "?q=01-KL%2FTW+l%C3%A3nh+%C4%91%E1%BA%A1o+h%E1%BB%A3p+%C4%91%E1%BB%93ng",
        "search-en": "/en/search/?q=01-KL%2FTW",
        **organisation_pages(home),
        **english_pages(home, section, seed_article, campaign),
    }


def english_pages(home, section, seed_article, campaign):
    """The same kinds of page in English, where they exist (issue 19): the English "en-" versions of the pages
    above, the document library and search under /en/."""
    from wagtail.models import Locale

    from official_documents.models import OfficialDocument

    english = Locale.objects.get(language_code="en")
    document = OfficialDocument.objects.get(locale=english, number="01-KL/TW")
    pages = {
        "home": home,
        "section": section,
        "article": seed_article,
        "campaign": campaign,
        **organisation_page_objects(home),
    }
    found = {f"en-{name}": page.get_translation(english).url for name, page in pages.items()}
    found["en-legal-qa-search"] = found["en-legal-qa"] + "?q=wage"
    with translation.override("en"):
        found["en-documents"] = reverse("official_documents:list")
        found["en-document"] = document.get_absolute_url()
        found["en-financial-reports"] = reverse("official_documents:financial_reports")
        found["en-tag"] = reverse("news:tag", args=[TAG])
        found["en-search"] = reverse("search") + "?q=workers"
    return found


def organisation_pages(home):
    """ "Giới thiệu", its structure and leadership pages, "Liên hệ" and "Hỏi đáp pháp luật" (issue 9)."""
    pages = {name: page.url for name, page in organisation_page_objects(home).items()}
    return {**pages, "legal-qa-search": pages["legal-qa"] + "?q=luong&topic=tien-luong"}


def organisation_page_objects(home):
    from contact.models import ContactPage
    from legal_qa.models import LegalQAPage
    from organisation.models import IntroductionPage, LeadershipPage, StructurePage

    introduction = IntroductionPage.objects.child_of(home).get()
    return {
        "introduction": introduction,
        "structure": StructurePage.objects.child_of(introduction).get(),
        "leadership": LeadershipPage.objects.child_of(introduction).get(),
        "contact": ContactPage.objects.child_of(home).get(),
        "legal-qa": LegalQAPage.objects.child_of(home).get(),
    }


@pytest.fixture
def tools():
    reason = checkers.missing()
    if reason:
        unavailable(reason)


def test_no_axe_violations_and_alt_text_everywhere(public_pages, tools, routed_site):
    # The site's Content Security Policy forbids inline scripts, as it should; the checker is let in.
    page = routed_site.new_page(bypass_csp=True)
    problems = {}
    for name, url in public_pages.items():
        response = page.goto(routed_site.url + url)
        assert response.status == 200, f"{name}: {response.status}"
        found = checkers.axe_violations(page)
        found += [
            f"image without alt: {html}"
            for html in page.eval_on_selector_all(
                "img", "images => images.filter(image => !image.hasAttribute('alt')).map(image => image.outerHTML)"
            )
        ]
        if found:
            problems[name] = found
    assert not problems, problems


def test_served_html_is_valid(client, public_pages, tools, tmp_path):
    documents = {}
    for name, url in public_pages.items():
        response = client.get(url)
        assert response.status_code == 200, f"{name}: {response.status_code}"
        documents[name] = response.content.decode()
    assert checkers.html_errors(documents, tmp_path) == []


@pytest.mark.parametrize("width", [320, 360])
def test_no_horizontal_scrolling_on_a_narrow_phone(public_pages, width, routed_site):
    page = routed_site.new_page(viewport={"width": width, "height": 740}, device_scale_factor=2, is_mobile=True)
    too_wide = {}
    for name, url in public_pages.items():
        page.goto(routed_site.url + url)
        widths = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
        if widths[0] > widths[1]:
            too_wide[name] = widths
    assert not too_wide, too_wide

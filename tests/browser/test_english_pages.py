"""No Vietnamese in the header, menu and footer of English pages (issue 19, item 6), as a reader's browser shows
them: their text, the labels read aloud (aria-label, placeholder, title, alt) included.

Allowed: what is marked as Vietnamese (`lang="vi"`): the language switcher's "Tiếng Việt", and an item not yet
translated, which an English page shows in Vietnamese rather than not at all (core/translatable.py). And
EXEMPT, see below."""

import unicodedata

import pytest

from tests.browser.test_public_pages import english_pages

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

# Marks that English never uses and Vietnamese always does: breve (ă), circumflex (â ê ô), horn (ơ ư), the five
# tones (grave, acute, tilde, hook above, dot below), and đ.
VIETNAMESE_MARKS = {"\u0306", "\u0302", "\u031b", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
# Allowed in Vietnamese on English pages: what administrators typed as it is written in every language, a
# person's name or an official number ("12/GP-TTĐT"), marked in the footer (organisation_tags.as_value). The
# organisation's name and every label have their English version (organisation.OrganisationSettings).
EXEMPT = [".site-footer__value"]

TEXTS = """(exempt) => {
  const texts = [];
  for (const part of document.querySelectorAll("header.site-header, footer.site-footer")) {
    for (const element of [part, ...part.querySelectorAll("*")]) {
      if ((exempt && element.closest(exempt)) || !element.closest("[lang]").lang.startsWith("en")) continue;
      if (["SCRIPT", "STYLE"].includes(element.tagName)) continue;
      for (const node of element.childNodes) {
        if (node.nodeType === Node.TEXT_NODE && node.textContent.trim()) texts.push(node.textContent.trim());
      }
      for (const name of ["aria-label", "placeholder", "title", "alt"]) {
        if (element.getAttribute(name)) texts.push(`${name}="${element.getAttribute(name)}"`);
      }
    }
  }
  return texts;
}"""


def vietnamese(text):
    decomposed = unicodedata.normalize("NFD", text)
    return "đ" in text.casefold() or any(mark in decomposed for mark in VIETNAMESE_MARKS)


def test_vietnamese_marks_are_recognised():
    assert all(vietnamese(word) for word in ["Trang chủ", "Văn bản", "Liên hệ", "đ", "Tìm", "ơ", "ư", "â"])
    assert not any(vietnamese(word) for word in ["Home", "Documents", "Lao Cai", "Contact", "naïve"])


@pytest.fixture
def english_urls(home, section, seed_article, campaign):
    return {**english_pages(home, section, seed_article, campaign), "en-404": "/en/khong-co-trang-nay/"}


def test_english_headers_menus_and_footers_have_no_vietnamese(english_urls, routed_site):
    page = routed_site.new_page(viewport={"width": 1366, "height": 768})
    found = {}
    for name, url in english_urls.items():
        response = page.goto(routed_site.url + url)
        assert response.status == (404 if name == "en-404" else 200), f"{name}: {response.status}"
        assert page.evaluate("document.documentElement.lang") == "en"
        texts = page.evaluate(TEXTS, ", ".join(EXEMPT))
        assert any("Home" in text for text in texts), f"{name}: no menu? {texts}"
        if vietnamese_texts := [text for text in texts if vietnamese(text)]:
            found[name] = vietnamese_texts
    assert not found, found
    # The language switcher's Vietnamese is there, and marked as such.
    assert page.locator('header [lang="vi"]', has_text="Tiếng Việt").count() == 1

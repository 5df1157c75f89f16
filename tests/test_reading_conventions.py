"""What readers of a Vietnamese public portal look for on an article (issue 19, items 3 and 8): a print button, a
Zalo share link, document numbers that never break at their hyphen, a web font with every Vietnamese letter,
photos that look like photos and articles without a photo that look deliberate."""

import base64
import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.staticfiles import finders
from PIL import Image, ImageStat

from articles.models import ArticlePage
from images.models import CaptionedImage
from official_documents.models import OfficialDocument

pytestmark = pytest.mark.django_db

NO_PHOTO_SLUG = "hoi-nghi-ban-chap-hanh-lien-doan-lao-dong-tinh-6-thang-2025"  # demo article without a photo


def static_text(path):
    return Path(finders.find(path)).read_text(encoding="utf-8")


def test_zalo_share_link_carries_the_articles_absolute_address(client, seed_article):
    page = client.get(seed_article.url).content.decode()
    canonical = re.search(r'<link rel="canonical" href="([^"]+)"', page).group(1)
    assert canonical.startswith("http") and canonical.endswith(seed_article.url)
    link = re.search(r'<a href="(https://button-share\.zalo\.me/share_external\?[^"]+)"[^>]*>Zalo<', page)
    assert link, "no Zalo share link"
    query = parse_qs(urlsplit(html.unescape(link.group(1))).query)
    assert query["url"] == [canonical]
    assert json.loads(base64.b64decode(query["d"][0])) == {"url": canonical}
    assert "%3A%2F%2F" in link.group(1)  # the address is encoded in the link, not pasted raw
    # Beside the other share links, in the same list, and without any script of Zalo's.
    share = page[page.index('<div class="share">') :]
    share = share[: share.index("</div>")]
    assert share.index("facebook.com/sharer") < share.index("zalo.me") < share.index("mailto:")
    assert "zalo.me" not in "".join(re.findall(r"<script[^>]*>", page))


def test_print_button_is_shown_by_the_site_script_and_left_out_of_the_printout(client, seed_article):
    page = client.get(seed_article.url).content.decode()
    button = re.search(r"<button[^>]*data-print[^>]*>([^<]*)</button>", page)
    assert button, "no print button"
    assert 'type="button"' in button.group(0)
    assert re.search(r"\shidden[\s>]", button.group(0)), "without the script the button would do nothing: hidden"
    assert button.group(1) == "In bài viết"
    script = static_text("js/site.js")
    assert "[data-print]" in script and "window.print()" in script and "hidden = false" in script
    css = static_text("css/site.css")
    assert re.search(r"\.print-button\[hidden\]\s*\{\s*display:\s*none", css)
    assert re.search(r"@media print\s*\{\s*\.print-button\s*\{\s*display:\s*none", css)
    english = client.get(seed_article.get_translation(_english()).url).content.decode()
    assert ">Print this article</button>" in english


def _english():
    from wagtail.models import Locale

    return Locale.objects.get(language_code="en")


class DocumentNumbers(HTMLParser):
    """The text of a page's body, outside scripts, with each document number found in it and whether it stands in a
    no-wrap span."""

    def __init__(self, numbers):
        super().__init__()
        self.numbers = re.compile("|".join(re.escape(number) for number in numbers))
        self.stack = []
        self.found = []  # (number, wrapped)

    def handle_starttag(self, tag, attrs):
        if tag not in {"br", "img", "input", "meta", "link", "source", "hr", "wbr"}:
            self.stack.append((tag, dict(attrs).get("class", "")))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        tags = [tag for tag, _classes in self.stack]
        if "body" not in tags or {"script", "style", "title"} & set(tags):
            return
        wrapped = bool(self.stack) and self.stack[-1] == ("span", "doc-number")
        for match in self.numbers.finditer(data):
            self.found.append((match.group(0), wrapped))


def document_numbers_on(client, url):
    parser = DocumentNumbers(["01-KL/TW", "05-CT/TW", "260/KH-LĐLĐ", "67/HD-LĐLĐ"])
    response = client.get(url)
    assert response.status_code == 200
    parser.feed(response.content.decode())
    return parser.found


def test_document_numbers_never_break_at_their_hyphen(client, seed_article, campaign):
    document = OfficialDocument.objects.get(locale=seed_article.locale, number="01-KL/TW")
    cited = ArticlePage.objects.get(slug="so-ket-hai-nam-thuc-hien-ket-luan-01-kl-tw")
    pages = {
        "article": seed_article.url,  # related documents, and the numbers in the text
        "article citing in its title and text": cited.url,
        "campaign": campaign.url,  # "Căn cứ"
        "library": "/van-ban/",
        "document": document.get_absolute_url(),
        "section": cited.get_parent().url,  # cards
    }
    for name, url in pages.items():
        found = document_numbers_on(client, url)
        assert found, f"{name}: no document number on the page"
        assert all(wrapped for _number, wrapped in found), (name, found)
    css = static_text("css/site.css")
    assert re.search(r"\.doc-number\s*\{\s*white-space:\s*nowrap", css)


def test_document_numbers_stay_text_that_copies_and_searches_as_typed(client, seed_article):
    page = client.get(seed_article.url).content.decode()
    assert '<span class="doc-number">01-KL/TW</span>' in page  # a plain hyphen (U+002D), not U+2011
    assert "\u2011" not in page


def test_the_body_serif_is_self_hosted_with_every_vietnamese_letter_and_preloaded(client, seed_article, home):
    page = client.get(seed_article.url).content.decode()
    preloads = re.findall(r"<link rel=\"preload\"[^>]*>", page)
    files = []
    for link in preloads:
        assert 'as="font"' in link and 'type="font/woff2"' in link and "crossorigin" in link
        files.append(re.search(r'href="/static/fonts/([^"]+)"', link).group(1))
    assert sorted(files) == ["noto-serif-latin-400-normal.woff2", "noto-serif-vietnamese-400-normal.woff2"]

    css = static_text("css/site.css")
    faces = re.findall(r"@font-face\s*\{([^}]*)\}", css)
    assert faces
    ranges = {}
    for face in faces:
        assert 'font-family: "Noto Serif"' in face and "font-display: swap" in face
        source = re.search(r'url\("\.\./fonts/([^"]+\.woff2)"\)', face).group(1)
        with open(finders.find(f"fonts/{source}"), "rb") as font:
            assert font.read(4) == b"wOF2", source
        style = re.search(r"font-style: (\w+); font-weight: (\d+)", face).groups()
        ranges.setdefault(style, "")
        ranges[style] += re.search(r"unicode-range: ([^;]+);", face).group(1)
    # Each style covers ASCII and Latin-1 (à, é, ô...) and the Vietnamese letters and tones (ă, đ, ơ, ư, ạ...ỹ).
    for style, covered in ranges.items():
        for needed in ("U+0000-00FF", "U+0102-0103", "U+0110-0111", "U+01A0-01A1", "U+01AF-01B0", "U+1EA0-1EF9"):
            assert needed in covered, (style, needed)
    assert re.search(r'--serif: "Noto Serif",', css)
    assert finders.find("fonts/OFL-noto-serif.txt"), "the SIL Open Font License travels with the font"
    # Fonts come from the site itself, which the Content Security Policy allows; other pages preload nothing.
    assert "font-src 'self'" in client.get(seed_article.url).headers["Content-Security-Policy"]
    assert 'rel="preload"' not in client.get(home.url).content.decode()


def test_demo_photos_are_illustrations_without_an_empty_band(seed_article):
    images = list(CaptionedImage.objects.all())
    assert len(images) >= 10
    for image in images:
        with image.open_file() as file, Image.open(file) as picture:
            picture = picture.convert("RGB")
            width, height = picture.size
            small = picture.resize((60, 40))
            assert len(small.getcolors(maxcolors=2400)) > 40, f"{image.title}: a flat block of colour"
            # The bottom fifth is part of the picture, not a pale strip of one colour.
            bottom = picture.crop((0, height * 4 // 5, width, height))
            assert max(ImageStat.Stat(bottom).stddev) > 8, f"{image.title}: a flat band along the bottom"
            assert min(ImageStat.Stat(bottom).mean) < 235, f"{image.title}: a pale band along the bottom"
    from organisation.models import Official

    for official in Official.objects.exclude(photo=None):
        assert official.photo.height > official.photo.width, "a portrait is portrait-shaped"


def test_an_article_without_a_photo_is_a_text_card(client, section):
    article = ArticlePage.objects.get(slug=NO_PHOTO_SLUG)
    assert article.feature_image is None
    page = client.get(section.url).content.decode()
    cards = re.findall(r'<article class="card[^"]*">.*?</article>', page, re.S)
    card = next(card for card in cards if article.url in card)
    assert 'class="card card--text"' in card and "<img" not in card and "card__image" not in card
    with_photo = [card for card in cards if "<img" in card]
    assert with_photo and all("card--with-image" in card for card in with_photo)

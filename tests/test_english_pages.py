"""English pages in English (issue 19, item 6): the menu of every English view and of the English 404 page, tags
(written in Vietnamese only, so not shown on English pages), the home page's latest news and featured block, each
article listed once, untranslated items marked as Vietnamese; and no English on the Vietnamese pages."""

import re

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from articles.models import ArticleIndexPage, ArticlePage
from official_documents.models import OfficialDocument
from organisation.models import RelatedLink
from tests.markup import unwrap_document_numbers

pytestmark = pytest.mark.django_db


def html(response):
    return response.content.decode()


def menu(content):
    """{href: text} of the main menu."""
    nav = re.search(r'<nav class="main-nav".*?</nav>', content, re.S).group(0)
    links = re.findall(r'<a[^>]* href="([^"]+)"[^>]*>(.*?)</a>', nav, re.S)
    return {href: re.sub(r"<[^>]+>", "", text).strip() for href, text in links}  # the home link's label in a span


def section_of(content, title_id):
    """The HTML of the home page's <section> headed by the title with this id."""
    found = re.search(rf'<section[^>]*aria-labelledby="{title_id}".*?</section>', content, re.S)
    return found.group(0) if found else None


@pytest.fixture
def english_sections(home, english):
    return [
        section.get_translation(english)
        for section in ArticleIndexPage.objects.child_of(home).live()
        if section.has_translation(english)
    ]


@pytest.mark.parametrize(
    "url",
    [
        "/en/van-ban/",
        "/en/van-ban/cong-khai-tai-chinh/",
        "/en/search/?q=workers",
        "/en/tu-khoa/h%E1%BB%8Dc-t%E1%BA%ADp-v%C3%A0-l%C3%A0m-theo-b%C3%A1c/",
    ],
)
def test_views_that_are_not_pages_show_the_english_menu(client, url, english_sections):
    response = client.get(url)
    assert response.status_code == 200
    links = menu(html(response))
    assert links["/en/"] == "Home"
    for section in english_sections:
        assert links[section.url] == escape(section.title)
    assert all(href.startswith("/en/") for href in links), links


def test_the_english_404_page_is_english_and_leads_to_the_english_home(client, english_sections):
    response = client.get("/en/khong-co-trang-nay/")
    assert response.status_code == 404
    content = html(response)
    assert '<html lang="en">' in content and "Page not found" in content
    assert '<a href="/en/">Back to the home page</a>' in content
    links = menu(content)
    assert links["/en/"] == "Home" and all(href.startswith("/en/") for href in links), links


def test_vietnamese_views_keep_the_vietnamese_menu(client, home):
    for url in ("/van-ban/", "/khong-co-trang-nay/"):
        links = menu(html(client.get(url)))
        assert links["/"] == "Trang chủ"
        assert not any(href.startswith("/en/") for href in links), links


def test_english_articles_show_no_vietnamese_tags_and_vietnamese_ones_do(client, seed_article, english_article):
    english = html(client.get(english_article.url))
    assert "/tu-khoa/" not in english and 'class="tags"' not in english and "article:tag" not in english
    vietnamese = html(client.get(seed_article.url))
    assert 'rel="tag">Học tập và làm theo Bác</a>' in vietnamese
    assert '<meta property="article:tag" content="Học tập và làm theo Bác">' in vietnamese


def test_the_english_tag_page_marks_the_tag_as_vietnamese(client):
    url = reverse("news:tag", args=["học-tập-và-làm-theo-bác"])
    assert '<h1 class="page-title">Từ khóa: Học tập và làm theo Bác</h1>' in html(client.get(url))
    content = html(client.get(url.replace("/", "/en/", 1)))
    assert '<h1 class="page-title">Tag: <span lang="vi">Học tập và làm theo Bác</span></h1>' in content


def test_the_english_home_lists_english_articles_each_once(client, english):
    content = html(client.get("/en/"))
    english_articles = ArticlePage.objects.live().filter(locale=english)
    assert english_articles.count() >= 5  # the demo's English side (load_demo_content, ENGLISH_ARTICLES)
    featured, latest = section_of(content, "featured-title"), section_of(content, "latest-title")
    assert featured.count('class="card__title"') == 3
    assert "Latest news" in latest and latest.count('class="card__title"') >= 2
    assert "No articles yet." not in content
    listed = re.findall(r'<h3 class="card__title"><a href="([^"]+)"', featured + latest)
    assert len(listed) == len(set(listed)), listed  # no article twice
    assert all(url.startswith("/en/") for url in listed), listed
    for article in ArticlePage.objects.live().exclude(locale=english):  # no Vietnamese title
        assert escape(article.title) not in content


def test_with_one_english_article_the_home_shows_it_alone_and_claims_no_emptiness(client, english, english_article):
    for article in ArticlePage.objects.live().filter(locale=english).exclude(pk=english_article.pk):
        article.unpublish()
    content = html(client.get("/en/"))
    featured = section_of(content, "featured-title")
    assert 'class="featured__grid featured__grid--single"' in featured
    assert featured.count('class="card__title"') == 1 and english_article.url in featured
    # No "Latest news: No articles yet." under the article: the featured block shows every article there is.
    assert section_of(content, "latest-title") is None and "No articles yet." not in content


def test_a_language_without_articles_says_so(client, english):
    for article in ArticlePage.objects.live().filter(locale=english):
        article.unpublish()
    content = html(client.get("/en/"))
    assert section_of(content, "featured-title") is None
    assert "No articles yet." in section_of(content, "latest-title")


def test_the_vietnamese_pages_show_no_english(client, english):
    content = html(client.get("/"))
    for article in ArticlePage.objects.live().filter(locale=english):
        assert escape(article.title) not in content
    # English links are the language switcher's and the hreflang alternates only.
    assert re.findall(r'href="/en/[^"]*"', content) == ['href="/en/"']


def test_an_untranslated_document_is_cited_in_vietnamese_and_marked_so(client, english):
    article = ArticlePage.objects.get(slug="free-legal-advice-bao-thang", locale=english)
    document = OfficialDocument.objects.get(number="45/2019/QH14")
    assert not document.has_translation(english)
    with translation.override("vi"):
        citation = escape(document.citation)  # "Luật số 45/2019/QH14"
    with translation.override("en"):
        url = document.get_absolute_url()
    content = unwrap_document_numbers(html(client.get(article.url)))
    assert f'<li lang="vi"><a href="{url}">{citation}</a></li>' in content
    # The translated documents are cited in English, without a language of their own.
    translated = ArticlePage.objects.get(slug="135th-anniversary-of-president-ho-chi-minhs-birth", locale=english)
    assert '<li><a href="/en/van-ban/' in html(client.get(translated.url))


def test_an_untranslated_link_is_shown_in_vietnamese_and_marked_so(client, home):
    RelatedLink.objects.create(locale=home.locale, title="Báo Lào Cai", url="https://baolaocai.example", live=True)
    content = html(client.get("/en/"))
    assert '<li lang="vi"><a href="https://baolaocai.example" rel="noopener">Báo Lào Cai</a></li>' in content
    # A translated link is in the page's language: no language of its own.
    assert '<li><a href="https://laodong.vn/" rel="noopener">Lao Dong newspaper</a></li>' in content


def test_legal_questions_on_the_english_page_are_marked_vietnamese(client, home, english):
    from legal_qa.models import LegalQAPage

    vietnamese = LegalQAPage.objects.child_of(home).get()
    content = html(client.get(vietnamese.get_translation(english).url))
    assert content.count('<h3 class="qa__question" lang="vi">') == 3  # the demo's three answered questions
    assert "Readers' questions and their answers are published in Vietnamese." in content
    vietnamese_content = html(client.get(vietnamese.url))
    assert '<h3 class="qa__question">' in vietnamese_content and "tiếng Việt." not in vietnamese_content

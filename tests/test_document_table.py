"""The document library as the table readers of Vietnamese portals expect (Số, ký hiệu · Ngày ban hành · Trích yếu ·
Tải về), the financial reports alike, and a document's page naming each citing page once, in the page's language."""

import datetime
import re

import pytest
from django.core.files.base import ContentFile
from django.utils import translation
from django.utils.html import escape
from wagtail.documents.models import Document
from wagtail.models import Locale

from official_documents.models import DocumentKind, OfficialDocument
from tests.markup import unwrap_document_numbers

pytestmark = pytest.mark.django_db


def html_of(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200
    return unwrap_document_numbers(response.content.decode())  # numbers are kept whole by a span (issue 19)


def column_headers(html):
    return re.findall(r'<th scope="col"[^>]*>([^<]*)</th>', html)


def rows(html):
    """Each row of the table's body as (number, date cell text, download cell HTML)."""
    body = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    found = []
    for row in re.findall(r"<tr>(.*?)</tr>", body, re.S):
        number = re.search(r'<th scope="row"[^>]*><a href="[^"]+">([^<]*)</a>', row).group(1)
        date = re.search(r'<td class="document-table__date"[^>]*>(.*?)</td>', row, re.S).group(1)
        date = re.sub(r"<[^>]+>", "", date)
        download = re.search(r'<td class="document-table__download"[^>]*>(.*?)</td>', row, re.S).group(1)
        found.append((number, date.strip(), download))
    return found


def english_url(document):
    with translation.override("en"):
        return document.get_absolute_url()


def test_the_library_is_a_table_with_the_four_columns_in_each_language(client, english):
    html = html_of(client, "/van-ban/")
    assert '<table class="document-table">' in html and "<caption>" in html
    assert column_headers(html) == ["Số, ký hiệu", "Ngày ban hành", "Trích yếu", "Tải về"]
    assert '<ul class="document-list">' not in html
    english_html = html_of(client, "/en/van-ban/")
    assert column_headers(english_html) == ["Number", "Date issued", "Summary", "Download"]
    assert "<caption>Documents by date issued, newest first" in english_html


def test_rows_newest_first_then_the_undated_ones_shown_as_such(client, home):
    for number in ("7/TB-LĐLĐ", "3/TB-LĐLĐ"):
        OfficialDocument.objects.create(locale=home.locale, number=number, issuer="LĐLĐ tỉnh")
    found = rows(html_of(client, "/van-ban/"))
    dated = [row for row in found if row[1] != "Chưa rõ ngày"]
    days = [datetime.datetime.strptime(row[1], "%d/%m/%Y").date() for row in dated]
    assert days == sorted(days, reverse=True) and len(days) >= 5
    undated = [row[0] for row in found[len(dated) :]]  # after the dated ones, by number among themselves
    assert {"3/TB-LĐLĐ", "7/TB-LĐLĐ"} <= set(undated) and undated == sorted(undated)
    assert all(row[1] == "Chưa rõ ngày" for row in found[len(dated) :])
    assert found[0][1] == "25/03/2025"  # the newest, the demo's financial report


def test_download_cell_gives_type_and_size_or_says_there_is_no_file(client, home):
    document = OfficialDocument.objects.get(locale=home.locale, number="01-KL/TW")
    document.file = Document.objects.create(title="KL 01", file=ContentFile(b"%PDF-1.4 " + b"x" * 2039, "kl01.pdf"))
    document.file.file_size = 2048
    document.file.save()
    document.save()
    by_number = {number: download for number, _date, download in rows(html_of(client, "/van-ban/"))}
    assert f'<a href="{document.file.url}" download>PDF' in by_number["01-KL/TW"]
    assert "2,0\xa0KB" in by_number["01-KL/TW"]  # Vietnamese decimal comma
    assert "Chưa có tệp" in by_number["05-CT/TW"]


def test_filters_and_pagination_still_apply_to_the_table(client, home):
    numbers = [row[0] for row in rows(html_of(client, "/van-ban/", kind=DocumentKind.KE_HOACH))]
    assert numbers == ["260/KH-LĐLĐ"]
    numbers = [row[0] for row in rows(html_of(client, "/van-ban/", year="2021", issuer="Bộ Chính trị"))]
    assert numbers == ["01-KL/TW"]
    html = html_of(client, "/van-ban/", q="zzzqqq")
    assert "<table" not in html and "Không có văn bản nào khớp với điều kiện lọc." in html


def test_financial_reports_are_the_same_table_under_each_year(client, home):
    OfficialDocument.objects.create(
        locale=home.locale, number="9/BC-LĐLĐ", kind=DocumentKind.BAO_CAO_TAI_CHINH, issuer="LĐLĐ tỉnh"
    )
    html = html_of(client, "/van-ban/cong-khai-tai-chinh/")
    assert column_headers(html)[:4] == ["Số, ký hiệu", "Ngày ban hành", "Trích yếu", "Tải về"]
    assert html.index('id="nam-2025"') < html.index('id="nam-khong-ro"') < html.index("9/BC-LĐLĐ")
    assert "Chưa rõ ngày" in html


def citing_campaign_titles(html):
    section = html.split('id="citing-campaigns"', 1)[1].split("</section>", 1)[0]
    return re.findall(r'<li><a href="[^"]+">([^<]*)</a>', section)


def test_a_document_page_lists_its_campaign_once_in_the_language_shown(client, campaign, english):
    """The English campaign cites the Vietnamese document (the legal basis is synchronised), so the Vietnamese page
    listed both translations, and the English page neither."""
    english_campaign = campaign.get_translation(english)
    document = OfficialDocument.objects.get(locale=Locale.get_default(), number="01-KL/TW")
    assert citing_campaign_titles(html_of(client, document.get_absolute_url())) == [campaign.title]
    english_document = document.get_translation(english)
    english_html = html_of(client, english_url(english_document))
    assert citing_campaign_titles(english_html) == [english_campaign.title]
    assert campaign.title not in english_html


def test_a_campaign_not_yet_translated_is_shown_in_vietnamese(client, campaign, english):
    campaign.get_translation(english).unpublish()
    english_document = OfficialDocument.objects.get(locale=english, number="01-KL/TW")
    assert citing_campaign_titles(html_of(client, english_url(english_document))) == [campaign.title]


def test_a_document_page_lists_the_articles_of_its_language(client, seed_article, english_article, english):
    document = OfficialDocument.objects.get(locale=Locale.get_default(), number="01-KL/TW")
    html = html_of(client, document.get_absolute_url())
    section = html.split('id="citing-articles"', 1)[1].split("</section>", 1)[0]
    titles = re.findall(r'<li><a href="[^"]+">([^<]*)</a>', section)
    assert titles.count(escape(seed_article.title)) == 1 and len(set(titles)) == len(titles) > 1
    assert escape(english_article.title) not in titles
    english_html = html_of(client, english_url(document.get_translation(english)))
    section = english_html.split('id="citing-articles"', 1)[1].split("</section>", 1)[0]
    english_titles = re.findall(r'<li><a href="[^"]+">([^<]*)</a>', section)
    assert english_titles.count(escape(english_article.title)) == 1  # once, and only English articles
    assert not set(english_titles) & set(titles) and len(set(english_titles)) == len(english_titles)

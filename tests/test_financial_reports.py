"""Công khai tài chính: the annual financial reports, a kind of official document, listed by year with files."""

import datetime

import pytest
from django.urls import reverse

from official_documents.models import DocumentKind, OfficialDocument

pytestmark = pytest.mark.django_db
URL = reverse("official_documents:financial_reports")


def test_the_demo_report_is_listed_under_its_year_with_its_file(client):
    report = OfficialDocument.objects.get(kind=DocumentKind.BAO_CAO_TAI_CHINH, locale__language_code="vi")
    html = client.get(URL).content.decode()
    assert "<h2>Năm 2025</h2>" in html
    assert report.citation_html in html and report.get_absolute_url() in html
    assert f'href="{report.file.url}" download' in html and "Tải về (PDF" in html
    download = client.get(report.file.url)
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF-")


def test_reports_are_grouped_by_year_newest_first_and_other_documents_left_out(client, home):
    OfficialDocument.objects.create(
        locale=home.locale,
        number="12/BC-LĐLĐ",
        kind=DocumentKind.BAO_CAO_TAI_CHINH,
        issued_on=datetime.date(2023, 3, 1),
    )
    html = client.get(URL).content.decode()
    assert html.index("Năm 2025") < html.index("Năm 2023")
    assert "12/BC-LĐLĐ" in html
    assert "01-KL/TW" not in html


def test_reports_are_a_kind_in_the_document_library_and_linked_from_every_page(client):
    library = client.get(reverse("official_documents:list"), {"kind": DocumentKind.BAO_CAO_TAI_CHINH}).content.decode()
    assert "28/BC-LĐLĐ" in library and "số 01-KL/TW" not in library
    assert f'href="{URL}"' in client.get("/").content.decode()


def test_the_page_says_so_when_there_is_no_report(client):
    OfficialDocument.objects.filter(kind=DocumentKind.BAO_CAO_TAI_CHINH).delete()
    assert "Chưa có báo cáo tài chính." in client.get(URL).content.decode()

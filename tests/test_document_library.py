"""The document library (Văn bản): newest first, filters by kind, year and issuer, search by number in any
spelling, pagination keeping the filters, and a page per document with its file and who cites it."""

import datetime
import re

import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.models import Locale

from official_documents.models import DocumentKind, OfficialDocument
from tests.markup import unwrap_document_numbers

pytestmark = pytest.mark.django_db
URL = "/van-ban/"


def vietnamese():
    return OfficialDocument.objects.filter(locale=Locale.get_default())


def numbers(client, **params):
    """The numbers of the documents listed, in the table's order (its row headers link to the documents)."""
    response = client.get(URL, params)
    assert response.status_code == 200
    return re.findall(
        r'<th scope="row"[^>]*><a href="/van-ban/\d+/">([^<]*)</a>', unwrap_document_numbers(response.content.decode())
    )


def test_newest_first_with_undated_documents_last(client):
    OfficialDocument.objects.create(locale=Locale.get_default(), number="99/TB-LĐLĐ", issuer="LĐLĐ tỉnh")
    found = numbers(client)
    dated = vietnamese().filter(issued_on__isnull=False).order_by("-issued_on")
    assert found[: dated.count()] == [document.number for document in dated]
    assert found[-1] == "99/TB-LĐLĐ"


@pytest.mark.parametrize(
    "query", ["01-KL/TW", "01-kl/tw", "01 KL TW", "01/kl-tw", "kết luận 01", "ket luan so 01", "KL 01"]
)
def test_search_by_number_in_any_spelling(client, query):
    assert numbers(client, q=query) == ["01-KL/TW"]


def test_search_by_words_of_the_summary_without_diacritics(client):
    assert "05-CT/TW" in numbers(client, q="dao duc phong cach")


def test_filters_by_kind_year_and_issuer(client):
    assert numbers(client, kind=DocumentKind.KE_HOACH) == ["260/KH-LĐLĐ"]
    assert set(numbers(client, year=2021)) == {"01-KL/TW", "260/KH-LĐLĐ", "67/HD-LĐLĐ"}
    assert set(numbers(client, issuer="Bộ Chính trị")) == {"01-KL/TW", "05-CT/TW"}
    assert numbers(client, issuer="Bộ Chính trị", year=2016) == ["05-CT/TW"]
    html = client.get(URL, {"kind": DocumentKind.CHI_THI}).content.decode()
    assert '<label for="id_kind">' in html and '<option value="chi-thi" selected>' in html


def test_a_bad_filter_is_ignored_with_a_message_not_an_error(client):
    response = client.get(URL, {"year": "abc", "kind": "khong-co"})
    assert response.status_code == 200
    assert len(numbers(client, year="abc")) == vietnamese().count()
    assert 'class="filters__error"' in response.content.decode()


def test_pagination_keeps_the_filters(client):
    for number in range(45):
        OfficialDocument.objects.create(
            locale=Locale.get_default(),
            number=f"{number + 1}/TB-CĐ",
            issuer="Công đoàn ngành",
            issued_on=datetime.date(2020, 1, 1) + datetime.timedelta(days=number),
        )
    html = client.get(URL, {"issuer": "Công đoàn ngành"}).content.decode()
    assert "page=2" in html and "issuer=C%C3%B4ng" in html.split('rel="next"')[0].rsplit("href", 1)[-1]
    second = numbers(client, issuer="Công đoàn ngành", page=2)
    assert len(second) == 20 and all(number.endswith("/TB-CĐ") for number in second)


def test_document_page_has_file_size_type_and_who_cites_it(client, seed_article, campaign):
    document = vietnamese().get(number="01-KL/TW")
    document.file = Document.objects.create(
        title="Kết luận 01", file=ContentFile(b"%PDF-1.4 " + b"x" * 2039, "kl01.pdf")
    )
    document.save()
    html = unwrap_document_numbers(client.get(document.get_absolute_url()).content.decode())
    assert "(PDF, 2,0\xa0KB)" in html  # Vietnamese decimal comma
    assert document.file.url in html
    assert seed_article.title in html
    assert campaign.title in html


def test_citations_in_article_bodies_are_listed(client, seed_article):
    document = vietnamese().get(number="05-CT/TW")
    article = seed_article.specific
    article.documents.clear()
    article.body.append(("document", {"document": document, "note": ""}))
    article.save_revision().publish()
    html = unwrap_document_numbers(client.get(document.get_absolute_url()).content.decode())
    assert article.title in html


def test_articles_link_to_document_pages(client, seed_article):
    html = client.get(seed_article.url).content.decode()
    document = vietnamese().get(number="01-KL/TW")
    assert f'href="{document.get_absolute_url()}"' in html

"""Editors can open every kind of content in the Wagtail admin."""

import pytest

from images.models import CaptionedImage
from official_documents.models import OfficialDocument

pytestmark = pytest.mark.django_db


def test_every_page_type_opens_in_the_editor(admin_client, home, section, seed_article, campaign):
    for page in (home, section, seed_article, campaign):
        response = admin_client.get(f"/admin/pages/{page.pk}/edit/")
        assert response.status_code == 200, page


def test_documents_are_snippets_listed_and_editable(admin_client):
    document = OfficialDocument.objects.get(number="01-KL/TW", locale__language_code="vi")
    listing = admin_client.get("/admin/snippets/official_documents/officialdocument/")
    assert listing.status_code == 200 and "01-KL/TW" in listing.content.decode()
    edit = admin_client.get(f"/admin/snippets/official_documents/officialdocument/edit/{document.pk}/")
    assert edit.status_code == 200


def test_image_form_has_caption_and_credit(admin_client):
    image = CaptionedImage.objects.filter(credit="PT (LĐLĐ tỉnh)").first()
    content = admin_client.get(f"/admin/images/{image.pk}/").content.decode()
    assert 'name="caption"' in content and 'name="credit"' in content
    assert "PT (LĐLĐ tỉnh)" in content


def test_document_numbers_are_stored_in_one_spelling(db):
    document = OfficialDocument.objects.create(number=" 12 - kh / lđlđ ")
    assert document.number == "12-KH/LĐLĐ"
    assert document.get_kind_display() == "Kế hoạch"


def test_the_admin_asks_no_third_party_for_avatars(client, approver):
    client.force_login(approver)
    html = client.get("/admin/").content.decode()
    assert "gravatar" not in html and "default-user-avatar" in html

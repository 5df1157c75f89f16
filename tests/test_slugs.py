"""New pages get ASCII addresses from Vietnamese titles, through the admin's own create view."""

import re

import pytest
from django.test import Client

from articles.models import ArticlePage
from editorial.slugs import FORMATTERS, ascii_slug
from tests.factories import article_form

pytestmark = pytest.mark.django_db

TITLE = "Công đoàn tỉnh Đắk Lắk tổng kết phong trào thi đua năm 2025"
EXPECTED = "cong-doan-tinh-dak-lak-tong-ket-phong-trao-thi-dua-nam-2025"


@pytest.fixture
def editor_client(editor):
    client = Client()
    client.force_login(editor)
    return client


def create(client, section, title, slug):
    return client.post(f"/admin/pages/add/articles/articlepage/{section.pk}/", article_form(title, slug))


def test_a_page_created_without_a_slug_gets_its_title_in_ascii(editor_client, section):
    create(editor_client, section, TITLE, "")
    assert ArticlePage.objects.filter(slug=EXPECTED).exists()
    # A second page with the same title gets a numbered address, not an error.
    create(editor_client, section, TITLE, "")
    assert ArticlePage.objects.filter(slug=f"{EXPECTED}-2").exists()


def test_a_slug_typed_with_diacritics_is_folded_to_ascii(editor_client, section):
    create(editor_client, section, "Công đoàn tỉnh", "công-đoàn-tỉnh")
    assert ArticlePage.objects.filter(slug="cong-doan-tinh").exists()


def test_the_editor_transliterates_vietnamese_in_the_browser_the_same_way(editor_client, section):
    html = editor_client.get(f"/admin/pages/add/articles/articlepage/{section.pk}/").content.decode()
    # Unicode slugs off (Django leaves a false attribute out; the controller's default is off), and the
    # formatters that fold Vietnamese letters, "đ" (\u0111) among them, sent with the slug field.
    assert "data-w-slug-allow-unicode-value" not in html
    formatters = html.split("data-w-slug-formatters-value=", 1)[1][:1500]
    assert "\\\\u0111" in formatters and "\\\\u1ec9" in formatters  # đ, ỉ

    # What the browser does with those formatters, then Wagtail's ASCII clean-up, gives the server's slug.
    def browser(title):
        for pattern, replacement in FORMATTERS:
            title = pattern.sub(replacement, title)
        return re.sub(r"[-\s]+", "-", re.sub(r"[^-\w\s]", "", title.lower(), flags=re.ASCII)).strip("-")

    for title in (TITLE, "Học tập và làm theo Bác", "Người lao động được hỗ trợ", "Ủy ban Kiểm tra"):
        assert browser(title) == ascii_slug(title)

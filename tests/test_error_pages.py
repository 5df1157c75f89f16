"""Readers who hit a missing page or a server error get a page in Vietnamese, through the normal request path."""

import pytest
from django.test import Client

from articles.models import ArticlePage

pytestmark = pytest.mark.django_db


def test_a_missing_page_answers_404_in_vietnamese_with_a_way_back(client):
    response = client.get("/chuyen-muc-khong-co/bai-khong-co/")
    assert response.status_code == 404
    content = response.content.decode()
    assert '<html lang="vi">' in content
    assert "<h1>Không tìm thấy trang</h1>" in content
    assert "Trang bạn tìm không tồn tại hoặc đã được chuyển đi." in content
    assert '<a href="/">Về trang chủ</a>' in content


def test_an_unpublished_article_answers_the_same_404(client, seed_article):
    url = seed_article.url
    seed_article.unpublish()
    response = client.get(url)
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()


def test_a_server_error_answers_500_in_vietnamese(seed_article, monkeypatch):
    def broken(self, request, *args, **kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(ArticlePage, "get_context", broken)
    response = Client(raise_request_exception=False).get(seed_article.url)
    assert response.status_code == 500
    content = response.content.decode()
    assert '<html lang="vi">' in content
    assert "Hệ thống đang gặp sự cố" in content
    assert "Vui lòng thử lại sau ít phút." in content
    assert "the database went away" not in content and "Traceback" not in content


@pytest.mark.parametrize("path", ["/lien-he/", "/hoi-dap-phap-luat/", "/en/contact/"])
@pytest.mark.parametrize("charset", ["latin-1", "windows-1258", "UTF-16"])
def test_a_form_posted_in_another_charset_than_utf8_answers_400_not_a_bare_500(path, charset):
    """Found by tests/test_fuzz.py: with the CSRF cookie, such a post made the 400 and 500 views read the body
    again and raise again, past every error page (core/middleware.py)."""
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    page = client.get(path)
    if page.status_code == 404:
        pytest.skip(f"no page at {path} in the demo content")
    token = client.cookies["csrftoken"].value
    body = f"csrfmiddlewaretoken={token}&name=Lan".encode()
    content_type = f"application/x-www-form-urlencoded; charset={charset}"
    response = client.generic("POST", path, body, content_type)
    assert response.status_code == 400
    # In UTF-8 the same post reaches the form (which asks for the missing fields).
    response = client.generic("POST", path, body, "application/x-www-form-urlencoded; charset=utf-8")
    assert response.status_code == 200

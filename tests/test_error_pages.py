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

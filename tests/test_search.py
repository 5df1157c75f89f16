"""Readers find articles however they type: with or without marks, in raw Telex, with abbreviations."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.importer import ArticleImporter
from tests.factories import article_record, jsonl

pytestmark = pytest.mark.django_db


def result_urls(client, query):
    return [result["url"] for result in client.get("/search/", {"q": query, "format": "json"}).json()["results"]]


@pytest.fixture
def safety_article(home):
    ArticleImporter(home, publish=True).import_line(
        jsonl(
            [
                article_record(
                    500,
                    slug="huan-luyen-an-toan-ve-sinh-lao-dong",
                    title="Huấn luyện an toàn vệ sinh lao động cho công nhân thủy điện",
                    body=["Người lao động được hướng dẫn quy trình đóng bảo hiểm xã hội và đoàn kết."],
                )
            ]
        )
    )
    from articles.models import ArticlePage

    return ArticlePage.objects.get(slug="huan-luyen-an-toan-ve-sinh-lao-dong")


@pytest.mark.parametrize(
    "query",
    [
        "Huấn luyện an toàn",  # exact
        "huan luyen an toan ve sinh",  # unaccented
        "HUẤN luyen AN TOAN",  # partial marks, capitals
        "huaans luyeenj",  # raw Telex
        "ATVSLĐ thủy điện",  # abbreviation of the title's words
        "thuỷ điện",  # the other tone placement
    ],
)
def test_an_article_is_found_however_the_query_is_typed(client, safety_article, query):
    assert safety_article.url in result_urls(client, query)


def test_search_returns_only_live_articles(client, safety_article):
    safety_article.unpublish()
    assert safety_article.url not in result_urls(client, "huan luyen an toan")


def test_search_page_shows_results_with_date(client, safety_article):
    content = client.get("/search/", {"q": "huấn luyện"}).content.decode()
    assert safety_article.title in content and "Tìm thấy" in content


@pytest.mark.parametrize("query", ["", " ", "x" * 10_000, "<script>alert(1)</script>", "'; DROP TABLE x; --", "\u0301"])
def test_bad_input_never_fails(client, query):
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()
    assert client.get("/search/", {"q": query, "format": "json"}).status_code == 200


def test_search_queries_do_not_grow_with_results(client, home):
    client.get("/search/", {"q": "công đoàn"})  # warm the caches a running server has warm
    with CaptureQueriesContext(connection) as few:
        client.get("/search/", {"q": "công đoàn"})
    importer = ArticleImporter(home, publish=True)
    for number in range(15):
        importer.import_line(jsonl([article_record(600 + number, title=f"Công đoàn cơ sở số {number}")]))
    client.get("/search/", {"q": "công đoàn"})  # publishing emptied the sidebar's cache
    with CaptureQueriesContext(connection) as many:
        client.get("/search/", {"q": "công đoàn"})
    assert len(many) <= len(few) <= 10

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


def publish(home, *records):
    importer = ArticleImporter(home, publish=True)
    for record in records:
        importer.import_line(jsonl([record]))


def search_json(client, query, **params):
    return client.get("/search/", {"q": query, "format": "json", **params}).json()


def slugs(client, query):
    return [result["url"].rstrip("/").rsplit("/", 1)[-1] for result in search_json(client, query)["results"]]


def test_an_accented_query_ranks_exact_tones_first(client, home):
    publish(
        home,
        article_record(701, slug="bac-ha", title="Chợ phiên Bắc Hà đông vui", body=["Người dân Bắc Hà xuống chợ."]),
        article_record(702, slug="bac-ho", title="Kể chuyện về Bác Hồ", body=["Những lời dạy của Bác."]),
        article_record(703, slug="bac-tien", title="Tiền bạc và hộ nghèo", body=["Hỗ trợ bạc triệu."]),
    )
    assert slugs(client, "lời dạy của Bác")[0] == "bac-ho"
    assert slugs(client, "Bắc Hà")[0] == "bac-ha"
    assert set(slugs(client, "bac")) >= {"bac-ha", "bac-ho", "bac-tien"}  # without marks, all three


def test_a_whole_phrase_ranks_above_scattered_words(client, home):
    publish(
        home,
        article_record(
            711,
            slug="rai-rac",
            title="Công nhân được tặng quà",
            body=["Hội nghị diễn ra trong tháng này, có nhiều đoàn viên và công nhân tham dự."],
            published="2025-06-01",
        ),
        article_record(
            712,
            slug="cum-tu",
            title="Hưởng ứng hoạt động của công đoàn",
            body=["Các cấp công đoàn phát động Tháng Công nhân với nhiều hoạt động."],
            published="2024-01-01",
        ),
    )
    ranked = slugs(client, "tháng công nhân")
    assert ranked.index("cum-tu") < ranked.index("rai-rac")


def test_neighbouring_words_count_where_the_whole_phrase_is_not_found(client, home):
    publish(
        home,
        article_record(
            713,
            slug="ke-nhau",
            title="Tin tức trong tuần",
            body=["Hội nghị của người lao động diễn ra sáng nay tại tỉnh với nhiều ý kiến đóng góp."],  # 3 of 4 pairs
            published="2024-01-01",
        ),
        article_record(
            714,
            slug="roi-nhau",
            title="Tin tức trong tuần",
            body=["Người dân dự hội thao; nghị quyết mới cho lao công và phong trào vận động."],
            published="2025-06-01",  # newer: first if the pairs counted for nothing
        ),
    )
    from search.models import Synonym

    Synonym.objects.all().delete()  # the pairs alone: the phrase is also a group of synonyms (search/0004)
    ranked = slugs(client, "hội nghị người lao động")
    assert ranked.index("ke-nhau") < ranked.index("roi-nhau")


def test_an_underscore_in_a_query_is_the_character_typed(client, home):
    """The phrase bonus compares texts with SQL's LIKE, where _ matches any character: typed (it is a word
    character, "giải_đua" one word), it is only itself, and "giải_đua thuyền" gives no bonus to "giải đua thuyền"."""
    publish(
        home,
        article_record(
            722, slug="co-cum", title="Tin tức", body=["Giải đua thuyền rồng sáng nay."], published="2024-01-01"
        ),
        article_record(
            723,
            slug="khong-cum",
            title="Tin tức",
            body=["Thuyền rồng giải đua sáng nay."],  # the same words: the same score but for a phrase bonus
            published="2025-06-01",  # newer: first when neither has a bonus
        ),
    )
    assert slugs(client, "giải_đua thuyền")[:2] == ["khong-cum", "co-cum"]
    ranked = slugs(client, "giải đua thuyền")
    assert ranked.index("co-cum") < ranked.index("khong-cum"), "as three words, the phrase counts"


@pytest.mark.parametrize("query", ["09-KL/TW", "09-kl/tw", "09 KL TW", "KL 09", "kết luận 9", "ket luan so 09"])
def test_document_numbers_are_found_in_any_spelling(client, home, query):
    publish(home, article_record(721, slug="trich-dan", title="Sơ kết hai năm thực hiện", documents=["09-KL/TW"]))
    from official_documents.models import OfficialDocument

    document = OfficialDocument.objects.get(number="09-KL/TW")  # made by the import, published with the article
    assert slugs(client, query)[:2] == [str(document.pk), "trich-dan"]  # the document's own page, then citing it


def test_abbreviations_edited_by_administrators_take_effect(client, home, admin_client):
    from search.models import Abbreviation

    publish(home, article_record(731, slug="quan-he", title="Xây dựng quan hệ lao động hài hòa trong doanh nghiệp"))
    assert "quan-he" not in slugs(client, "QHLĐ")
    response = admin_client.post(
        "/admin/snippets/search/abbreviation/add/", {"short": "QHLĐ", "expansion": "quan hệ lao động"}
    )
    assert response.status_code == 302 and Abbreviation.objects.filter(short="QHLĐ").exists()
    assert slugs(client, "QHLĐ")[0] == "quan-he"


def test_json_results_have_title_url_snippet_and_date(client, safety_article):
    data = search_json(client, "huan luyen  nguoi lao dong")
    assert data["query"] == "huan luyen nguoi lao dong" and data["total"] >= 1
    result = next(result for result in data["results"] if result["url"] == safety_article.url)
    assert result["title"] == safety_article.title
    assert result["published"] == safety_article.date.isoformat()
    assert "<mark>Người</mark> <mark>lao</mark> <mark>động</mark>" in result["snippet"]


def test_snippets_mark_the_words_found_even_without_diacritics(client, safety_article):
    content = client.get("/search/", {"q": "doan ket"}).content.decode()
    assert "<mark>đoàn</mark> <mark>kết</mark>" in content
    assert "Tin hoạt động" in content  # the section


def test_telex_queries_say_what_was_searched(client, safety_article):
    content = client.get("/search/", {"q": "huaans luyeenj"}).content.decode()
    assert "Kết quả cho" in content and "huấn luyện" in content
    assert safety_article.title in content


def test_no_results_page_is_friendly(client):
    content = client.get("/search/", {"q": "xyzzyqwv"}).content.decode()
    assert "Không tìm thấy kết quả nào cho “xyzzyqwv”" in content


def test_suggestions_complete_the_last_word_without_marks(client, safety_article):
    data = client.get("/search/suggest/", {"q": "huan luy"}).json()
    found = {"title": safety_article.title, "url": safety_article.url, "kind": "article", "kind_label": "Tin bài"}
    assert found in data["suggestions"]
    assert client.get("/search/suggest/", {"q": "\u0301<"}).json()["suggestions"] == []


def test_drafts_restricted_and_unpublished_pages_are_never_found(client, home, safety_article):
    from wagtail.models import PageViewRestriction

    draft = ArticleImporter(home, publish=False)
    draft.import_line(jsonl([article_record(741, slug="ban-nhap", title="Huấn luyện bản nháp bí mật")]))
    assert "ban-nhap" not in slugs(client, "ban nhap bi mat")
    restriction = PageViewRestriction.objects.create(
        page=safety_article, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    assert safety_article.url not in result_urls(client, "huấn luyện an toàn")
    restriction.delete()
    assert safety_article.url in result_urls(client, "huấn luyện an toàn")


def test_invalid_utf8_in_the_url_gets_an_answer(client):
    assert client.get("/search/?q=%ff%fe%c3").status_code == 200
    assert client.get("/search/?q=%ff&format=json").status_code == 200
    assert client.get("/search/?q=abc&page=abc").status_code == 200


def test_a_rebuilt_index_finds_the_same(client, safety_article):
    from django.core.management import call_command

    before = result_urls(client, "huấn luyện an toàn")
    call_command("rebuild_search_entries", stdout=__import__("io").StringIO())
    assert result_urls(client, "huấn luyện an toàn") == before


def test_old_and_new_tone_placement_find_the_same_and_say_so(client, safety_article):
    assert result_urls(client, "thuỷ điện") == result_urls(client, "thủy điện")
    content = client.get("/search/", {"q": "thuỷ điện"}).content.decode()
    assert "Kết quả cho" in content and "<strong>thủy điện</strong>" in content


def test_a_telex_reading_does_not_hide_the_word_typed(client, home):
    publish(home, article_record(751, slug="xe-bus", title="Tuyến bus đưa đón công nhân khu công nghiệp"))
    assert "xe-bus" in slugs(client, "bus")


def test_english_pages_are_searched_in_english_with_stemming(client, home, section):
    from wagtail.models import Locale

    english = Locale.objects.get(language_code="en")
    for page in (home, section):
        if page.get_translation_or_none(english) is None:
            page.copy_for_translation(english).save_revision().publish()
    publish(home, article_record(761, slug="an-toan", title="Công nhân học an toàn lao động"))
    from articles.models import ArticlePage

    article = ArticlePage.objects.get(slug="an-toan").copy_for_translation(english)
    article.title, article.lead = "Workers learn the safety rules", "Training for workers at the plant."
    article.save_revision().publish()
    found = client.get("/en/search/", {"q": "worker safety rule", "format": "json"}).json()
    assert [result["title"] for result in found["results"]][:1] == ["Workers learn the safety rules"]
    assert "<mark>workers</mark>" in found["results"][0]["snippet"].lower()
    vietnamese = client.get("/search/", {"q": "worker safety", "format": "json"}).json()
    assert "Workers learn the safety rules" not in [result["title"] for result in vietnamese["results"]]

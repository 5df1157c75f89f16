"""Readers find articles the way they really type: raw VNI keys, slips of the keyboard, whole questions."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.importer import ArticleImporter
from search import ranking
from tests.factories import article_record, jsonl

pytestmark = pytest.mark.django_db


def publish(home, *records):
    importer = ArticleImporter(home, publish=True)
    for record in records:
        importer.import_line(jsonl([record]))


def search_json(client, query):
    response = client.get("/search/", {"q": query, "format": "json"})
    assert response.status_code == 200
    return response.json()


def slugs(client, query):
    return [result["url"].rstrip("/").rsplit("/", 1)[-1] for result in search_json(client, query)["results"]]


def article(number, slug, title, body=(), documents=()):
    return article_record(
        number, slug=slug, title=title, lead=title, body=list(body) or [title], documents=list(documents), tags=[]
    )


@pytest.fixture
def planting(home):
    publish(
        home,
        article(801, "trong-cay", "Trồng cây xanh quanh khu nhà trọ công nhân", ["Mỗi phòng trọ nhận hai cây."]),
        article(802, "cay-trong", "Giống cà phê mới cho nông dân vùng cao", ["Cây giống được cấp miễn phí."]),
    )


# VNI


@pytest.mark.parametrize("query", ["tro62ng ca6y xanh", "trong62 cay6 xanh", "nha2 tro5 co6ng nha6n"])
def test_raw_vni_keys_find_the_article_and_say_what_was_searched(client, planting, query):
    assert slugs(client, query)[:1] == ["trong-cay"]
    content = client.get("/search/", {"q": query}).content.decode()
    assert "Kết quả cho" in content and "Bạn đã gõ:" in content


def test_vni_rewrite_is_shown_in_vietnamese(client, planting):
    content = client.get("/search/", {"q": "tro62ng ca6y xanh"}).content.decode()
    assert "<strong>trồng cây xanh</strong>" in content


def test_numbers_and_codes_are_not_read_as_vni(client, home):
    publish(
        home,
        article(
            811,
            "cum-h5n1",
            "Phòng chống cúm gia cầm H5N1 và Covid19 tại trạm CT1 năm 2024",
            ["Theo Nghị định 74/2024/NĐ-CP và Kết luận 01-KL/TW, tổ G7 trực ban."],
            documents=["74/2024/NĐ-CP", "01-KL/TW"],
        ),
    )
    for query in ["h5n1", "covid19 2024", "CT1", "g7", "74/2024/NĐ-CP", "01-kl/tw"]:
        data = search_json(client, query)
        assert "cum-h5n1" in slugs(client, query), query
        content = client.get("/search/", {"q": query}).content.decode()
        assert "Kết quả cho" not in content, query  # nothing was rewritten
        assert data["suggestion"] is None, query


# Questions


@pytest.fixture
def maternity(home):
    publish(
        home,
        article(
            821,
            "thai-san",
            "Chế độ thai sản của lao động nữ làm ca đêm",
            ["Lao động nữ được nghỉ sáu tháng và hưởng trợ cấp thai sản."],
        ),
        article(
            822,
            "hoi-dap-chung",
            "Hỏi đáp: ai, khi nào, ở đâu, bao nhiêu, như thế nào, có được không?",
            ["Ai được hỏi? Khi nào hỏi? Hỏi ở đâu? Bao nhiêu người? Như thế nào thì được? Có được không? Chưa."],
        ),
    )


@pytest.mark.parametrize(
    "query",
    [
        "lao động nữ làm ca đêm thì chế độ thai sản như thế nào",
        "chế độ thai sản được bao nhiêu tháng",
        "làm ca đêm có được chế độ thai sản không",
        "thai san lao dong nu nhu the nao",
    ],
)
def test_question_words_weigh_little_and_the_subject_decides(client, maternity, query):
    assert slugs(client, query)[:1] == ["thai-san"]


def test_without_the_question_rule_the_question_words_would_decide(client, maternity, monkeypatch):
    """The test above means something: with question words weighed as others, the page of questions wins."""
    query = "ai được nghỉ thai sản khi nào ở đâu bao nhiêu như thế nào có được không"
    assert slugs(client, query)[:1] == ["thai-san"]
    monkeypatch.setattr(ranking, "question_positions", lambda words: set())
    assert slugs(client, query)[:1] == ["hoi-dap-chung"]


def test_khong_as_a_content_word_keeps_its_weight(client, home):
    publish(
        home,
        article(831, "loc-khong-khi", "Lắp máy lọc không khí cho xưởng may", ["Máy lọc không khí chạy cả ngày."]),
        article(832, "loc-nuoc", "Lắp máy lọc nước cho xưởng may", ["Máy lọc nước sạch chạy cả ngày."]),
    )
    assert slugs(client, "máy lọc không khí")[:1] == ["loc-khong-khi"]
    assert ranking.parse("máy lọc không khí", abbreviations={}).asking == set()
    assert ranking.parse("máy lọc có sạch không", abbreviations={}).asking == {2, 4}


# Typos


@pytest.fixture
def culture_house(home):
    publish(
        home,
        article(841, "nha-van-hoa", "Khánh thành nhà văn hóa thôn Nậm Sài", ["Bà con thôn Nậm Sài góp công xây dựng."]),
        article(842, "cau-treo", "Khánh thành cầu treo bản Phìn Hồ", ["Cầu treo nối hai bờ suối."]),
    )


@pytest.mark.parametrize(
    ("query", "meant"),
    [
        ("khánh thành nhà văn hóaa thôn", "khánh thành nhà văn hóa thôn"),  # a doubled letter
        ("khánh thành nhà văn hóa thô", "khánh thành nhà văn hóa thôn"),  # a dropped letter
        ("khanh thanh nha van hoa thno", "khanh thanh nha van hoa thon"),  # a swapped pair, without marks
        ("khánh thành nhà văn hóa thốn", "khánh thành nhà văn hóa thôn"),  # one wrong mark
    ],
)
def test_a_slip_finds_the_article_and_suggests_the_corrected_query(client, culture_house, query, meant):
    data = search_json(client, query)
    assert slugs(client, query)[:1] == ["nha-van-hoa"]
    assert data["suggestion"] == meant
    content = client.get("/search/", {"q": query}).content.decode()
    assert "Có phải bạn muốn tìm:" in content and f"<strong>{meant}</strong>" in content


def test_a_word_found_as_typed_is_not_corrected(client, culture_house):
    assert search_json(client, "khánh thành cầu treo")["suggestion"] is None
    assert search_json(client, "khánh thành app")["suggestion"] is None  # a foreign word among marked ones


def test_corrected_words_weigh_less_than_the_words_typed(client, culture_house):
    from wagtail.models import Locale

    query = ranking.parse("khanh thanh thno", abbreviations={})
    ranking.search(query, Locale.get_default().pk)
    assert 0 < query.terms["f:thon"] < query.terms["f:khanh"]


def test_slips_are_looked_up_in_one_query_whatever_their_number(client, culture_house):
    """The words one slip away from all the words not found are counted in one query, beside the search's own and
    the count of the words not found (a word found nowhere is counted again each time, see document_frequencies)."""
    search_json(client, "khanh thanh nha van hoa thon")  # warm the caches a running server has warm
    with CaptureQueriesContext(connection) as none:
        assert search_json(client, "khanh thanh nha van hoa thon")["suggestion"] is None
    search_json(client, "khanhh thnah nha vna hoa thno")
    with CaptureQueriesContext(connection) as four:
        data = search_json(client, "khanhh thnah nha vna hoa thno")
    assert data["suggestion"] == "khanh thanh nha van hoa thon"
    assert len(four) <= len(none) + 2


def test_an_english_page_gets_no_vietnamese_corrections(client, home):
    query = ranking.parse("thno", language="en", abbreviations={})
    from wagtail.models import Locale

    assert ranking.correct_typos(query, {"f:thno": 0}, 10, Locale.get_default().pk) == {}
    assert query.corrections == {}


def test_a_word_found_nowhere_does_not_break_the_phrase_of_the_others(client, culture_house, home):
    publish(
        home,
        article(
            851,
            "thon-khac",
            "Thôn Nậm Sài họp bàn việc khánh thành",
            ["Nhà ở, văn phòng và hóa đơn của thôn được rà soát trước ngày khánh thành nhà mới."],
        ),
    )
    assert slugs(client, "nhà văn hóa thôn")[:1] == ["nha-van-hoa"]
    assert slugs(client, "WIFI nhà văn hóa thôn")[:1] == ["nha-van-hoa"]
    query = ranking.parse("WIFI nhà văn hóa thôn", abbreviations={})
    from wagtail.models import Locale

    ranking.search(query, Locale.get_default().pk)
    assert [phrase.folded for phrase in query.phrases] == [" nha van hoa thon "]

"""What the result snippets mark: the words typed wherever they stand, but a phrase that stands for the query (a
synonym of several words, an abbreviation's expansion) only where it stands whole, and never the words that only
make the query a question. The words here are not those of the development queries."""

import re

import pytest

from search.models import Abbreviation, Synonym
from search.snippets import snippet
from tests.test_search import publish, search_json
from tests.test_search_synonyms import record

pytestmark = pytest.mark.django_db


def marks(client, query):
    """{result slug: the marked words of its snippet, in order}."""
    return {
        result["url"].rstrip("/").rsplit("/", 1)[-1]: re.findall(r"<mark>([^<]*)</mark>", result["snippet"])
        for result in search_json(client, query)["results"]
    }


def test_a_synonym_of_several_words_is_marked_only_where_it_stands_whole(client, home):
    Synonym.objects.create(phrases="bếp ăn tập thể, nhà ăn ca")
    publish(
        home,
        record(
            861,
            "nha-an-ca",
            "Công nhân ăn trưa ở nhà ăn ca mới",
            "Nhà máy dựng nhà ăn ca rộng rãi. Ca đêm cũng có suất ăn. Nhà xe ở bên cạnh.",
        ),
    )
    found = marks(client, "bếp ăn tập thể")
    # the body's "nhà ăn ca" whole, and "ăn" (typed) in "suất ăn"; not the "Ca" of "Ca đêm" nor the "Nhà" of "Nhà xe"
    assert found["nha-an-ca"] == ["nhà", "ăn", "ca", "ăn"]


def test_an_abbreviation_is_marked_as_its_expansion_only_where_it_stands_whole(client, home):
    Abbreviation.objects.update_or_create(short="BHTN", defaults={"expansion": "bảo hiểm thất nghiệp"})
    publish(
        home,
        record(
            862,
            "that-nghiep",
            "Hướng dẫn hưởng trợ cấp",
            "Người mất việc hưởng bảo hiểm thất nghiệp; thẻ bảo hiểm y tế vẫn còn hạn.",
        ),
    )
    found = marks(client, "BHTN")
    assert found["that-nghiep"] == ["bảo", "hiểm", "thất", "nghiệp"]  # not the "bảo hiểm" of "bảo hiểm y tế"


def test_the_words_of_a_question_are_not_marked(client, home):
    publish(
        home,
        record(863, "lam-them", "Giới hạn giờ làm thêm", "Làm thêm giờ thế nào cho đúng luật? Như sau: tối đa 40 giờ."),
    )
    found = marks(client, "làm thêm giờ như thế nào")
    assert found["lam-them"] and {word.casefold() for word in found["lam-them"]} <= {"làm", "thêm", "giờ"}


def test_a_phrase_is_whole_only_with_spaces_between_its_words():
    text = "Khu nhà. Ăn ca ở đây; còn nhà ăn ca thì ở kia."
    html = snippet(text, set(), phrases=[("nha", "an", "ca")])
    assert re.findall(r"<mark>([^<]*)</mark>", html) == ["nhà", "ăn", "ca"]
    assert "Khu nhà. Ăn ca" in html  # across a full stop, no phrase

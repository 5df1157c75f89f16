"""The ranking's shortcuts, each proved equal to the plain way it replaces on the demo content, for the benchmark's
queries of every kind: the substring search of the phrase bonus (strpos/instr against LIKE), the candidates' sums
written as SQL (against every posting summed in Python), and the large-index shortcut (the common words summed for
the candidates only, against the full sum). And what makes synonyms of several words cheap: only their rarest word
is summed; and the texts' compression (PostgreSQL)."""

from collections import defaultdict

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from search import ranking
from search.benchmark_queries import FREER_QUERIES, QUERIES
from search.models import Abbreviation, SearchEntry, SearchTerm, Synonym
from tests.test_search import publish, slugs
from tests.test_search_synonyms import record

pytestmark = pytest.mark.django_db

EVERY_QUERY = [
    *(query for queries in (*QUERIES.values(), *FREER_QUERIES.values()) for query in queries),
    *["học tập và làm theo Bác", "cong doan co so", "Kết luận 01", "lao động"],
]


def ranked(query):
    """(entry, score rounded, pinned) of every result, in order."""
    locale = Locale.objects.get(language_code="vi").pk
    return [(r.pk, round(r.score, 6), r.pinned) for r in ranking.search(ranking.parse(query), locale)]


def test_the_phrase_bonus_reads_texts_as_like_does(monkeypatch):
    fast = {query: ranked(query) for query in EVERY_QUERY}
    assert sum(map(len, fast.values())) > 100  # the demo content answers them
    monkeypatch.setattr(ranking, "contains", ranking.like)
    assert {query: ranked(query) for query in EVERY_QUERY} == fast


def summed_in_python(weights, locale_id):
    """The plain way of `ranking.best_postings`: every posting of the terms read, and summed here."""
    scores = defaultdict(float)
    postings = SearchTerm.objects.filter(term__in=list(weights), locale_id=locale_id)
    for entry_id, term, weight in postings.values_list("entry_id", "term", "weight"):
        scores[entry_id] += weight * weights[term]
    return dict(sorted(scores.items(), key=lambda item: (-item[1], item[0]))[: ranking.CANDIDATES])


def test_the_candidates_are_the_sums_of_the_postings(monkeypatch):
    """The database's sum of the weighted postings (one term or several, written as SQL with the weights as
    floats) chooses the candidates that summing every posting in Python does, with the same scores."""
    fast = {query: ranked(query) for query in EVERY_QUERY}
    assert sum(map(len, fast.values())) > 100
    monkeypatch.setattr(ranking, "best_postings", summed_in_python)
    assert {query: ranked(query) for query in EVERY_QUERY} == fast


@pytest.mark.parametrize("query", EVERY_QUERY)
def test_a_large_index_gives_the_first_page_of_a_full_sum(monkeypatch, query):
    """On a large index the common words are not summed over all their postings but added for the candidates
    chosen by the others: the first page is the same, in the same order. The demo is made "large" and its words in
    more than 5 % of its entries "common", so that nearly every word of every query is."""
    full = ranked(query)[:10]
    monkeypatch.setattr(ranking, "LARGE_INDEX", 1)
    monkeypatch.setattr(ranking, "COMMON_SHARE", 0.05)
    assert ranked(query)[:10] == full


@pytest.fixture
def porters(home):
    Synonym.objects.create(phrases="thợ phụ hồ, lao động phổ thông")
    publish(
        home,
        record(851, "pho-thong", "Tuyển lao động phổ thông cho công trình cầu", "Nhà thầu cần năm mươi người."),
        record(852, "roi-rac", "Lao động vùng cao học phổ biến thông tin", "Các lớp học ở bản.", "2025-06-01"),
    )


def test_a_synonym_of_several_words_is_summed_by_its_rarest_word(client, porters):
    """ "lao động" is in most texts, "phổ thông" in one: summing "lao" and "động" over all their postings is what
    made synonyms slow; the phrase bonus sets the text holding the phrase whole above one holding its words apart."""
    with CaptureQueriesContext(connection) as captured:
        found = slugs(client, "thợ phụ hồ")
    postings = [query["sql"] for query in captured.captured_queries if "SUM(" in query["sql"].upper()]
    summed = postings[0]
    assert "t:phô3" in summed or "t:thông" in summed  # one term of the synonym, its exact tone
    assert not {"t:lao", "f:lao", "t:đông5", "f:dong", "f:pho", "f:thong"} & set(summed.replace("'", " ").split())
    assert found.index("pho-thong") < found.index("roi-rac")


def test_a_synonym_with_a_word_found_nowhere_adds_nothing(client, porters):
    before = slugs(client, "thợ phụ hồ")
    Synonym.objects.create(phrases="thợ phụ hồ, lao động xyzqw")
    assert slugs(client, "thợ phụ hồ") == before


def test_a_large_index_never_chooses_the_candidates_by_an_alternative_alone(monkeypatch, home):
    """When every word typed is common and the other side of an abbreviation is rare, the rare side alone used to
    choose the candidates: a text holding the words typed, in its title, was not found at all. The words typed
    must hold enough postings among the summed terms too."""
    Abbreviation.objects.update_or_create(short="NVHCN", defaults={"expansion": "nhà văn hóa công nhân"})
    publish(
        home,
        record(871, "viet-tat-1", "NVHCN khu công nghiệp mở cửa", "Bạn đọc đến NVHCN xem phim."),
        record(872, "viet-tat-2", "Sửa mái NVHCN", "NVHCN sẽ sửa xong trong tháng."),
        record(873, "day-du", "Nhà văn hóa công nhân đón khách", "Nhà văn hóa công nhân mở cửa cả tuần."),
    )
    query = "nhà văn hóa công nhân"
    assert "day-du" in found(query)  # the full sum finds it
    monkeypatch.setattr(ranking, "LARGE_INDEX", 1)
    monkeypatch.setattr(ranking, "COMMON_SHARE", 0.0)  # every word held is common
    monkeypatch.setattr(ranking, "CANDIDATES", 2)  # and two postings are enough to choose candidates by
    assert "day-du" in found(query)


def found(query):
    """The last part of the results' addresses."""
    locale = Locale.objects.get(language_code="vi").pk
    results = ranking.load(ranking.search(ranking.parse(query), locale))
    paths = [result.entry.page.url_path if result.entry.page else result.entry.url or "" for result in results]
    return [path.rstrip("/").rsplit("/", 1)[-1] for path in paths]


@pytest.mark.postgres(reason="LZ4 compression of the search texts is PostgreSQL's")
def test_the_search_texts_are_stored_compressed_with_lz4_where_the_server_has_it():
    """The phrase bonus decompresses 200 candidates' texts per search: LZ4 does it several times faster than the
    default pglz (search/migrations/0007)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT enumvals FROM pg_settings WHERE name = 'default_toast_compression'")
        if "lz4" not in cursor.fetchone()[0]:
            pytest.skip("this PostgreSQL server was built without LZ4")
    long_text = " ".join(f"công nhân số {n} là đoàn viên công đoàn" for n in range(400))
    entry = SearchEntry.objects.create(
        key="page:999999",
        locale=Locale.objects.get(language_code="vi"),
        kind="article",
        title="Bài dài",
        text=long_text,
        folded=long_text,
        keyed=long_text,
        folded_title=" bai dai ",
        length=2000,
    )
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_column_compression(text), pg_column_compression(folded), pg_column_compression(keyed) "
            "FROM search_searchentry WHERE id = %s",
            [entry.pk],
        )
        assert cursor.fetchone() == ("lz4", "lz4", "lz4")

"""The Vietnamese text rules of search/text.py, which every comparison of typed and stored text uses."""

import unicodedata

import pytest

from search.text import (
    abbreviation_alternatives,
    document_keys,
    document_number,
    document_number_key,
    fold,
    nfc,
    place_tone,
    query_document_keys,
    search_form,
    telex_decode,
    tone_key,
    words,
)


def test_text_is_composed_whatever_the_input_method_sent():
    decomposed = unicodedata.normalize("NFD", "Công đoàn cơ sở")
    assert decomposed != "Công đoàn cơ sở"
    assert nfc(decomposed) == "Công đoàn cơ sở"


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Liên đoàn Lao động", "lien doan lao dong"),
        ("ĐOÀN VIÊN", "doan vien"),
        ("Người lao động", "nguoi lao dong"),
        (unicodedata.normalize("NFD", "Học tập"), "hoc tap"),
    ],
)
def test_folding_drops_every_mark_and_reads_d_for_dd(text, folded):
    assert fold(text) == folded


@pytest.mark.parametrize(
    ("old", "new"),
    [("hoà", "hòa"), ("thuỷ", "thủy"), ("uỷ", "ủy"), ("khoẻ", "khỏe"), ("Hoà bình", "Hòa bình")],
)
def test_old_and_new_tone_placement_are_the_same_word(old, new):
    assert [tone_key(word) for word in old.split()] == [tone_key(word) for word in new.split()]


def test_words_that_fold_alike_keep_different_tone_keys():
    keys = {tone_key(word) for word in ["Bác", "bắc", "bạc", "bác"]}
    assert keys == {"bac1", "băc1", "bac5"}
    assert fold("Bác") == fold("bắc") == "bac"


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("hocj", "học"),
        ("taapj", "tập"),
        ("ddoanf", "đoàn"),
        ("vieen", "viên"),
        ("teets", "tết"),
        ("vaayf", "vầy"),
        ("nguwowif", "người"),
        ("truwowngf", "trường"),
        ("quoocs", "quốc"),
        ("hoaf", "hòa"),
        ("ngoaif", "ngoài"),
    ],
)
def test_raw_telex_decodes_to_the_syllable(typed, meant):
    assert telex_decode(typed) == meant


@pytest.mark.parametrize("token", ["test", "news", "class", "online", "covid", "lao", "dong", "hoc", "bác", "2024"])
def test_english_words_plain_syllables_and_numbers_are_left_alone(token):
    assert telex_decode(token) is None


def test_tone_placement_for_display():
    assert place_tone("thuy", 3) == "thủy"
    assert place_tone("hoan", 2) == "hoàn"
    assert place_tone("ươn", 1) == "ướn"


@pytest.mark.parametrize("spelling", ["01-KL/TW", "01-kl/tw", "01 - KL / TW", " 01-Kl/Tw "])
def test_document_numbers_have_one_spelling(spelling):
    assert document_number(spelling) == "01-KL/TW"


@pytest.mark.parametrize("spelling", ["01-KL/TW", "01 kl tw", "01.KL.TW", "01-kl-tw"])
def test_document_number_keys_ignore_separators_case_and_marks(spelling):
    assert document_number_key(spelling) == "01 kl tw"
    assert document_number_key("260/KH-LĐLĐ") == document_number_key("260 kh ldld")


@pytest.mark.parametrize(
    "query",
    ["01-KL/TW", "01-kl/tw", "01 KL TW", "KL 01", "kết luận 01", "Kết luận số 01", "ket luan so 1", "KL 1"],
)
def test_a_query_names_a_document_in_any_common_spelling(query):
    assert query_document_keys(words(query)) == {"1kl"}


def test_a_number_without_a_kind_names_no_document():
    assert query_document_keys(words("năm 2024 có 01 hội nghị")) == set()


def test_document_numbers_are_read_out_of_text():
    text = "Theo Kết luận số 01-KL/TWcủa Bộ Chính trị, Kế hoạch 260/KH-LĐLĐ và Luật 45/2019/QH14 ngày 18/5/2021"
    assert document_keys(text) == {"1kl", "260kh", "45qh"}


@pytest.mark.parametrize(
    ("query", "alternative"),
    [
        ("nợ đóng BHXH", "bảo hiểm xã hội"),
        ("an toàn, vệ sinh lao động thủy điện", "ATVSLĐ"),
        ("cong doan co so", "CĐCS"),
        ("ldld tinh", "Liên đoàn Lao động"),
    ],
)
def test_abbreviations_expand_both_ways_with_or_without_marks(query, alternative):
    assert alternative in abbreviation_alternatives(query)


@pytest.mark.parametrize(
    ("raw", "clean_text"),
    [("  Công\u0000 đoàn\t\n ", "Công đoàn"), ("\u0301\u0301bác", "bác"), ("x" * 10_000, "x" * 200)],
)
def test_queries_are_cleaned_of_controls_lone_marks_and_excess(raw, clean_text):
    from search.ranking import clean

    assert clean(raw) == clean_text


@pytest.mark.parametrize(("word", "form"), [("Công", "cong"), ("workers", "workers")])
def test_vietnamese_search_forms_are_folded_words(word, form):
    assert search_form(word) == form


def test_english_search_forms_are_stems():
    assert search_form("workers", "en") == search_form("worker", "en") == "worker"

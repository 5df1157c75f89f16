"""The Vietnamese text rules of search/text.py, which every comparison of typed and stored text uses."""

import unicodedata

import pytest

from search.text import (
    abbreviation_alternatives,
    document_keys,
    document_number,
    document_number_key,
    fold,
    folded_edits,
    keyed_edits,
    mark_variants,
    nfc,
    place_tone,
    query_document_keys,
    question_positions,
    search_form,
    telex_decode,
    tone_key,
    vni_decode,
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


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("tro62ng", "trồng"),  # the tone after the vowel
        ("trong62", "trồng"),  # ... or at the end of the syllable
        ("ca6y", "cây"),
        ("d9i", "đi"),
        ("d9u7o7ng2", "đường"),
        ("duong792", "đường"),  # the horn on both letters of "uo"
        ("kho3e", "khỏe"),
        ("xu7o7ng3", "xưởng"),
        ("ba8ng", "băng"),
        ("quy1", "quý"),
        ("o73", "ở"),
    ],
)
def test_raw_vni_decodes_to_the_syllable(typed, meant):
    assert vni_decode(typed) == meant


@pytest.mark.parametrize(
    "token",
    # numbers, codes and their parts as the search splits them ("74/2024/NĐ-CP" -> 74, 2024, nđ, cp), English
    ["2024", "01", "74", "ct1", "h5n1", "covid19", "g7", "qh14", "a4", "b2", "kl", "cp", "mp3", "4g", "x2", "ba6i1"],
)
def test_numbers_codes_and_words_that_are_no_vni_syllable_are_left_alone(token):
    assert vni_decode(token) is None


def test_vni_needs_one_tone_and_a_letter_that_takes_each_mark():
    assert vni_decode("ma12") is None  # two tones
    assert vni_decode("bi6") is None  # no a, e or o for a circumflex
    assert vni_decode("ta9") is None  # no d for the stroke


@pytest.mark.parametrize(
    ("question", "asking"),
    [
        ("lương hưu tính như thế nào", ["như", "thế", "nào"]),
        ("đóng phí công đoàn ở đâu", ["ở", "đâu"]),
        ("nghỉ ốm có được trả lương không ạ", ["có", "không", "ạ"]),
        ("đã chốt sổ bảo hiểm chưa", ["đã", "chưa"]),
        ("ai ký quyết định kỷ luật", ["ai"]),
        ("vì sao bị trừ lương", ["vì", "sao"]),
        ("tang luong bao nhieu", ["bao", "nhieu"]),  # phrases are known without marks too
        ("ngôi sao sân cỏ", []),  # "sao" ends a question only
        ("cảng hàng không", []),  # so does "không", after a word that opens one
        ("máy lọc không khí", []),
        ("dau lung", []),  # without marks, "dau" is "đau" as well as "đâu"
        ("thi nâng bậc thợ", []),  # "thi", not "thì"
    ],
)
def test_question_words_are_told_from_content_words(question, asking):
    query_words = question.split()
    assert [query_words[position] for position in sorted(question_positions(query_words))] == asking


def test_slips_are_one_letter_or_one_mark_away_and_vietnamese():
    assert "thon" in folded_edits("thno") and "thon" in folded_edits("thonn") and "thon" in folded_edits("thn")
    assert all(len(edit) >= 1 for edit in folded_edits("ngoay"))
    assert "xqz" not in folded_edits("xqzz")  # not a syllable
    assert "nong1" in keyed_edits("nónng")  # the reader's tone kept
    assert {"tư3", "tu2"} <= mark_variants("tủ") and "tư2" not in mark_variants("tủ")  # one mark, not two

"""Vietnamese text handling, in one place: everything that compares what people type with what is stored
imports from here.

Three forms of a word are used:
- folded: lower case without any mark, đ as d ("Bác" -> "bac", "bắc" -> "bac"), to find text however typed;
- tone key: lower case, vowel letters kept (ă â ê ô ơ ư đ), the tone as a digit at the end ("Bác" -> "bac1",
  "bắc" -> "băc1", "hoà" and "hòa" -> "hoa2"): equal exactly when the words are the same, whichever tone
  placement (old "hòa" or new "hoà") was used, so accented queries can prefer exact matches;
- NFC, the form everything is stored in.
"""

import html
import re
import unicodedata
from collections.abc import Iterable, Mapping
from functools import lru_cache

import snowballstemmer

# Combining tone marks, by their digit in VNI order: sắc 1, huyền 2, hỏi 3, ngã 4, nặng 5.
TONE_MARKS = {"\u0301": 1, "\u0300": 2, "\u0309": 3, "\u0303": 4, "\u0323": 5}
TONE_BY_DIGIT = {digit: mark for mark, digit in TONE_MARKS.items()}

WORD = re.compile(r"\w+", re.UNICODE)


def nfc(text: str | None) -> str:
    """Unicode NFC: some input methods and editors store decomposed (NFD) text, which looks the same but
    compares differently."""
    return unicodedata.normalize("NFC", text or "")


def fold(text: str | None) -> str:
    """Lower case without diacritics, with đ as d: "Liên đoàn Lao động" -> "lien doan lao dong"."""
    decomposed = unicodedata.normalize("NFD", nfc(text).casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.replace("đ", "d")


# Texts reuse a few thousand words: fold and key each one once (for indexing and snippets).
fold_word = lru_cache(maxsize=100_000)(fold)


def split_tone(word: str) -> tuple[str, int]:
    """("hoà" -> ("hoa", 2)): the word in lower case without its tone mark, and the tone's digit (0: none)."""
    tone = 0
    kept = []
    for ch in unicodedata.normalize("NFD", nfc(word).casefold()):
        if ch in TONE_MARKS:
            tone = TONE_MARKS[ch]
        else:
            kept.append(ch)
    return unicodedata.normalize("NFC", "".join(kept)), tone


def tone_key(word: str) -> str:
    """The same key for old and new tone placement ("hoà", "hòa" -> "hoa2"; "thuỷ", "thủy" -> "thuy3"),
    different keys for different words ("bác" -> "bac1", "bắc" -> "băc1", "bạc" -> "bac5")."""
    toneless, tone = split_tone(word)
    return f"{toneless}{tone}" if tone else toneless


tone_key_word = lru_cache(maxsize=100_000)(tone_key)

# Vietnamese words do not inflect; English ones are stemmed (Snowball), so "workers" finds "worker".
STEMMERS = {"en": snowballstemmer.stemmer("english")}


@lru_cache(maxsize=100_000)
def search_form(word: str, language: str = "vi") -> str:
    """The form under which a word is indexed and looked up: folded, and stemmed where the language inflects."""
    folded = fold(word)
    stemmer = STEMMERS.get(language)
    if stemmer is None:
        return folded
    stemmed: str = stemmer.stemWord(folded)  # snowballstemmer ships no type information
    return stemmed


_TAG = re.compile(r"<[^>]*>")


def html_text(markup: str | None) -> str:
    """The text of rich text (HTML), words of adjacent paragraphs kept apart: "<p>a</p><p>b</p>" -> "a b"."""
    return " ".join(html.unescape(_TAG.sub(" ", markup or "")).split())


def words(text: str) -> list[str]:
    """The words of a text, in NFC and lower case."""
    return WORD.findall(nfc(text).casefold())


# Syllable structure, for deciding whether a decoded Telex token is Vietnamese. Vowel clusters are those
# of the language (without tone); a rough but sufficient filter against decoding English words.
INITIALS = "ngh|nh|ng|gh|gi|kh|ph|th|tr|ch|qu|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x"
FINALS = "ch|nh|ng|c|m|n|p|t"
VOWEL_CLUSTERS = frozenset(
    {
        "a",
        "ă",
        "â",
        "e",
        "ê",
        "i",
        "o",
        "ô",
        "ơ",
        "u",
        "ư",
        "y",
        "ai",
        "ao",
        "au",
        "ay",
        "âu",
        "ây",
        "eo",
        "êu",
        "ia",
        "iê",
        "iu",
        "oa",
        "oă",
        "oe",
        "oi",
        "ôi",
        "ơi",
        "ua",
        "uâ",
        "uê",
        "ui",
        "uô",
        "uơ",
        "uy",
        "ưa",
        "ưi",
        "ươ",
        "ưu",
        "yê",
        "iêu",
        "oai",
        "oay",
        "oao",
        "oeo",
        "uây",
        "uôi",
        "uya",
        "uyê",
        "uyu",
        "ươi",
        "ươu",
        "yêu",
    }
)
SYLLABLE = re.compile(
    rf"^(?P<initial>{INITIALS})?(?P<vowels>[aăâeêioôơuưy]{{1,3}})(?P<final>{FINALS})?$",
)
MODIFIED_VOWELS = set("ăâêôơư")


# Clusters that end in a glide take no final consonant ("tai", not "taim").
GLIDE_ENDED = {v for v in VOWEL_CLUSTERS if len(v) > 1 and v[-1] in "iyou"} - {"uy"}  # "huynh", "huýt"


def syllable_parts(toneless: str) -> tuple[str, str, str] | None:
    """(initial, vowel cluster, final) of a Vietnamese syllable written without tone, or None."""
    match = SYLLABLE.match(toneless)
    if not match:
        return None
    initial, vowels, final = match.group("initial") or "", match.group("vowels"), match.group("final") or ""
    if vowels not in VOWEL_CLUSTERS or (final and vowels in GLIDE_ENDED):
        return None
    return initial, vowels, final


def place_tone(toneless: str, tone: int) -> str:
    """Write a syllable with its tone in the traditional placement most Vietnamese press uses ("hòa", "thủy",
    "quốc"; the newer rule writes "hoà", "thuỷ"). Both give the same tone_key."""
    parts = syllable_parts(toneless)
    if not tone or parts is None:
        return toneless
    initial, vowels, final = parts
    modified = [index for index, ch in enumerate(vowels) if ch in MODIFIED_VOWELS]
    if modified:
        position = modified[-1]
    elif final or len(vowels) == 1:
        position = len(vowels) - 1
    elif len(vowels) == 2:
        position = 0
    else:
        position = 1
    marked = unicodedata.normalize("NFC", vowels[position] + TONE_BY_DIGIT[tone])
    return initial + vowels[:position] + marked + vowels[position + 1 :] + final


# Typing slips, for finding what a reader meant by a word the index does not hold: a letter dropped, doubled
# (a doubled letter is one too many), two neighbours swapped, one mark wrong.
VIETNAMESE_LETTERS = "abcdeghiklmnopqrstuvxy"
FOLDED_SYLLABLE = re.compile(rf"^(?P<initial>{fold(INITIALS)})?(?P<vowels>[aeiouy]{{1,3}})(?P<final>{FINALS})?$")
FOLDED_CLUSTERS = frozenset(fold(cluster) for cluster in VOWEL_CLUSTERS)
FOLDED_GLIDE_ENDED = frozenset(fold(cluster) for cluster in GLIDE_ENDED)
# The letters one mark tells apart.
MARKED_LETTERS = [set("aăâ"), set("eê"), set("oôơ"), set("uư"), set("dđ")]


def is_folded_syllable(word: str) -> bool:
    """Whether a folded word ("truong") can be a Vietnamese syllable written without marks."""
    match = FOLDED_SYLLABLE.match(word)
    return bool(
        match
        and match.group("vowels") in FOLDED_CLUSTERS
        and not (match.group("final") and match.group("vowels") in FOLDED_GLIDE_ENDED)
    )


def edits(letters: str) -> set[str]:
    """The spellings one slip away: a letter dropped or doubled, two neighbours swapped, a letter left out."""
    deleted = {letters[:i] + letters[i + 1 :] for i in range(len(letters))}
    swapped = {letters[:i] + letters[i + 1] + letters[i] + letters[i + 2 :] for i in range(len(letters) - 1)}
    inserted = {letters[:i] + ch + letters[i:] for i in range(len(letters) + 1) for ch in VIETNAMESE_LETTERS}
    return (deleted | swapped | inserted) - {letters}


def folded_edits(word: str) -> set[str]:
    """The Vietnamese syllables, folded, one slip away from the word: "conng" -> {"cong", ...}."""
    return {edit for edit in edits(fold(word)) if is_folded_syllable(edit)}


def keyed_edits(word: str) -> set[str]:
    """The tone keys of the Vietnamese syllables one slip of a letter away, with the word's marks: "nónng" ->
    {"nong1", ...}."""
    toneless, tone = split_tone(word)
    return {f"{edit}{tone or ''}" for edit in edits(toneless) if syllable_parts(edit)}


def mark_variants(word: str) -> set[str]:
    """The tone keys of the Vietnamese syllables written with the same letters and one mark changed: another
    tone, or another vowel mark ("tủ" -> "tu", "tu1", "tư3"...; "đông" -> "đong", "dông"...)."""
    toneless, tone = split_tone(word)
    spellings = {toneless}
    for index, ch in enumerate(toneless):
        for letters in MARKED_LETTERS:
            if ch in letters:
                spellings |= {toneless[:index] + other + toneless[index + 1 :] for other in letters}
    keys = {f"{spelling}{other or ''}" for spelling in spellings if syllable_parts(spelling) for other in range(6)}
    return keys - {f"{toneless}{tone or ''}"} - {key for key in keys if key != toneless and _two_marks(key, word)}


def _two_marks(key: str, word: str) -> bool:
    """Whether a tone key differs from the word in both its tone and a letter (two slips, not one)."""
    toneless, tone = split_tone(word)
    other_tone = int(key[-1]) if key[-1].isdigit() else 0
    return other_tone != tone and key.rstrip("12345") != toneless


def keyed_word(key: str) -> str:
    """The word a tone key stands for, with its tone placed as usual: "nong1" -> "nóng"."""
    tone = int(key[-1]) if key[-1].isdigit() else 0
    return place_tone(key.rstrip("12345"), tone)


TELEX_TONES = {"s": 1, "f": 2, "r": 3, "x": 4, "j": 5}
TELEX_LETTERS = [
    ("uow", "ươ"),
    ("dd", "đ"),
    ("aa", "â"),
    ("aw", "ă"),
    ("ee", "ê"),
    ("oo", "ô"),
    ("ow", "ơ"),
    ("uw", "ư"),
]


def telex_decode(token: str) -> str | None:
    """The Vietnamese syllable a raw Telex token stands for ("hocj" -> "học", "ddoanf" -> "đoàn",
    "taapj" -> "tập"), or None when it is not one (English words, abbreviations, plain syllables)."""
    if not token.isascii() or not token.isalpha() or len(token) < 2:
        return None
    word = token.lower()
    tone = 0
    if word[-1] in TELEX_TONES and len(word) > 2:
        tone = TELEX_TONES[word[-1]]
        word = word[:-1]
    changed = bool(tone)
    for keys, letter in TELEX_LETTERS:
        if keys in word:
            word = word.replace(keys, letter)
            changed = True
    if not changed or syllable_parts(word) is None:
        return None
    return place_tone(word, tone)


# VNI: digits typed after the letters they modify. 1-5 the tones; 6 circumflex (â ê ô), 7 horn (ơ ư), 8 breve (ă),
# 9 the stroke of đ.
VNI_MODIFIERS: dict[str, dict[str, str]] = {
    "6": {"a": "â", "e": "ê", "o": "ô"},
    "7": {"o": "ơ", "u": "ư"},
    "8": {"a": "ă"},
    "9": {"d": "đ"},
}
_VNI_TOKEN = re.compile(r"[a-z]+(?:[1-9][a-z]*)+")  # a letter first, digits among or after letters, no 0


def _vni_modify(letters: list[str], digit: str, after: int) -> bool:
    """Apply a VNI letter digit to `letters` (in place): to the letter right before it (`after`) when it takes the
    mark, else to the syllable's letters that take it (the horn goes on both letters of "uo": ươ). False when no
    letter takes it."""
    marks = VNI_MODIFIERS[digit]
    if after >= 0 and letters[after] in marks:
        targets = [after]
        if digit == "7" and after > 0 and letters[after - 1 : after + 1] == ["u", "o"]:
            targets = [after - 1, after]  # "uo7" -> "ươ"
    else:
        targets = [index for index, ch in enumerate(letters) if ch in marks]
        if digit == "9":
            targets = targets[:1]  # the initial d
        elif digit == "7" and "".join(letters[i] for i in targets) == "uo":
            pass  # "huong7" -> "hương"
        elif len(targets) != 1:
            return False  # which vowel is meant is unclear
    if not targets:
        return False
    for index in targets:
        letters[index] = marks[letters[index]]
    return True


def vni_decode(token: str) -> str | None:
    """The Vietnamese syllable a raw VNI token stands for ("hie61n" and "hien61" -> "hiến", "d9oa2n" -> "đoàn",
    "nam8" -> "năm"), or None when it is not one: numbers and codes ("2024", "CT1", "h5n1", "covid19", "g7") are
    left alone, as a decoded token must be a valid Vietnamese syllable with one tone at most (and a lone vowel
    with a tone, "a4", is a code)."""
    word = token.lower()
    if not word.isascii() or not _VNI_TOKEN.fullmatch(word):
        return None
    letters: list[str] = []
    tone = 0
    for ch in word:
        if not ch.isdigit():
            letters.append(ch)
        elif ch in "12345":
            if tone:
                return None  # two tones
            tone = int(ch)
        elif not _vni_modify(letters, ch, len(letters) - 1):
            return None
    toneless = unicodedata.normalize("NFC", "".join(letters))
    if syllable_parts(toneless) is None or (len(letters) == 1 and toneless.isascii()):
        return None  # a lone letter and a tone is a code ("A4", "a1"); "o73" (ở) has its letter's mark
    return place_tone(toneless, tone)


# The words that make a sentence a question, from Vietnamese grammar: interrogative words (ai, gì, nào, đâu, sao,
# mấy, bao nhiêu...), the question frames (có ... không, đã ... chưa, có phải ... không) and the sentence-final
# particles (à, ạ, nhỉ, nhé, hả...). They say that the reader asks, not what about: a search weighs them little.
QUESTION_PHRASES = (  # wherever they stand
    "như thế nào",
    "làm thế nào",
    "thế nào",
    "ra sao",
    "khi nào",
    "lúc nào",
    "bao giờ",
    "bao lâu",
    "bao nhiêu",
    "tại sao",
    "vì sao",
    "làm sao",
    "là gì",
    "làm gì",
    "để làm gì",
    "ở đâu",
    "đi đâu",
    "có phải",
    "phải không",
    "gì",
    "ai",
    "nào",
    "đâu",
    "mấy",
    "thì",  # the topic particle of "X thì Y?"
    "à",
    "ạ",
    "ư",
    "nhỉ",
    "nhé",
    "hả",
    "hở",
    "chăng",
)
QUESTION_ENDINGS = (  # at the end of the sentence only: elsewhere they mean something ("không khí", "ngôi sao")
    "có được không",
    "được không",
    "phải không",
    "đúng không",
    "hay không",
    "hay chưa",
    "được chưa",
    "không",
    "chưa",
    "sao",
    "vậy",
    "thế",
    "chứ",
    "đấy",
)
QUESTION_FRAME_ENDS = ("không", "chưa")  # "có ... không", "đã ... chưa": the opening word is part of the question
QUESTION_FRAME_OPENERS = ("có", "đã")
# A lone ending word asks only after a word that opens a question ("có được nghỉ không"; not "hàng không", "ngôi sao").
QUESTION_OPENERS = ("có", "đã", "được", "phải", "hay", "còn")
# Without marks, a lone "ai", "dau", "nao", "may", "thi" are other words too ("ải", "đau", "não", "máy", "thi");
# only these lone words and the phrases of several words are taken for question words.
UNMARKED_QUESTION_WORDS = frozenset({"khong", "gi"})


Keyed = tuple[tuple[str, tuple[str, ...]], ...]  # phrases and their words' keys


@lru_cache(maxsize=2)
def question_keys(marked: bool) -> tuple[Keyed, Keyed, frozenset[str], frozenset[str]]:
    """The question words' keys, computed once per way of comparing (with marks or folded): the endings and
    phrases allowed that way with their words' keys (looked for from the end), the phrases alone (looked for
    inside), the openers' keys, the frame openers' keys."""
    key = tone_key if marked else fold

    def allowed(phrase: str) -> bool:
        return marked or " " in phrase or fold(phrase) in UNMARKED_QUESTION_WORDS

    def keyed(phrases: Iterable[str]) -> Keyed:
        return tuple((phrase, tuple(key(word) for word in phrase.split())) for phrase in phrases if allowed(phrase))

    return (
        keyed((*QUESTION_ENDINGS, *QUESTION_PHRASES)),
        keyed(QUESTION_PHRASES),
        frozenset(map(key, QUESTION_OPENERS)),
        frozenset(map(key, QUESTION_FRAME_OPENERS)),
    )


def question_positions(query_words: list[str]) -> set[int]:
    """The positions of the words that make the query a question ("công đoàn có quyền gì" -> {2, 4}): compared
    with their marks when the query has any, folded otherwise."""
    marked = any(fold(word) != word for word in query_words)
    key = tone_key if marked else fold
    keys = tuple(key(word) for word in query_words)
    phrases, inner, openers_keys, frame_openers_keys = question_keys(marked)
    found: set[int] = set()
    end = len(keys)
    ended_by: set[str] = set()
    while end > 0:  # endings and particles, from the end: "... được không ạ"
        for phrase, words_of in phrases:
            start = end - len(words_of)
            lone_ending = len(words_of) == 1 and phrase in QUESTION_ENDINGS
            if lone_ending and not set(keys[:start]) & openers_keys:
                continue
            if start >= 0 and keys[start:end] == words_of:
                found.update(range(start, end))
                ended_by.add(phrase.split()[-1])
                end = start
                break
        else:
            break
    if ended_by & set(QUESTION_FRAME_ENDS):  # "có ... không": the last opener before the content
        openers = [index for index in range(end) if keys[index] in frame_openers_keys]
        found.update(openers[-1:])
    index = 0
    while index < end:
        for _phrase, words_of in inner:
            if keys[index : index + len(words_of)] == words_of:
                found.update(range(index, index + len(words_of)))
                index += len(words_of) - 1
                break
        index += 1
    return found


_DOCUMENT_SEPARATORS = re.compile(r"\s*([-/])\s*")
_SPACES = re.compile(r"\s+")


def document_number(text: str) -> str:
    """The canonical spelling of an official document number: "01-kl/tw", "01 - KL / TW" -> "01-KL/TW"."""
    text = _DOCUMENT_SEPARATORS.sub(r"\1", nfc(text).strip())
    return _SPACES.sub(" ", text).upper()


def document_number_key(text: str) -> str:
    """A lookup key that ignores case, diacritics and separators: "01-KL/TW" and "01 kl tw" share one."""
    return _SPACES.sub(" ", re.sub(r"[-/.\s]+", " ", fold(text))).strip()


# Kinds of official documents: the code in their numbers ("01-KL/TW") and the name readers type ("kết luận 01").
DOCUMENT_KINDS = {
    "kl": "kết luận",
    "ct": "chỉ thị",
    "nq": "nghị quyết",
    "kh": "kế hoạch",
    "hd": "hướng dẫn",
    "qd": "quyết định",
    "tb": "thông báo",
    "cv": "công văn",
    "nd": "nghị định",
    "tt": "thông tư",
    "qh": "luật",
}
_KIND_BY_NAME = {fold(name): code for code, name in DOCUMENT_KINDS.items()}
# "01-KL/TW", "260/KH-LĐLĐ", "45/2019/QH14": a number, perhaps a year, then the kind's code.
_DOCUMENT_NUMBER = re.compile(r"(?<![\w/])(\d{1,4})(?:/\d{4})?[-/]([^\W\d_]+)")


def document_key(number: str, code: str) -> str:
    """One key per document whatever the spelling: number without leading zeros and the kind's code folded
    ("01", "KL" -> "1kl"). Different documents of one kind and number (01-KL/TW, 01-KL/TU) share it, which
    readers who type "kết luận 01" cannot tell apart either."""
    return f"{int(number)}{fold(code).rstrip('0123456789')}"


def document_keys(text: str) -> set[str]:
    """The keys of the document numbers written in a text ("theo Kết luận số 01-KL/TW" -> {"1kl"})."""
    return {document_key(number, code) for number, code in _DOCUMENT_NUMBER.findall(nfc(text))}


# A whole document number as written in running text, to be shown unbroken: "01-KL/TW", "260/KH-LĐLĐ",
# "12/2022/NĐ-CP", "45/2019/QH14" (not a date, "18/5/2021", nor a period, "2021-2025").
DOCUMENT_NUMBER_IN_TEXT = re.compile(r"(?<![\w/-])\d{1,4}(?:/\d{4})?(?:[-/][^\W\d_]+\w*)+")


def query_document_keys(tokens: Iterable[str]) -> set[str]:
    """The documents a query names, in any common spelling: "01-kl/tw", "01 KL TW", "KL 01", "kết luận 01",
    "kết luận số 01". A number counts when a kind's code or name stands right before or after it."""
    folded = [fold(token) for token in tokens]
    kinds: dict[int, str] = {}  # position of a kind's code or name -> code
    for position, token in enumerate(folded):
        if token in DOCUMENT_KINDS:
            kinds[position] = token
        pair = " ".join(folded[position : position + 2])
        if pair in _KIND_BY_NAME:
            kinds[position] = kinds[position + 1] = _KIND_BY_NAME[pair]
        elif token in _KIND_BY_NAME:
            kinds[position] = _KIND_BY_NAME[token]
    keys: set[str] = set()
    for position, token in enumerate(folded):
        if token.isdigit() and len(token) <= 4:
            before = position - 2 if position >= 2 and folded[position - 1] == "so" else position - 1
            for neighbour in (before, position + 1):
                if neighbour in kinds:
                    keys.add(document_key(token, kinds[neighbour]))
    return keys


# Abbreviations of the trade-union press, both ways ("ATVSLĐ" <-> "an toàn vệ sinh lao động"): the table that a
# fresh database starts with; administrators edit it in the admin (search.models.Abbreviation).
ABBREVIATIONS = {
    "LĐLĐ": "Liên đoàn Lao động",
    "TLĐLĐVN": "Tổng Liên đoàn Lao động Việt Nam",
    "TLĐ": "Tổng Liên đoàn",
    "CNVCLĐ": "công nhân viên chức lao động",
    "CNLĐ": "công nhân lao động",
    "CĐCS": "công đoàn cơ sở",
    "ATVSLĐ": "an toàn vệ sinh lao động",
    "BCH": "Ban Chấp hành",
    "BTV": "Ban Thường vụ",
    "UBND": "Ủy ban nhân dân",
    "HĐND": "Hội đồng nhân dân",
    "BHXH": "bảo hiểm xã hội",
    "BHYT": "bảo hiểm y tế",
    "BHTN": "bảo hiểm thất nghiệp",
    "KCN": "khu công nghiệp",
    "THPT": "trung học phổ thông",
    "THCS": "trung học cơ sở",
    "NLĐ": "người lao động",
    "HĐLĐ": "hợp đồng lao động",
    "TƯLĐTT": "thỏa ước lao động tập thể",
    "ĐVCĐ": "đoàn viên công đoàn",
    "BHLĐ": "bảo hộ lao động",
    "TNLĐ": "tai nạn lao động",
    "BNN": "bệnh nghề nghiệp",
    "PCCC": "phòng cháy chữa cháy",
    "MTTQ": "Mặt trận Tổ quốc",
    "ĐTN": "Đoàn Thanh niên",
    "CBCCVC": "cán bộ công chức viên chức",
    "CNVC": "công nhân viên chức",
    "UBKT": "Ủy ban Kiểm tra",
    "DN": "doanh nghiệp",
}


def abbreviation_alternatives(query: str, table: Mapping[str, str] = ABBREVIATIONS) -> list[str]:
    """Expansions of the abbreviations in the query, and abbreviations of the expansions it spells out. The
    query's punctuation is ignored ("an toàn, vệ sinh lao động" spells out ATVSLĐ)."""
    folded_query = f" {' '.join(fold_word(word) for word in words(query))} "
    folded_tokens = set(folded_query.split())
    found: list[str] = []
    for short, long in table.items():
        if fold_word(short) in folded_tokens:
            found.append(long)
        elif f" {' '.join(fold_word(word) for word in words(long))} " in folded_query:
            found.append(short)
    return found

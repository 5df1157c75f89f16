"""Vietnamese ranking on the project's own index (search/models.py), the same on SQLite and PostgreSQL.

A query becomes weighted terms: each word folded ("f:bac"), and when the reader typed marks, its exact tone
("t:bac1") weighing more than the folded fallback, so "Bác" ranks above "bắc"; raw Telex decoded ("hocj" ->
"học"); abbreviations both ways; document numbers in any spelling ("n:1kl"). The database sums BM25 over the
postings in one query and keeps the best candidates; a second query re-ranks them with a bonus for the query's
words standing together as a phrase, found in the stored texts, and ties go to the most recent. A query naming
an official document puts the document itself first ("d:1kl"), then the texts citing it."""

import datetime
import math
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db import connection
from django.db.models import Count, DateField, Q

from search.models import SearchEntry, SearchTerm, abbreviation_table, synonym_table
from search.synonyms import SynonymTable, synonym_alternatives
from search.text import (
    WORD,
    abbreviation_alternatives,
    fold,
    folded_edits,
    keyed_edits,
    keyed_word,
    mark_variants,
    nfc,
    place_tone,
    query_document_keys,
    question_positions,
    search_form,
    split_tone,
    syllable_parts,
    telex_decode,
    tone_key,
    vni_decode,
)

MAX_QUERY_LENGTH = 200
MAX_WORDS = 12
# Weights of a query's terms.
EXACT_TONE = 1.0  # a word typed with marks, found with the same marks
FOLDED_FALLBACK = 0.35  # ... found with other marks or none
ALTERNATIVE = 0.7  # the other side of an abbreviation
# A word of a synonym of the words typed (search.models.Synonym), and the bonus of a synonym's words standing
# together against the typed phrase's: below ALTERNATIVE, as a synonym is a looser equivalence than an
# abbreviation's expansion (0.5 to 0.7 measured alike on the extended development set's synonym queries; 0.7
# moved Telex and question queries more).
SYNONYM = 0.5
SYNONYM_PHRASE = 0.5
TYPO = 0.5  # a word of the index one slip away from a word typed that the index (almost) does not hold
QUESTION = 0.15  # a word that makes the query a question ("bao nhiêu", "không"): the content words decide
DOCUMENT = 2.0  # a document number
OWN_NUMBER = "d:"  # the term of the document that bears the number: such an entry comes first
# Phrase bonus, in units of the query's mean inverse document frequency.
PHRASE_BIGRAM = 1.5
PHRASE_WHOLE = 1.0
PHRASE_IN_TITLE = 1.5
PHRASE_EXACT_TONE = 1.0
CANDIDATES = 200
# An index is large from this many entries; a word in more than this share of them is common.
LARGE_INDEX = 2000
COMMON_SHARE = 0.2
RELATIVE_CUTOFF = 0.2
STATS_TIMEOUT = 600
# A word typed is (almost) nowhere when in at most this share of the entries (none on a small index); a word one
# slip away is taken for it when it is in clearly more entries, at most this many of them per word.
RARE_SHARE = 1 / 2000
CLEARLY_MORE = 2
TYPO_CANDIDATES = 3
# What the search page and its JSON show of an entry (load).
SHOWN = ["kind", "title", "section", "published", "period", "url", "text", "page__url_path"]
OLDEST = datetime.date.min


def clean(text: str) -> str:
    """The query as the reader meant it: NFC, without control or format characters or lone combining marks,
    spaces collapsed, at most MAX_QUERY_LENGTH characters."""
    text = nfc(text)
    text = "".join(
        ch if unicodedata.category(ch)[0] != "C" else " "
        for ch in text
        if not (unicodedata.combining(ch))  # NFC has composed every mark that had a letter to go on
    )
    return " ".join(text.split())[:MAX_QUERY_LENGTH].strip()


def is_marked(word: str) -> bool:
    return word != fold(word)


class Phrase:
    """Words to find side by side, as they stand in an entry's `folded` and `keyed` texts."""

    def __init__(self, words: list[str], weight: float = 1.0, whole_only: bool = False) -> None:
        self.weight = (
            weight  # the share of the bonus: an abbreviation's or a synonym's other side is the same words again
        )
        self.whole_only = whole_only  # a bonus only for the whole phrase, found anywhere (one comparison)
        self.words = list(words)
        folded = [fold(word) for word in words]
        self.folded = f" {' '.join(folded)} "
        self.pairs = [f" {first} {second} " for first, second in zip(folded, folded[1:], strict=False)]
        self.keyed = f" {' '.join(map(tone_key, words))} " if any(map(is_marked, words)) else ""

    def without(self, nowhere: set[str]) -> list["Phrase"]:
        """The phrase cut at the words found nowhere (folded), which stand beside no other in any entry: "HOTLINE
        Liên đoàn Lao động tỉnh" -> [Liên đoàn Lao động tỉnh]. Pieces of one word are no phrase."""
        pieces: list[list[str]] = [[]]
        for word in self.words:
            if fold(word) in nowhere:
                pieces.append([])
            else:
                pieces[-1].append(word)
        if pieces == [self.words]:
            return [self]
        return [Phrase(piece, self.weight) for piece in pieces if len(piece) > 1]


@dataclass
class Query:
    text: str
    terms: dict[str, float] = field(default_factory=dict)  # term -> weight
    phrases: list[Phrase] = field(default_factory=list)
    language: str = "vi"
    highlight: set[str] = field(default_factory=set)  # search forms of the words to mark in snippets
    # search forms of the words of phrases that stand for the query (an abbreviation's expansion, a synonym of
    # several words): marked in snippets only where the whole phrase stands, not each word wherever it is
    marked_phrases: list[tuple[str, ...]] = field(default_factory=list)
    typed: set[str] = field(default_factory=set)  # the terms of the content words typed (not question words)
    rewritten: str = ""  # the query with raw Telex or VNI decoded and tones placed as usual, when that changed it
    words: list[str] = field(default_factory=list)  # as meant (decoded), in lower case
    asking: set[int] = field(default_factory=set)  # positions of the question words
    # position of a word the index (almost) does not hold -> the words one slip away that it holds, most found first
    corrections: dict[int, list[str]] = field(default_factory=dict)
    # the synonyms of several words: each is summed by its rarest word alone, the phrase bonus does the rest
    synonym_phrases: list[list[str]] = field(default_factory=list)

    def add_word(self, word: str, weight: float = 1.0, mark: bool = True) -> dict[str, float]:
        """Adds the word's terms at `weight` times their shares, and answers them (word_terms)."""
        if mark:
            self.highlight.add(search_form(word, self.language))
        terms = self.word_terms(word)
        for term, share in terms.items():
            self.add_term(term, weight * share)
        return terms

    def mark_phrase(self, words: list[str]) -> None:
        self.marked_phrases.append(tuple(search_form(word, self.language) for word in words))

    def word_terms(self, word: str) -> dict[str, float]:
        """A word's terms and their shares: its exact tone first when typed with marks, its folded form."""
        form = search_form(word, self.language)
        if is_marked(word):
            return {f"t:{tone_key(word)}": EXACT_TONE, f"f:{form}": FOLDED_FALLBACK}
        return {f"f:{form}": 1.0}

    def add_term(self, term: str, weight: float) -> None:
        term = term[:64]
        self.terms[term] = max(self.terms.get(term, 0.0), weight)


def usual_tone_placement(word: str) -> str:
    """The word with its tone where most of the press puts it ("hoà" -> "hòa", "uỷ" -> "ủy"); both placements
    are found alike (tone keys), this is only for saying what was searched."""
    toneless, tone = split_tone(word)
    return place_tone(toneless, tone) if tone and syllable_parts(toneless) else word


def decode_keys(word: str) -> str:
    """The word a reader meant: raw Telex ("hocj") or VNI ("ho5c") keys decoded, else the word in lower case with
    its tone placed as usual. Capitals are abbreviations ("TLĐ", "CT1"), not keys."""
    if word.isupper():
        return usual_tone_placement(word.casefold())
    lowered = word.casefold()
    return telex_decode(lowered) or vni_decode(lowered) or usual_tone_placement(lowered)


def content_runs(query_words: list[str], asking: set[int]) -> list[list[str]]:
    """The runs of neighbouring words that are not question words, for the phrase bonus: "làm đủ 12 tháng thì có
    bao nhiêu ngày phép" -> [làm đủ 12 tháng], [có], [ngày phép]. The whole query when it asks nothing."""
    runs: list[list[str]] = [[]]
    for position, word in enumerate(query_words):
        if position in asking:
            runs.append([])
        else:
            runs[-1].append(word)
    return [run for run in runs if run]


def parse(
    raw: str,
    language: str = "vi",
    abbreviations: dict[str, str] | None = None,
    synonyms: SynonymTable | None = None,
) -> Query:
    """The Query for what a reader typed, in a language's pages."""
    text = clean(raw)
    typed = WORD.findall(text)[:MAX_WORDS]
    query = Query(text=text, language=language)
    decoded = [decode_keys(word) for word in typed]
    if decoded != [word.casefold() for word in typed]:
        query.rewritten = " ".join(decoded)
    asking = question_positions(decoded)
    query.words, query.asking = decoded, asking
    for position, word in enumerate(decoded):
        asked = position in asking  # a question word is not marked in the snippets: the content words are
        terms = query.add_word(word, QUESTION if asked else 1.0, mark=not asked)
        if not asked:
            query.typed.update(terms)
    for word, meant in zip(typed, decoded, strict=True):
        if fold(word) != fold(meant):  # a Telex reading of an English word ("bus" -> "bú") must not hide it
            query.add_term(f"f:{search_form(word, language)}", ALTERNATIVE)
    query.phrases.extend(Phrase(run) for run in content_runs(decoded, asking) if len(run) > 1)
    table = abbreviation_table() if abbreviations is None else abbreviations
    for alternative in abbreviation_alternatives(" ".join(decoded), table):
        alternative_words = [word.casefold() for word in WORD.findall(alternative)]
        if len(alternative_words) == 1:
            form = search_form(alternative_words[0], language)
            query.add_term(f"f:{form}", ALTERNATIVE)  # an abbreviation, in any case
            query.highlight.add(form)
        else:
            for word in alternative_words:
                query.add_word(word, ALTERNATIVE, mark=False)
            query.phrases.append(Phrase(alternative_words, ALTERNATIVE))
            query.mark_phrase(alternative_words)
    add_synonyms(query, decoded, synonym_table() if synonyms is None else synonyms)
    for key in query_document_keys(decoded):
        query.add_term(f"n:{key}", DOCUMENT)
        query.add_term(f"{OWN_NUMBER}{key}", DOCUMENT)
    return query


def add_synonyms(query: Query, words: list[str], table: SynonymTable) -> None:
    """The synonyms of the words typed, as weaker alternatives: a synonym of one word at SYNONYM weight (a word also
    typed keeps its own); a synonym of several words is kept aside until their frequencies are known
    (add_synonym_phrases)."""
    for alternative in synonym_alternatives(words, table):
        alternative_words = [word.casefold() for word in WORD.findall(alternative)]
        if len(alternative_words) == 1:
            query.add_word(alternative_words[0], SYNONYM)
        else:
            query.synonym_phrases.append(alternative_words)
            query.mark_phrase(alternative_words)


def synonym_terms(query: Query) -> list[str]:
    """The terms of the words of the query's synonyms of several words: their frequencies choose how each is
    summed, and are counted with the query's own (one query)."""
    return [term for words in query.synonym_phrases for word in words for term in query.word_terms(word)]


def add_synonym_phrases(query: Query, frequencies: dict[str, int]) -> None:
    """Each synonym of several words joins the sum by one term, the own term (its exact tone, if marked) of its
    rarest word that the query does not hold already, at SYNONYM weight; and its phrase found whole earns a bonus
    SYNONYM_PHRASE times the typed phrase's. Summing every word of it ("nhà tình nghĩa" for "mái ấm công đoàn"),
    marked and folded, read the postings of common words ("nhà", "tinh") for little: an entry holding the phrase
    holds its rarest word, and the phrase bonus tells it from one holding that word alone. A synonym with a word
    found nowhere is found nowhere."""
    for words in query.synonym_phrases:
        if not all(frequencies.get(f"f:{search_form(word, query.language)}") for word in words):
            continue
        query.phrases.append(Phrase(words, SYNONYM_PHRASE, whole_only=True))
        # a word by its own term: "lạm" is rare, "lam" (làm, lâm, lam...) is not
        own = {term: frequencies.get(term, 0) for term in (next(iter(query.word_terms(word))) for word in words)}
        new = {term: n for term, n in own.items() if n and term not in query.terms}
        if new:
            query.add_term(min(new, key=lambda term: new[term]), SYNONYM)


def document_frequencies(terms: Sequence[str], locale_id: int) -> dict[str, int]:
    """{term: number of entries holding it}. Frequencies move slowly as articles come and go, so they are cached
    for a few minutes, except a zero: a word that was nowhere is counted again, so a new article is found by its
    new words at once."""
    keys = {term: f"search-df:{locale_id}:{term}" for term in terms}
    cached = cache.get_many(keys.values())
    frequencies: dict[str, int] = {term: cached[key] for term, key in keys.items() if key in cached}
    missing = [term for term in terms if term not in frequencies]
    if missing:
        counted = dict(
            SearchTerm.objects.filter(term__in=missing, locale_id=locale_id)
            .values_list("term")
            .annotate(n=Count("entry_id"))
        )
        cache.set_many({keys[term]: n for term, n in counted.items()}, STATS_TIMEOUT)
        frequencies.update({term: counted.get(term, 0) for term in missing})
    return frequencies


def typo_lookups(query: Query, frequencies: dict[str, int], rare: int) -> dict[int, tuple[int, set[str], set[str]]]:
    """For each word of the query that the index (almost) does not hold: (its entry count, the terms one slip of a
    letter away, to rank by and suggest, the terms one mark away, to suggest only). A word found folded but not
    with its marks ("tủ" for "tử") is found by its folded term already."""
    lookups: dict[int, tuple[int, set[str], set[str]]] = {}
    marks_typed = any(map(is_marked, query.words))
    for position, word in enumerate(query.words):
        if position in query.asking or not word.isalpha() or len(word) < 2:
            continue
        if marks_typed and not is_marked(word):
            continue  # among words typed with marks, one without is meant so: a foreign word ("cài app"), a name
        folded = frequencies.get(f"f:{search_form(word, query.language)}", 0)
        if not is_marked(word):
            if folded <= rare:
                lookups[position] = (folded, {f"f:{edit}" for edit in folded_edits(word)}, set())
            continue
        keyed = frequencies.get(f"t:{tone_key(word)}", 0)
        if keyed <= rare:
            letters = {f"t:{key}" for key in keyed_edits(word)}
            if folded <= rare:
                letters |= {f"f:{edit}" for edit in folded_edits(word)}
            lookups[position] = (keyed, letters, {f"t:{key}" for key in mark_variants(word)})
    return lookups


def correct_typos(query: Query, frequencies: dict[str, int], count: int, locale_id: int) -> dict[str, int]:
    """Words one slip away ("nóng" for "nónng") from the words of the query that the index (almost) does not hold,
    looked up all at once: added to the query below the words typed, and kept for the suggestion
    (query.corrections). Answers the entry counts of the terms added. Vietnamese syllables only."""
    if query.language != "vi":
        return {}
    lookups = typo_lookups(query, frequencies, int(count * RARE_SHARE))
    if not lookups:
        return {}
    wanted: set[str] = set().union(*(letters | marks for _, letters, marks in lookups.values()))
    found = document_frequencies(sorted(wanted), locale_id)
    added: dict[str, int] = {}
    for position, (typed, letters, marks) in lookups.items():
        word = query.words[position]
        better = sorted(
            (term for term in letters | marks if found.get(term, 0) > CLEARLY_MORE * typed),
            key=lambda term: (-found[term], term),
        )
        for term in [term for term in better if term in letters][:TYPO_CANDIDATES]:
            query.add_term(term, TYPO * (EXACT_TONE if term.startswith("t:") else FOLDED_FALLBACK))
            query.highlight.add(term[2:] if term.startswith("f:") else search_form(keyed_word(term[2:])))
            added[term] = found[term]
        # Corrections keep the reader's way of typing: with marks or without.
        shown = "t:" if is_marked(word) else "f:"
        corrected = [keyed_word(term[2:]) if shown == "t:" else term[2:] for term in better if term.startswith(shown)]
        if corrected:
            query.corrections[position] = corrected
    return added


def suggestion(query: Query, shown: list["Result"]) -> str:
    """The query with its slips corrected ("Có phải bạn muốn tìm: ..."), or "": each word the index does not hold
    becomes the word one slip away that the best results hold beside the query's other words ("nhà văn", not
    "nhà và"), else that they hold ("điện tử", not "điện từ"), else the one most found."""
    if not query.corrections:
        return ""
    held_words: list[str] = []
    for result in shown[:3]:
        if result.entry is not None:
            held_words += ["|", *WORD.findall(f"{result.entry.title} | {result.entry.text}".casefold())]
    folded_words = [fold(word) for word in held_words]
    pairs = set(zip(folded_words, folded_words[1:], strict=False))
    held = {tone_key(word) for word in held_words} | set(folded_words)  # a marked word by its tone key
    corrected = list(query.words)
    for position, candidates in query.corrections.items():
        before = fold(query.words[position - 1]) if position else ""
        after = fold(query.words[position + 1]) if position + 1 < len(query.words) else ""
        fits = [
            ((before, fold(word)) in pairs or (fold(word), after) in pairs, tone_key(word) in held)
            for word in candidates
        ]
        best = max(range(len(candidates)), key=lambda index: (*fits[index], -index))
        corrected[position] = candidates[best]
    return " ".join(corrected)


def entry_count(locale_id: int) -> int:
    key = f"search-count:{locale_id}"
    count: int | None = cache.get(key)
    if count is None:
        count = SearchEntry.objects.filter(locale_id=locale_id).count()
        cache.set(key, count, STATS_TIMEOUT)
    return count


@dataclass
class Result:
    pk: int  # the entry's
    score: float
    published: datetime.date | None
    pinned: bool = False  # the document the query names
    entry: SearchEntry | None = None  # in full, for the results shown (load)


def search(query: Query, locale_id: int) -> list[Result]:
    """The live, public pages and things of a language that answer the query, best first (at most CANDIDATES):
    the documents the query names by number, then the rest by score."""
    if not query.terms:
        return []
    frequencies = document_frequencies(list(dict.fromkeys([*query.terms, *synonym_terms(query)])), locale_id)
    add_synonym_phrases(query, frequencies)
    frequencies = {term: frequencies[term] for term in query.terms}
    count = entry_count(locale_id)
    frequencies.update(correct_typos(query, frequencies, count, locale_id))
    nowhere = {term[2:] for term, n in frequencies.items() if term.startswith("f:") and not n}
    query.phrases = [piece for phrase in query.phrases for piece in phrase.without(nowhere)]
    frequencies = {term: n for term, n in frequencies.items() if n}
    if not frequencies:
        return []
    idf = {term: math.log(1 + (max(count, n) - n + 0.5) / (n + 0.5)) for term, n in frequencies.items()}
    weights = {term: query.terms[term] * idf[term] for term in frequencies}
    # Words found in most entries ("công", "đoàn") weigh little but cost the most to sum; on a large index,
    # candidates are chosen by the other words, and the common ones added for those only (3.5 times faster at
    # 20,000 articles). The other words must hold at least CANDIDATES postings between them, else the rarest
    # common words join them until they do: a rare word alone ("app" in "CÔNG ĐOÀN app") chose one candidate where
    # the full sum found eight. So must the words typed among them: a rare abbreviation or synonym alone (the
    # "ATVSLĐ" of "an toàn vệ sinh lao động") chose candidates without the words typed, and a text holding them all
    # in its title was not found. On the load benchmark's 10,000 articles 22 of its 28 queries have the full sum's
    # first page (20 before that rule); tests/test_search_speed.py compares the shortcut with the full sum. A
    # document's own number is never common and never alone chooses the candidates: the texts citing it must be
    # among them.
    texts = {term: n for term, n in frequencies.items() if not term.startswith(OWN_NUMBER)}
    common = {term for term, n in texts.items() if count >= LARGE_INDEX and n > COMMON_SHARE * count}
    for counted in (set(texts), query.typed & set(texts)):
        while common & counted and sum(texts[term] for term in counted - common) < CANDIDATES:
            common.discard(min(common & counted, key=lambda term: (texts[term], term)))
    candidates = best_postings({term: weight for term, weight in weights.items() if term not in common}, locale_id)
    if not candidates:
        return []
    # The unit of the phrase bonus, as if documents' own numbers were not asked for: texts rank among themselves
    # as they did before documents took part.
    unit = sum(idf[term] for term in texts if not term.startswith("n:")) / max(len(texts), 1)
    common_weights = {term: weights[term] for term in common}
    own_numbers = [term for term in frequencies if term.startswith(OWN_NUMBER)]
    results = [
        Result(pk, candidates[pk] + common + unit * bonus, published, pinned)
        for pk, published, bonus, common, pinned in rerank(
            query, list(candidates), common_weights, locale_id, own_numbers
        )
    ]
    results.sort(
        key=lambda result: (not result.pinned, -round(result.score, 6), -(result.published or OLDEST).toordinal())
    )
    # The cutoff is relative to the best of the texts: a document named by its number outscores them all.
    ranked = [result for result in results if not result.pinned]
    if ranked:
        best = ranked[0].score
        results = [result for result in results if result.pinned or result.score >= RELATIVE_CUTOFF * best]
    return results


def best_postings(weights: dict[str, float], locale_id: int) -> dict[int, float]:
    """{entry id: BM25 score} of the CANDIDATES best entries by the weighted terms; one query, over the postings
    index only. Written as SQL, as `rerank` is: the ORM's Case and When cost the process about as much as the
    database took (1.5 ms a search), and left PostgreSQL each weight a numeric, converted to a float for every
    posting summed (a third of the query's time; see `REAL`)."""
    postings = connection.ops.quote_name(SearchTerm._meta.db_table)
    terms = list(weights)
    if len(terms) == 1:  # nothing to add up: the best postings of the term
        sql = (  # a table's name and placeholders only: the values are parameters
            f"SELECT t.entry_id, t.weight * {REAL} FROM {postings} t "  # noqa: S608
            "WHERE t.term = %s AND t.locale_id = %s ORDER BY t.weight DESC, t.entry_id LIMIT %s"
        )
        params: list[SqlParam] = [weights[terms[0]], terms[0], locale_id, CANDIDATES]
    else:
        weighted = " ".join(f"WHEN %s THEN {REAL}" for _ in terms)
        placeholders = ", ".join(["%s"] * len(terms))
        sql = (  # as above
            f"SELECT t.entry_id, SUM(t.weight * CASE t.term {weighted} ELSE {REAL} END) AS score "  # noqa: S608
            f"FROM {postings} t WHERE t.term IN ({placeholders}) AND t.locale_id = %s "
            "GROUP BY t.entry_id ORDER BY score DESC, t.entry_id LIMIT %s"
        )
        params = [*(value for term in terms for value in (term, weights[term])), 0.0, *terms, locale_id, CANDIDATES]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return {entry_id: score for entry_id, score in cursor.fetchall()}


def load(results: Sequence[Result]) -> list[Result]:
    """The results to show, with what the page shows of them and their page's path (for the URL), in one query;
    a page unpublished since the ranking is left out, with what it showed."""
    found = SearchEntry.objects.filter(Q(page__isnull=True) | Q(page__live=True), pk__in=[r.pk for r in results])
    entries = {entry.pk: entry for entry in found.select_related("page").only(*SHOWN)}
    shown: list[Result] = []
    for result in results:
        if result.pk in entries:
            result.entry = entries[result.pk]
            shown.append(result)
    return shown


def rerank(
    query: Query,
    candidates: list[int],
    common_weights: dict[str, float],
    locale_id: int,
    own_numbers: Sequence[str] = (),
) -> list[tuple[int, datetime.date | None, float, float, bool]]:
    """(entry id, published, phrase bonus, common score, pinned) of the candidates, in one query.

    The phrase bonus: how much the query's words stand together in an entry (the database compares the texts,
    which stay where they are): each pair of neighbours found side by side, the whole phrase, in the title, with
    the reader's own marks. The whole phrase holds all its pairs, so the pairs are looked for only where it is
    not found, and each text is read at most once for a two-word phrase. The common score: the common words'
    postings times their weights, one probe of the postings index per candidate and word (it holds one posting
    per pair). Pinned: the entry is a document the query names by number (one probe per such number).

    Written as SQL rather than with the ORM's Case, When and Subquery expressions: building and compiling those
    cost the process more than the database took to run the query, about a fifth of a whole search."""
    bonus = Sql("0.0")
    for phrase in query.phrases:
        weight = phrase.weight
        if phrase.whole_only:
            bonus += found("folded", phrase.folded, (PHRASE_BIGRAM + PHRASE_WHOLE) * weight)
            continue
        whole = Sql(REAL, (PHRASE_BIGRAM + PHRASE_WHOLE) * weight)
        whole += found("folded_title", phrase.folded, PHRASE_IN_TITLE * weight)
        if phrase.keyed:
            whole += found("keyed", phrase.keyed, PHRASE_EXACT_TONE * weight)
        apart = Sql("0.0")
        for pair in phrase.pairs if len(phrase.pairs) > 1 else []:  # the one pair of two words is the phrase
            apart += found("folded", pair, PHRASE_BIGRAM * weight / len(phrase.pairs))
        bonus += Sql.case(contains("folded", phrase.folded), whole, apart)
    common = Sql("0.0")
    postings = connection.ops.quote_name(SearchTerm._meta.db_table)
    for term, weight in common_weights.items():
        posting = Sql(
            f"COALESCE((SELECT t.weight FROM {postings} t "  # noqa: S608 (a table's name; the values are parameters)
            "WHERE t.entry_id = e.id AND t.locale_id = %s AND t.term = %s LIMIT 1), 0.0) * " + REAL,
            locale_id,
            term,
            weight,
        )
        common += posting
    pinned = Sql("0")
    for term in own_numbers:
        pinned = Sql(
            f"CASE WHEN EXISTS (SELECT 1 FROM {postings} t "  # noqa: S608 (a table's name; the values are parameters)
            "WHERE t.entry_id = e.id AND t.locale_id = %s AND t.term = %s) THEN 1 ELSE "
            f"{pinned.text} END",
            locale_id,
            term,
            *pinned.params,
        )
    entries = connection.ops.quote_name(SearchEntry._meta.db_table)
    placeholders = ", ".join(["%s"] * len(candidates))
    sql = (  # names and placeholders only: the values are parameters
        f"SELECT e.id, e.published, {bonus.text}, {common.text}, {pinned.text} "  # noqa: S608
        f"FROM {entries} e WHERE e.id IN ({placeholders})"
    )
    to_date = DateField().to_python  # SQLite answers a string
    with connection.cursor() as cursor:
        cursor.execute(sql, [*bonus.params, *common.params, *pinned.params, *candidates])
        rows = cursor.fetchall()  # a query without a phrase or a common word: the bonus is numeric 0.0
    return [
        (pk, to_date(published), float(bonus), float(common), bool(pinned))
        for pk, published, bonus, common, pinned in rows
    ]


# What the pieces of SQL take as parameters: ids, terms, weights, LIKE patterns.
SqlParam = int | float | str
# A weight or points as a parameter: psycopg2 writes a float as a numeric literal, and PostgreSQL then computes in
# numeric and converts the result to a float for every row (through its text form); as a float from the start,
# PostgreSQL computes as SQLite does: the candidates' sum took 2.3 ms instead of 3.3 (docs/performance.md).
REAL = "CAST(%s AS DOUBLE PRECISION)"


class Sql:
    """A piece of SQL and its parameters, in the order of their placeholders; `+` adds two numbers' SQL."""

    def __init__(self, text: str, *params: SqlParam) -> None:
        self.text, self.params = text, list(params)

    def __add__(self, other: "Sql") -> "Sql":
        return Sql(f"({self.text} + {other.text})", *self.params, *other.params)

    @staticmethod
    def case(condition: "Sql", then: "Sql", otherwise: "Sql") -> "Sql":
        return Sql(
            f"CASE WHEN {condition.text} THEN {then.text} ELSE {otherwise.text} END",
            *condition.params,
            *then.params,
            *otherwise.params,
        )


def contains(column: str, text: str) -> Sql:
    """The entry's text in that column contains `text`. A plain substring search: PostgreSQL's strpos and SQLite's
    instr answer as LIKE '%text%' does on these lower-case texts (tests/test_search_speed.py compares them) and
    read a text about a quarter faster; other databases use the ORM's __contains."""
    if connection.vendor == "postgresql":
        return Sql(f"strpos(e.{column}, %s) > 0", text)
    if connection.vendor == "sqlite":
        return Sql(f"instr(e.{column}, %s) > 0", text)
    return like(column, text)


def like(column: str, text: str) -> Sql:
    """`contains` as the ORM's __contains says it (the LIKE of the database, the text's own % and _ escaped)."""
    pattern = f"%{connection.ops.prep_for_like_query(text)}%"
    # Every backend's DatabaseWrapper defines `operators` (the lookups' SQL); the base class, typed here, does not.
    operators: dict[str, str] = connection.operators  # type: ignore[attr-defined]
    return Sql(f"e.{column} {operators['contains']}", pattern)


def found(column: str, text: str, points: float) -> Sql:
    return Sql.case(contains(column, text), Sql(REAL, points), Sql("0.0"))

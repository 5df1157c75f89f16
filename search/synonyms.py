"""Synonyms of the labour and trade-union press, applied to queries both ways ("tiền công" also finds "tiền
lương", and "tiền lương" finds "tiền công"). Administrators keep the groups in the admin (search.models.Synonym);
the search reads them as one table prepared here, cached, and matches a query's words against it in Python: no
query to the database per word."""

import re
from typing import TypedDict

from search.text import WORD, fold, nfc, tone_key

# What separates the phrases of a group, as administrators type them.
SEPARATORS = re.compile(r"[,;\n\r]+")
# At most this many synonyms are added to a query (a query naming several groups stays cheap to rank).
MAX_ALTERNATIVES = 12


class SynonymTable(TypedDict):
    """The groups, prepared for matching: `groups[i]` the phrases of group i as administrators wrote them;
    `phrases[first folded word]` the phrases beginning with that word, as (folded words, tone keys, group)."""

    groups: list[list[str]]
    phrases: dict[str, list[tuple[tuple[str, ...], tuple[str, ...], int]]]


def split_phrases(text: str) -> list[str]:
    """The phrases of a group as an administrator typed it (separated by commas, semicolons or new lines), in
    NFC with spaces collapsed, each once (whatever its capitals)."""
    phrases: list[str] = []
    seen: set[str] = set()
    for part in SEPARATORS.split(nfc(text)):
        phrase = " ".join(part.split())
        key = " ".join(WORD.findall(phrase.casefold()))
        if key and key not in seen:
            seen.add(key)
            phrases.append(phrase)
    return phrases


def prepare(groups: list[str]) -> SynonymTable:
    """The table of the groups' texts (one text per group)."""
    table: SynonymTable = {"groups": [], "phrases": {}}
    for text in groups:
        phrases = split_phrases(text)
        if len(phrases) < 2:  # a word alone means nothing else
            continue
        index = len(table["groups"])
        table["groups"].append(phrases)
        for phrase in phrases:
            words = WORD.findall(phrase.casefold())
            folded = tuple(fold(word) for word in words)
            keyed = tuple(tone_key(word) for word in words)
            table["phrases"].setdefault(folded[0], []).append((folded, keyed, index))
    return table


def synonym_alternatives(words: list[str], table: SynonymTable) -> list[str]:
    """The phrases that mean what some of the query's words (lower case, as the reader meant them) say: the other
    phrases of each group that one of its phrases is found in the query. A word typed with marks must match them
    ("hàng" is not "hãng"); a word typed without any matches whatever its marks ("hang" may be "hãng"). Where
    phrases of different groups overlap, the longer one wins ("tai nạn lao động" rather than "lao động")."""
    folded = [fold(word) for word in words]
    keyed = [tone_key(word) if word != fold(word) else None for word in words]
    found: list[tuple[int, int, int]] = []  # (start, end, group)
    for start, first in enumerate(folded):
        for phrase_folded, phrase_keyed, group in table["phrases"].get(first, []):
            end = start + len(phrase_folded)
            if tuple(folded[start:end]) != phrase_folded:
                continue
            if all(key is None or key == want for key, want in zip(keyed[start:end], phrase_keyed, strict=True)):
                found.append((start, end, group))
    found.sort(key=lambda match: match[0] - match[1])  # longest first
    kept: list[tuple[int, int, int]] = []
    for start, end, group in found:
        if not any(group != other and start >= s and end <= e for s, e, other in kept):
            kept.append((start, end, group))
    query_phrases = {" ".join(folded[start:end]) for start, end, _group in kept}
    alternatives: list[str] = []
    for group in dict.fromkeys(group for _start, _end, group in kept):
        for phrase in table["groups"][group]:
            if " ".join(fold(word) for word in WORD.findall(phrase.casefold())) not in query_phrases:
                alternatives.append(phrase)
    return alternatives[:MAX_ALTERNATIVES]

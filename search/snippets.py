"""Snippets of a result's text around the words the reader looked for, with those words marked, whether or not
the query had diacritics ("cong doan" marks "Công đoàn")."""

import re
from collections.abc import Container, Iterable, Iterator, Sequence
from html import escape  # Django's escape() without its lazy-string wrapper
from itertools import accumulate

from django.utils.safestring import mark_safe

from search.text import search_form

WORDS = re.compile(r"(\w+)")  # split with it: between words, a word, between words, ..., after the last word
SNIPPET_WORDS = 36


def snippet(
    text: str,
    highlight: Container[str],
    language: str = "vi",
    size: int = SNIPPET_WORDS,
    phrases: Iterable[Sequence[str]] = (),
) -> str:
    """HTML: the window of `size` words of `text` holding most of the `highlight` words (search forms) and of the
    words of `phrases` (search forms) where the whole phrase stands, the first such window, each of those words in
    <mark>, with an ellipsis where the text goes on."""
    parts = WORDS.split(text)
    words = parts[1::2]
    if not words:
        return ""
    forms = [search_form(word, language) for word in words]
    hits = [form in highlight for form in forms]
    for start, length in phrase_places(forms, parts, phrases):
        hits[start : start + length] = [True] * length
    before = list(accumulate(hits, initial=0))  # before[i]: how many of the first i words are hits
    length = min(size, len(words))
    in_window = [until - upto for until, upto in zip(before[length:], before, strict=False)]  # by first word
    first = in_window.index(max(in_window))
    html = [escape(parts[0])] if first == 0 else []
    for index in range(first, first + length):
        word = escape(words[index])
        html += ["<mark>", word, "</mark>"] if hits[index] else [word]
        if index + 1 < first + length:
            html.append(escape(parts[2 * index + 2]))
    prefix = "… " if first else ""
    suffix = " …" if first + length < len(words) else ""
    return mark_safe(prefix + "".join(html).strip() + suffix)  # noqa: S308 (every piece of text is escaped)


def phrase_places(forms: list[str], parts: list[str], phrases: Iterable[Sequence[str]]) -> Iterator[tuple[int, int]]:
    """(first word, number of words) of each place where one of the phrases stands whole: its words in a row,
    separated by spaces only ("nhà tình nghĩa", not "nhà. Tình nghĩa")."""
    by_first: dict[str, list[Sequence[str]]] = {}
    for phrase in phrases:
        if phrase:
            by_first.setdefault(phrase[0], []).append(phrase)
    if not by_first:
        return
    for start, form in enumerate(forms):
        for phrase in by_first.get(form, ()):
            end = start + len(phrase)
            if forms[start:end] == list(phrase) and all(
                parts[2 * index + 2].isspace() for index in range(start, end - 1)
            ):
                yield start, len(phrase)

"""Snippets of a result's text around the words the reader looked for, with those words marked, whether or not
the query had diacritics ("cong doan" marks "Công đoàn")."""

import re
from collections.abc import Container
from html import escape  # Django's escape() without its lazy-string wrapper
from itertools import accumulate

from django.utils.safestring import mark_safe

from search.text import search_form

WORDS = re.compile(r"(\w+)")  # split with it: between words, a word, between words, ..., after the last word
SNIPPET_WORDS = 36


def snippet(text: str, highlight: Container[str], language: str = "vi", size: int = SNIPPET_WORDS) -> str:
    """HTML: the window of `size` words of `text` holding most of the `highlight` words (search forms), the
    first such window, each of those words in <mark>, with an ellipsis where the text goes on."""
    parts = WORDS.split(text)
    words = parts[1::2]
    if not words:
        return ""
    hits = [search_form(word, language) in highlight for word in words]
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

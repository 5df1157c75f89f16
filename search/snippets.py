"""Snippets of a result's text around the words the reader looked for, with those words marked, whether or not
the query had diacritics ("cong doan" marks "Công đoàn")."""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

from search.text import search_form

WORD = re.compile(r"\w+")
SNIPPET_WORDS = 36


def snippet(text, highlight, language="vi", size=SNIPPET_WORDS):
    """HTML: the window of `size` words of `text` holding most of the `highlight` words (search forms), each
    of those in <mark>, with an ellipsis where the text goes on."""
    spans = [(match.start(), match.end(), search_form(match.group(), language)) for match in WORD.finditer(text)]
    if not spans:
        return ""
    hits = [folded in highlight for _, _, folded in spans]
    best_start, best = 0, -1
    window = sum(hits[:size])
    for start in range(max(len(spans) - size, 0) + 1):
        if start:
            window += (hits[start + size - 1] if start + size - 1 < len(hits) else 0) - hits[start - 1]
        if window > best:
            best_start, best = start, window
    chosen = spans[best_start : best_start + size]
    begin, end = chosen[0][0] if best_start else 0, chosen[-1][1]
    html, position = [], begin
    for start, stop, folded in chosen:
        if folded in highlight:
            html += [escape(text[position:start]), "<mark>", escape(text[start:stop]), "</mark>"]
            position = stop
    html.append(escape(text[position:end]))
    prefix = "… " if best_start else ""
    suffix = " …" if best_start + size < len(spans) else ""
    return mark_safe(prefix + "".join(html).strip() + suffix)  # noqa: S308 (every piece of text is escaped)

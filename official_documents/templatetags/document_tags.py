"""Document numbers kept whole on screen in any text: "01-KL/TW" never wraps as "01-" / "KL/TW" (issue 19; a
document's own citation: OfficialDocument.citation_html)."""

import re

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

from official_documents.models import number_span
from search.text import DOCUMENT_NUMBER_IN_TEXT

register = template.Library()

OPEN = '<span class="doc-number">'
_TAG = re.compile(r"(<[^>]*>)")


@register.filter(needs_autoescape=True)
def document_numbers(value, autoescape=True):
    """The text, or HTML (a rich text, a rendered block), with every document number in a no-wrap span. Tags are
    left as they are, and a number already in such a span is not wrapped twice."""
    html = str(conditional_escape(value) if autoescape else value)
    parts = _TAG.split(html)
    inside = False
    for index, part in enumerate(parts):
        if index % 2:  # a tag
            if part == OPEN:
                inside = True
            elif inside and part == "</span>":
                inside = False
        elif not inside:
            parts[index] = DOCUMENT_NUMBER_IN_TEXT.sub(lambda match: number_span(match.group(0)), part)
    return mark_safe("".join(parts))  # noqa: S308 (escaped above, or HTML marked safe by its maker)

"""Reading the HTML that pages serve, in tests."""

import re

_NUMBER_SPAN = re.compile(r'<span class="doc-number">([^<]*)</span>')


def unwrap_document_numbers(html):
    """The HTML with document numbers taken out of their no-wrap spans (official_documents.models.number_span), so
    that a test finds a title, a citation or a paragraph as its text is written."""
    return _NUMBER_SPAN.sub(r"\1", html)

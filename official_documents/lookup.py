"""Finding documents by what readers type: the number in any common spelling ("01-KL/TW", "01-kl/tw",
"01 KL TW", "kết luận 01", "kết luận số 01"), or words of the summary or issuer with or without diacritics.

An adapter over search/text.py, which owns the Vietnamese rules; nothing of them is re-implemented here. The
register holds hundreds of documents, so the numbers and summaries of one language are compared in Python,
which costs one query of a few columns; a register of tens of thousands would store the keys in a column."""

from search.text import document_keys, document_number_key, fold, query_document_keys, words


def matching_ids(documents, query):
    """The primary keys of the documents the query names by number; when it names none, of those whose number,
    summary or issuer contain all its words (so "01-KL/TW" finds the Kết luận, not the plans citing it)."""
    tokens = words(query)
    if not tokens:
        return []
    named = query_document_keys(tokens)
    typed_key = document_number_key(query)
    compact_key = typed_key.replace(" ", "")
    folded_words = [fold(token) for token in tokens]
    by_number, by_text = [], []
    for pk, number, number_key, summary, issuer in documents.values_list(
        "pk", "number", "number_key", "summary", "issuer"
    ):
        if (
            (named and named & document_keys(number))
            or typed_key == number_key
            or (len(compact_key) >= 3 and compact_key in number_key.replace(" ", ""))
        ):
            by_number.append(pk)
        elif all(word in fold(f"{number} {summary} {issuer}") for word in folded_words):
            by_text.append(pk)
    return by_number or by_text

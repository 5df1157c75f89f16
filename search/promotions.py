"""Promoted results ("Kết quả đề xuất"): pages editors choose for a search in the admin
(wagtail.contrib.search_promotions: Settings > Promoted search results), shown first on the search page.

A promotion matches a search whose words are the same without marks: one for "công đoàn" is shown for "Công Đoàn",
"cong doan" and "công  đoàn!" (readers often type without marks). Only pages readers may find are shown: the
promoted page's search entry (search/indexing.py), which exists only for a live page under no view restriction,
in the reader's language; a promoted page in draft, private, or of a type search does not list is left out. The
table of promotions is cached (forgotten when one is saved), so a search with no promotion costs no query and one
with promotions one query."""

from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from search.indexing import page_key
from search.models import SearchEntry, cached_table, forget_table_on_change
from search.ranking import SHOWN
from search.text import WORD, fold

CACHE_KEY = "search-promotions"


def matching_key(text: str) -> str:
    """What a search and a promotion's query are matched by: their words, without marks."""
    return " ".join(fold(word) for word in WORD.findall(text))


def promotion_table() -> dict[str, list[int]]:
    """{matching key: the promoted pages' ids, in the editors' order}, cached."""
    return cached_table(CACHE_KEY, build_promotion_table)


def build_promotion_table() -> dict[str, list[int]]:
    table: dict[str, list[int]] = {}
    rows = (
        SearchPromotion.objects.filter(page__isnull=False)
        .order_by("query__query_string", "sort_order", "pk")
        .values_list("query__query_string", "page_id")
    )
    for query_string, page_id in rows:
        pages = table.setdefault(matching_key(query_string), [])
        if page_id not in pages:
            pages.append(page_id)
    return table


def promoted(text: str, locale_id: int) -> list[SearchEntry]:
    """The entries of the pages promoted for this search that readers of this language may see, in order."""
    page_ids = promotion_table().get(matching_key(text)) if text else None
    if not page_ids:
        return []
    keys = [page_key(pk) for pk in page_ids]
    entries = {
        entry.key: entry
        # page__live: as ranking.load, in case the index has not caught up with an unpublishing
        for entry in SearchEntry.objects.filter(key__in=keys, locale_id=locale_id, page__live=True)
        .select_related("page")
        .only("key", *SHOWN)
    }
    return [entries[key] for key in keys if key in entries]


def connect_signals() -> None:
    for model in (Query, SearchPromotion):
        forget_table_on_change(CACHE_KEY, model)

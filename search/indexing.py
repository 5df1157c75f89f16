"""Keeping the Vietnamese search index in step with what is public.

A page type takes part by defining `search_document()`, a list of (field, text) pairs with field one of
FIELD_WEIGHTS. Publishing indexes the page; unpublishing, deleting, moving under a view restriction removes
it; `python manage.py rebuild_search_entries` rebuilds everything."""

from collections import Counter

from django.db import connection, transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Locale, Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from delivery import deletions
from search.models import SearchEntry, SearchTerm
from search.text import document_keys, fold_word, nfc, search_form, tone_key_word, words

# How much a word counts, by where it stands: the weights of the development set's reference ranker.
FIELD_WEIGHTS = {"title": 3.0, "lead": 2.0, "body": 1.0, "other": 1.0}
FIELD_SEPARATOR = " | "
DOCUMENT_WEIGHT = 1.0
# BM25's usual constants.
K1 = 1.2
B = 0.75
# BM25 normalises by the corpus' mean length; a fixed typical length of a news article (in words) instead
# keeps each entry's postings independent of the others, so incremental indexing and a rebuild agree.
TYPICAL_LENGTH = 400


def indexable(page):
    """Whether readers may find this page: a live page of a type that takes part, under no view restriction."""
    return page.live and hasattr(page, "search_document") and not page.get_view_restrictions().exists()


def entry_for(page, language=None):
    """The entry and the term frequencies of a page (not saved)."""
    language = language or page.locale.language_code
    document = [(field, nfc(text)) for field, text in page.search_document() if text]
    frequencies = Counter()
    folded_fields, keyed_fields = [], []
    length = 0
    for field, text in document:
        weight = FIELD_WEIGHTS[field]
        tokens = words(text)
        length += len(tokens)
        folded_tokens = [fold_word(token) for token in tokens]
        keyed_tokens = [tone_key_word(token) for token in tokens]
        for token in tokens:
            frequencies[f"f:{search_form(token, language)}"[:64]] += weight
        for keyed, folded in zip(keyed_tokens, folded_tokens, strict=True):
            if keyed != folded:  # an unmarked word is only ever looked up folded
                frequencies[f"t:{keyed}"[:64]] += weight
        for key in document_keys(text):
            frequencies[f"n:{key}"[:64]] += DOCUMENT_WEIGHT
        folded_fields.append(" ".join(folded_tokens))
        keyed_fields.append(" ".join(keyed_tokens))
    parent = page.get_parent()
    date = getattr(page, "date", None) or (page.first_published_at and page.first_published_at.date())
    entry = SearchEntry(
        page_id=page.pk,
        locale_id=page.locale_id,
        title=page.title,
        section=parent.title if parent and parent.depth > 2 else "",
        published=date,
        text="\n".join(text for field, text in document if field in ("lead", "body")),
        folded=f" {FIELD_SEPARATOR.join(folded_fields)} ",
        keyed=f" {FIELD_SEPARATOR.join(keyed_fields)} ",
        folded_title=f" {' '.join(fold_word(token) for token in words(page.title))} ",
        length=max(length, 1),
    )
    return entry, frequencies


@transaction.atomic
def index_page(page):
    """Indexes the live version of a page, or removes it when readers may not find it."""
    page = page.specific
    SearchEntry.objects.filter(page_id=page.pk).delete()
    if not indexable(page):
        return
    entry, frequencies = entry_for(page)
    entry.save(force_insert=True)
    insert_postings(postings(entry, frequencies))


def postings(entry, frequencies):
    """The entry's terms with their BM25 term-frequency part (Robertson's saturation and length norm), as
    rows (entry, locale, term, weight)."""
    norm = K1 * (1 - B + B * entry.length / TYPICAL_LENGTH)
    return [
        (entry.pk, entry.locale_id, term, frequency * (K1 + 1) / (frequency + norm))
        for term, frequency in frequencies.items()
    ]


def insert_postings(rows):
    """Inserts postings in bulk: hundreds per article, too many for the ORM's bulk_create to be quick."""
    table = SearchTerm._meta.db_table
    sql = f"INSERT INTO {table} (entry_id, locale_id, term, weight) VALUES "  # noqa: S608 (our own table name)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            from psycopg2.extras import execute_values

            execute_values(cursor.cursor, sql + "%s", rows, page_size=5000)
        else:
            cursor.executemany(sql + "(%s, %s, %s, %s)", rows)


def index_subtree(page):
    for descendant in Page.objects.descendant_of(page, inclusive=True).specific():
        index_page(descendant)


def rebuild(pages, batch_size=500):
    """Indexes these pages (a queryset) afresh, in batches: for rebuild_search_entries and measure_search."""
    count = 0
    batch = []
    languages = dict(Locale.objects.values_list("pk", "language_code"))
    for page in pages.iterator(chunk_size=batch_size):
        if indexable(page):
            batch.append(entry_for(page, languages[page.locale_id]))
        if len(batch) >= batch_size:
            count += _save_batch(batch)
            batch = []
    return count + _save_batch(batch)


@transaction.atomic
def _save_batch(batch):
    if not batch:
        return 0
    SearchEntry.objects.filter(page_id__in=[entry.page_id for entry, _ in batch]).delete()
    entries = SearchEntry.objects.bulk_create([entry for entry, _ in batch])
    insert_postings([posting for entry, frequencies in batch for posting in postings(entry, frequencies)])
    return len(entries)


def on_published(sender, instance, **kwargs):
    index_page(instance)
    if not hasattr(instance.specific_class, "search_document") and instance.depth > 2:
        # A section: its (perhaps new) title is what its articles' results show.
        SearchEntry.objects.filter(page__in=instance.get_children()).update(section=instance.title)


def on_unpublished(sender, instance, **kwargs):
    SearchEntry.objects.filter(page_id=instance.pk).delete()


def on_moved(sender, instance, **kwargs):
    index_subtree(instance)


def on_restriction_changed(sender, instance, **kwargs):
    if deletions.being_deleted(instance.page_id):  # deleted with its page, whose entry goes with it
        return
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        index_subtree(page)


def connect_signals():
    page_published.connect(on_published, dispatch_uid="search-index-published")
    page_unpublished.connect(on_unpublished, dispatch_uid="search-index-unpublished")
    post_page_move.connect(on_moved, dispatch_uid="search-index-moved")
    post_save.connect(on_restriction_changed, sender=PageViewRestriction, dispatch_uid="search-index-restricted")
    post_delete.connect(on_restriction_changed, sender=PageViewRestriction, dispatch_uid="search-index-unrestricted")

"""Keeping the Vietnamese search index in step with what readers may see.

How a model takes part (a small interface: the search app imports no content app):
- `search_kind` and `search_kind_label`, class attributes: the kind of result and its label (search/kinds.py);
- `search_document()`: a list of (field, text) pairs, field one of FIELD_WEIGHTS, or "number" for the number of
  the official document the thing is (a query for that number then puts it first; its words are indexed from
  the other fields);
- a page may add `search_meta()`, a dict overriding what its entry shows ("published", "period", "section"), and
  `search_dependents()`, the things it shows that are found on it (indexed with it, gone with it);
- any other model defines the classmethod `search_candidates()` (the instances that may be public, for a
  rebuild) and `search_meta()`: {"title", "url", "locale_id"} and optionally "published", "period", "section",
  "page" (the page showing it: the entry then lives and dies with that page, its publication and its privacy),
  or None when readers may not see it. Saving or deleting one refreshes its entry.

Publishing indexes a page; unpublishing, deleting, moving under a view restriction removes it;
`python manage.py rebuild_search_entries` rebuilds everything."""

from collections import defaultdict
from collections.abc import Iterable
from typing import Any, ClassVar, Protocol, cast

from django.db import connection, transaction
from django.db.models import Model, QuerySet
from django.db.models.options import Options
from django.db.models.signals import post_delete, post_save
from wagtail.models import Locale, Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from delivery import deletions
from search import kinds
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

Meta = dict[str, Any]  # the fields of a SearchEntry
Frequencies = dict[str, float]  # term: its frequency, weighted by the fields it occurs in
Posting = tuple[int, int, str, float]  # entry id, locale id, term, weight


class Searchable(Protocol):
    """A page or another thing that takes part (the interface above)."""

    pk: Any

    def search_document(self) -> list[tuple[str, str]]: ...


class SearchableThing(Searchable, Protocol):
    """A thing that is not a page and takes part: a model's instance."""

    _meta: ClassVar[Options[Any]]
    search_kind: ClassVar[str]

    @classmethod
    def search_candidates(cls) -> Iterable["SearchableThing"]: ...

    def search_meta(self) -> Meta | None: ...


# Wagtail has no type hints: a page is Any to mypy (`Page` below documents what is meant).


def indexable(page: Page) -> bool:
    """Whether readers may find this page: a live page of a type that takes part, under no view restriction."""
    return page.live and hasattr(page, "search_document") and not page.get_view_restrictions().exists()


def page_key(pk: int) -> str:
    return f"page:{pk}"


def object_key(thing: Model | SearchableThing) -> str:
    return f"{thing._meta.label_lower}:{thing.pk}"


def page_meta(page: Page) -> Meta:
    """What the entry of a page shows: its title, section (the parent's title below the home page), date."""
    parent = page.get_parent()
    meta: Meta = {
        "key": page_key(page.pk),
        "page_id": page.pk,
        "locale_id": page.locale_id,
        "kind": getattr(page, "search_kind", kinds.PAGE),
        "title": page.title,
        "section": parent.title if parent and parent.depth > 2 else "",
        "published": getattr(page, "date", None) or (page.first_published_at and page.first_published_at.date()),
    }
    if hasattr(page, "search_meta"):
        meta.update(page.search_meta())
    return meta


def object_meta(thing: SearchableThing) -> tuple[Meta, Page | None] | tuple[None, None]:
    """What the entry of a thing that is not a page shows and the page showing it (or None), or (None, None) when
    readers may not see it."""
    meta = thing.search_meta()
    if meta is None:
        return None, None
    page = meta.pop("page", None)
    return {"key": object_key(thing), "page_id": page and page.pk, "kind": thing.search_kind, **meta}, page


def entry_for(thing: Searchable, meta: Meta, language: str | None = None) -> tuple[SearchEntry, Frequencies]:
    """The entry and the term frequencies (weighted by field) of a page or another thing (not saved)."""
    language = language or Locale.objects.get(pk=meta["locale_id"]).language_code
    document = [(field, nfc(text)) for field, text in thing.search_document() if text]
    frequencies: defaultdict[str, float] = defaultdict(float)
    folded_fields, keyed_fields = [], []
    length = 0
    for field, text in document:
        if field == "number":  # the document this entry is: its number as a term of its own
            for key in document_keys(text):
                frequencies[f"d:{key}"[:64]] += DOCUMENT_WEIGHT
            continue
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
    entry = SearchEntry(
        **meta,
        text="\n".join(text for field, text in document if field in ("lead", "body")),
        folded=f" {FIELD_SEPARATOR.join(folded_fields)} ",
        keyed=f" {FIELD_SEPARATOR.join(keyed_fields)} ",
        folded_title=f" {' '.join(fold_word(token) for token in words(meta['title']))} ",
        length=max(length, 1),
    )
    return entry, frequencies


def save_entry(entry: SearchEntry, frequencies: Frequencies) -> None:
    entry.save(force_insert=True)
    insert_postings(postings(entry, frequencies))


@transaction.atomic
def index_page(page: Page) -> None:
    """Indexes the live version of a page and the things it shows, or removes them when readers may not find
    the page."""
    page = page.specific
    SearchEntry.objects.filter(page_id=page.pk).delete()
    if not indexable(page):
        return
    save_entry(*entry_for(page, page_meta(page)))
    for thing in page.search_dependents() if hasattr(page, "search_dependents") else []:
        index_object(thing, page_checked=True)


@transaction.atomic
def index_object(thing: SearchableThing, page_checked: bool = False) -> None:
    """Indexes a thing that is not a page as readers see it, or removes its entry when they may not."""
    SearchEntry.objects.filter(key=object_key(thing)).delete()
    meta, page = object_meta(thing)
    if meta is None or (page is not None and not page_checked and not indexable(page.specific)):
        return
    save_entry(*entry_for(thing, meta))


def postings(entry: SearchEntry, frequencies: Frequencies) -> list[Posting]:
    """The entry's terms with their BM25 term-frequency part (Robertson's saturation and length norm), as
    rows (entry, locale, term, weight)."""
    norm = K1 * (1 - B + B * entry.length / TYPICAL_LENGTH)
    return [
        (entry.pk, entry.locale_id, term, frequency * (K1 + 1) / (frequency + norm))
        for term, frequency in frequencies.items()
    ]


def insert_postings(rows: list[Posting]) -> None:
    """Inserts postings in bulk: hundreds per article, too many for the ORM's bulk_create to be quick."""
    table = SearchTerm._meta.db_table
    sql = f"INSERT INTO {table} (entry_id, locale_id, term, weight) VALUES "  # noqa: S608 (our own table name)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            from psycopg2.extras import execute_values

            execute_values(cursor.cursor, sql + "%s", rows, page_size=5000)
        else:
            cursor.executemany(sql + "(%s, %s, %s, %s)", rows)


def index_subtree(page: Page) -> None:
    for descendant in Page.objects.descendant_of(page, inclusive=True).specific():
        index_page(descendant)


def rebuild(pages: QuerySet[Any], batch_size: int = 500) -> int:
    """Indexes these pages (a queryset of specific pages) afresh, in batches, and the things they show: for
    rebuild_search_entries and measure_search. Gives how many entries it saved."""
    count = 0
    batch: list[tuple[SearchEntry, Frequencies]] = []
    languages = dict(Locale.objects.values_list("pk", "language_code"))
    for page in pages.iterator(chunk_size=batch_size):
        if indexable(page):
            batch.append(entry_for(page, page_meta(page), languages[page.locale_id]))
        if len(batch) >= batch_size:
            count += _save_batch(batch)
            batch = []
    return count + _save_batch(batch)


def rebuild_objects() -> int:
    """Indexes afresh every thing that is not a page (documents, answers...); the pages showing them are asked
    once each whether readers may see them. Gives how many entries it saved."""
    pages_seen: dict[int, bool] = {}
    count = 0
    for model in kinds.searchable_models():
        # A model that takes part has the whole interface (kinds.searchable_models() finds them by one of it).
        for thing in cast(type[SearchableThing], model).search_candidates():
            meta, page = object_meta(thing)
            if meta is None:
                continue
            if page is not None:
                if page.pk not in pages_seen:
                    pages_seen[page.pk] = indexable(page.specific)
                if not pages_seen[page.pk]:
                    continue
            with transaction.atomic():
                SearchEntry.objects.filter(key=meta["key"]).delete()
                save_entry(*entry_for(thing, meta))
            count += 1
    return count


@transaction.atomic
def _save_batch(batch: Iterable[tuple[SearchEntry, Frequencies]]) -> int:
    if not batch:
        return 0
    SearchEntry.objects.filter(key__in=[entry.key for entry, _ in batch]).delete()
    entries = SearchEntry.objects.bulk_create([entry for entry, _ in batch])
    insert_postings([posting for entry, frequencies in batch for posting in postings(entry, frequencies)])
    return len(entries)


def on_published(sender: type[Page], instance: Page, **kwargs: object) -> None:
    index_page(instance)
    if instance.depth > 2:
        # Its (perhaps new) title is what its children's results show as their section.
        children = SearchEntry.objects.filter(page__in=instance.get_children(), key__startswith="page:")
        children.update(section=instance.title)


def on_unpublished(sender: type[Page], instance: Page, **kwargs: object) -> None:
    SearchEntry.objects.filter(page_id=instance.pk).delete()


def on_moved(sender: type[Page], instance: Page, **kwargs: object) -> None:
    index_subtree(instance)


def on_restriction_changed(sender: type[PageViewRestriction], instance: PageViewRestriction, **kwargs: object) -> None:
    if deletions.being_deleted(instance.page_id):  # deleted with its page, whose entry goes with it
        return
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        index_subtree(page)


def on_thing_saved(sender: type[Model], instance: Model, raw: bool = False, **kwargs: object) -> None:
    if raw:
        return
    # The row as stored is what readers see: an edit saved as a draft leaves its new text in the instance only.
    stored = sender._base_manager.filter(pk=instance.pk).first()
    if stored is not None:
        index_object(cast(SearchableThing, stored))  # connected for kinds.searchable_models() only


def on_thing_deleted(sender: type[Model], instance: Model, **kwargs: object) -> None:
    SearchEntry.objects.filter(key=object_key(instance)).delete()


def connect_signals() -> None:

    for model in kinds.searchable_models():
        post_save.connect(on_thing_saved, sender=model, dispatch_uid=f"search-index-saved-{model._meta.label_lower}")
        post_delete.connect(
            on_thing_deleted, sender=model, dispatch_uid=f"search-index-deleted-{model._meta.label_lower}"
        )
    page_published.connect(on_published, dispatch_uid="search-index-published")
    page_unpublished.connect(on_unpublished, dispatch_uid="search-index-unpublished")
    post_page_move.connect(on_moved, dispatch_uid="search-index-moved")
    post_save.connect(on_restriction_changed, sender=PageViewRestriction, dispatch_uid="search-index-restricted")
    post_delete.connect(on_restriction_changed, sender=PageViewRestriction, dispatch_uid="search-index-unrestricted")

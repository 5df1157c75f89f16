"""The Vietnamese search index: one entry per live, public page, and its terms with their weighted frequency.

Wagtail's own index (modelsearch) stays for the admin's search; the public search ranks with this one, the
same way on SQLite and PostgreSQL (BM25 over diacritic-folded words, exact-tone words, document numbers; see
search/ranking.py)."""

import uuid
from collections.abc import Callable
from typing import TypeVar, cast

from django.core.cache import cache
from django.db import models, transaction
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page

from search.synonyms import SynonymTable, prepare, split_phrases

Table = TypeVar("Table")


class SearchEntry(models.Model):
    """What the search page needs of a thing readers may find (a page, an official document, a published legal
    answer...), kept with it so that a result costs no further query. See search/indexing.py for how a model
    takes part."""

    # Which thing: "page:12" for a page, "<app>.<model>:<pk>" for anything else.
    key = models.CharField(max_length=120, unique=True)
    # The page itself, or the page that shows the thing (the Q&A page of an answer): readers lose the entry with
    # that page (unpublished, restricted, deleted). None for things with their own address (documents).
    page = models.ForeignKey(Page, on_delete=models.CASCADE, null=True, related_name="+")
    locale = models.ForeignKey(Locale, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=40, help_text="the model's search_kind, labelled by search.kinds")
    title = models.TextField()
    section = models.CharField(max_length=255, blank=True)
    published = models.DateField(null=True)
    period = models.CharField(max_length=40, blank=True, help_text="shown instead of a date: a plan's years")
    url = models.CharField(max_length=500, blank=True, help_text="the address, when it is not the page's own")
    text = models.TextField(help_text="lead and body, NFC, for snippets")
    # The folded and tone-keyed words of each field, fields separated by " | ", for phrase matching.
    folded = models.TextField()
    keyed = models.TextField()
    folded_title = models.TextField(help_text="for suggestions as the reader types")
    length = models.PositiveIntegerField()

    class Meta:
        indexes = [models.Index(fields=["locale", "published"])]

    def __str__(self) -> str:
        return self.title


class SearchTerm(models.Model):
    """A posting: a term of an entry ("f:bac" folded, "t:bac1" exact tone, "n:1kl" a document cited, "d:1kl" the
    document itself) and its BM25 term-frequency part, computed when the entry is indexed from the term's
    frequency weighted by the fields it occurs in (a word of the title counts three times) and the entry's length.
    The search then sums, per entry, these parts times the query's weights: one pass over a covering index, no
    join."""

    entry = models.ForeignKey(SearchEntry, on_delete=models.CASCADE, related_name="terms")
    locale = models.ForeignKey(Locale, on_delete=models.CASCADE, related_name="+")
    term = models.CharField(max_length=64)
    weight = models.FloatField()

    class Meta:
        indexes = [models.Index(fields=["term", "locale", "entry", "weight"], name="search_term_postings")]

    def __str__(self) -> str:
        return self.term


class Abbreviation(models.Model):
    """An abbreviation of the trade-union press and what it stands for; searches for either find both."""

    short = models.CharField(_("viết tắt"), max_length=30, unique=True, help_text=_("Ví dụ: ATVSLĐ"))
    expansion = models.CharField(_("viết đầy đủ"), max_length=255, help_text=_("Ví dụ: an toàn vệ sinh lao động"))

    class Meta:
        verbose_name = _("từ viết tắt")
        verbose_name_plural = _("từ viết tắt")
        ordering = ["short"]

    def __str__(self) -> str:
        return f"{self.short}: {self.expansion}"


ABBREVIATIONS_CACHE_KEY = "search-abbreviations"


# Each process's copy of the administrators' tables: {cache key: (the token it was built under, the table)}.
_tables: dict[str, tuple[str, object]] = {}


def cached_table(key: str, build: Callable[[], Table]) -> Table:
    """An administrators' table as search reads it: built from the database once per process and kept while the
    shared cache holds the same token for it. `forget_table_on_change` drops the token when one of its rows is
    saved or deleted (again once the change is committed, so that no process keeps a table read before it), so a
    change applies to the next search in every process. Each search reads the token (a few bytes) instead of the
    table: the 86 KB of synonyms, unpickled, cost a millisecond a search. Without a token (the cache is down or
    cannot keep one) the table is built afresh each time."""
    token_key = f"{key}:token"
    token = cache.get(token_key)
    if token is None:
        cache.add(token_key, uuid.uuid4().hex, None)
        token = cache.get(token_key)
    held = _tables.get(key)
    if token is not None and held is not None and held[0] == token:
        return cast(Table, held[1])  # what build() gave under this token
    table = build()
    if token is not None:
        _tables[key] = (token, table)
    return table


def forget_table_on_change(key: str, model: type[models.Model]) -> None:
    def forget_now() -> None:
        cache.delete(f"{key}:token")

    def forget(**kwargs: object) -> None:
        forget_now()
        transaction.on_commit(forget_now)

    post_save.connect(forget, sender=model, dispatch_uid=f"{key}-saved", weak=False)
    post_delete.connect(forget, sender=model, dispatch_uid=f"{key}-deleted", weak=False)


def abbreviation_table() -> dict[str, str]:
    """The administrators' table of abbreviations (cached; saved changes apply at once)."""
    return cached_table(ABBREVIATIONS_CACHE_KEY, lambda: dict(Abbreviation.objects.values_list("short", "expansion")))


forget_table_on_change(ABBREVIATIONS_CACHE_KEY, Abbreviation)


class Synonym(models.Model):
    """A group of words and phrases that mean the same to a reader of the labour and trade-union press; a search
    for any of them also finds the others, ranked below what holds the words typed."""

    phrases = models.TextField(
        _("các từ cùng nghĩa"),
        help_text=_(
            "Các từ hoặc cụm từ cùng một nghĩa, cách nhau bằng dấu phẩy hoặc xuống dòng, ví dụ: tiền lương, "
            "tiền công, lương. Tìm một từ sẽ tìm thấy cả các từ kia (xếp sau bài có đúng từ đã gõ). Gõ đủ dấu; "
            "chỉ ghép những từ thật sự cùng nghĩa, tránh từ quá chung."
        ),
    )

    class Meta:
        verbose_name = _("nhóm từ đồng nghĩa")
        verbose_name_plural = _("từ đồng nghĩa")
        ordering = ["phrases"]

    def __str__(self) -> str:
        return " / ".join(split_phrases(self.phrases))


SYNONYMS_CACHE_KEY = "search-synonyms"


def synonym_table() -> SynonymTable:
    """The administrators' groups of synonyms, prepared for matching (cached; saved changes apply at once)."""
    return cached_table(SYNONYMS_CACHE_KEY, lambda: prepare(list(Synonym.objects.values_list("phrases", flat=True))))


forget_table_on_change(SYNONYMS_CACHE_KEY, Synonym)


class DailySearch(models.Model):
    """How often readers searched for a query on a day, and what they found: one row per (day, query), counted
    by search/log.py (an UPDATE per query every few seconds, an INSERT for the day's first search of it). The
    query is what the reader typed, cleaned (search/ranking.clean) and in lower case; nothing about who searched
    is kept. Rows older than SEARCH_LOG_RETENTION_DAYS are removed by `manage.py purge_search_log`."""

    day = models.DateField(_("ngày"))
    query = models.CharField(_("cụm từ tìm kiếm"), max_length=200)
    searches = models.PositiveIntegerField(_("số lượt tìm"), default=0)
    empty_searches = models.PositiveIntegerField(_("số lượt không có kết quả"), default=0)
    results = models.PositiveIntegerField(_("số kết quả (lần gần nhất)"), default=0)

    class Meta:
        verbose_name = _("lượt tìm kiếm trong ngày")
        verbose_name_plural = _("lượt tìm kiếm trong ngày")
        constraints = [models.UniqueConstraint(fields=["day", "query"], name="search_daily_search_day_query")]

    def __str__(self) -> str:
        return f"{self.day}: {self.query}"

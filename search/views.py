from dataclasses import dataclass

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import F
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.functional import Promise

from core.translatable import active_locale
from search import kinds, log, promotions, ranking
from search.models import SearchEntry
from search.snippets import snippet
from search.text import WORD, fold

SUGGESTIONS = 8


def entry_url(entry: SearchEntry, request: HttpRequest) -> str | None:
    """A result's address: its own (documents, answers), else its page's (None for a page on no site)."""
    if entry.url or entry.page is None:  # an entry without a page has its own address
        return entry.url
    url: str | None = entry.page.get_url(request)  # wagtail ships no type information
    return url


def search(request: HttpRequest) -> HttpResponse:
    """Site search over what readers of the current language may see (articles, campaigns, official documents,
    legal answers, organisation pages), Vietnamese-aware (search/ranking.py), each result labelled by its kind;
    `?format=json` answers the same search as JSON."""
    locale = active_locale(request)
    query = ranking.parse(request.GET.get("q", ""), locale.language_code)
    results = ranking.search(query, locale.pk) if query.text else []
    page = Paginator(results, settings.ARTICLES_PER_PAGE).get_page(request.GET.get("page"))
    loaded = ranking.load(page)
    page.object_list = loaded

    def show(entry: SearchEntry) -> Shown:
        return Shown(
            entry=entry,
            url=entry_url(entry, request),
            kind_label=kinds.label(entry.kind),
            snippet=snippet(entry.text, query.highlight, query.language, phrases=query.marked_phrases),
        )

    # The editors' promoted results, first, on the first page only.
    promoted = [show(entry) for entry in promotions.promoted(query.text, locale.pk)] if page.number == 1 else []
    shown = [show(result.entry) for result in loaded if result.entry is not None]  # load gives every one its entry
    suggestion = ranking.suggestion(query, loaded)
    response: HttpResponse
    if request.GET.get("format") == "json":
        response = JsonResponse(
            {
                "query": query.text,
                "suggestion": suggestion or None,
                "total": page.paginator.count,
                "page": page.number,
                "promoted": [as_json(result) for result in promoted],
                "results": [as_json(result) for result in shown],
            },
            json_dumps_params={"ensure_ascii": False},
        )
    else:
        context = {
            "query": query.text,
            "search": query,
            "results": page,  # for the count and the pagination
            "shown": shown,  # the page's results as shown
            "suggestion": suggestion,
            "promoted": promoted,
        }
        response = render(request, "search/search.html", context)
    if query.text and page.number == 1 and request.GET.get("page", "1") in ("", "1"):  # page 2: the same search
        log.label(response, query.text, page.paginator.count)
    return response


@dataclass
class Shown:
    """A result as the page and its JSON show it, found or promoted by the editors."""

    entry: SearchEntry
    url: str | None
    kind_label: Promise
    snippet: str


def as_json(result: Shown) -> dict[str, object]:
    return {
        "title": result.entry.title,
        "url": result.url,
        "kind": result.entry.kind,
        "kind_label": str(result.kind_label),
        "section": result.entry.section,
        "snippet": result.snippet,
        "published": result.entry.published and result.entry.published.isoformat(),
        "period": result.entry.period,
    }


def suggest(request: HttpRequest) -> JsonResponse:
    """Titles that start with what the reader has typed so far, words without marks, the last one a prefix:
    `{"query", "suggestions": [{"title", "url", "kind", "kind_label"}]}`, for the search box's list."""
    typed = [fold(word) for word in WORD.findall(ranking.clean(request.GET.get("q", "")))][: ranking.MAX_WORDS]
    suggestions = []
    if typed and len("".join(typed)) >= 2:
        entries = (
            SearchEntry.objects.filter(locale=active_locale(request), folded_title__contains=f" {' '.join(typed)}")
            .select_related("page")
            .only("kind", "title", "url", "page__url_path")
            .order_by(F("published").desc(nulls_last=True), "-pk")[:SUGGESTIONS]  # undated last, on any database
        )
        suggestions = [
            {
                "title": entry.title,
                "url": entry_url(entry, request),
                "kind": entry.kind,
                "kind_label": str(kinds.label(entry.kind)),
            }
            for entry in entries
        ]
    return JsonResponse(
        {"query": " ".join(typed), "suggestions": suggestions}, json_dumps_params={"ensure_ascii": False}
    )

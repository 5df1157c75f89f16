from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import F
from django.http import JsonResponse
from django.shortcuts import render

from core.translatable import active_locale
from search import kinds, log, promotions, ranking
from search.models import SearchEntry
from search.snippets import snippet
from search.text import WORD, fold

SUGGESTIONS = 8


def entry_url(entry, request):
    """A result's address: its own (documents, answers), else its page's."""
    return entry.url or entry.page.get_url(request)


def search(request):
    """Site search over what readers of the current language may see (articles, campaigns, official documents,
    legal answers, organisation pages), Vietnamese-aware (search/ranking.py), each result labelled by its kind;
    `?format=json` answers the same search as JSON."""
    locale = active_locale(request)
    query = ranking.parse(request.GET.get("q", ""), locale.language_code)
    results = ranking.search(query, locale.pk) if query.text else []
    page = Paginator(results, settings.ARTICLES_PER_PAGE).get_page(request.GET.get("page"))
    page.object_list = ranking.load(page.object_list)
    # The editors' promoted results, first, on the first page only.
    promoted = [Shown(entry) for entry in promotions.promoted(query.text, locale.pk)] if page.number == 1 else []
    for result in [*promoted, *page]:
        result.url = entry_url(result.entry, request)
        result.kind_label = kinds.label(result.entry.kind)
        result.snippet = snippet(result.entry.text, query.highlight, query.language)
    suggestion = ranking.suggestion(query, list(page))
    if request.GET.get("format") == "json":
        response = JsonResponse(
            {
                "query": query.text,
                "suggestion": suggestion or None,
                "total": page.paginator.count,
                "page": page.number,
                "promoted": [as_json(result) for result in promoted],
                "results": [as_json(result) for result in page],
            },
            json_dumps_params={"ensure_ascii": False},
        )
    else:
        context = {"query": query.text, "search": query, "results": page, "suggestion": suggestion}
        context["promoted"] = promoted
        response = render(request, "search/search.html", context)
    if query.text and page.number == 1 and request.GET.get("page", "1") in ("", "1"):  # page 2: the same search
        log.label(response, query.text, page.paginator.count)
    return response


class Shown:
    """A promoted result, shown like a search result."""

    def __init__(self, entry: SearchEntry) -> None:
        self.entry = entry


def as_json(result: Shown | ranking.Result) -> dict[str, object]:
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


def suggest(request):
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

from django.conf import settings
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import render

from home.translatable import active_locale
from legal_qa.models import answers_found
from search import ranking
from search.models import SearchEntry
from search.snippets import snippet
from search.text import WORD, fold

SUGGESTIONS = 8


def search(request):
    """Site search over the live, public pages of the current language, Vietnamese-aware (search/ranking.py);
    `?format=json` answers the same search as JSON."""
    locale = active_locale(request)
    query = ranking.parse(request.GET.get("q", ""), locale.language_code)
    results = ranking.search(query, locale.pk) if query.text else []
    page = Paginator(results, settings.ARTICLES_PER_PAGE).get_page(request.GET.get("page"))
    page.object_list = ranking.load(page.object_list)
    for result in page:
        result.url = result.entry.page.get_url(request)
        result.snippet = snippet(result.entry.text, query.highlight, query.language)
    if request.GET.get("format") == "json":
        return JsonResponse(
            {
                "query": query.text,
                "total": page.paginator.count,
                "page": page.number,
                "results": [
                    {
                        "title": result.entry.title,
                        "url": result.url,
                        "section": result.entry.section,
                        "snippet": result.snippet,
                        "published": result.entry.published and result.entry.published.isoformat(),
                    }
                    for result in page
                ],
            },
            json_dumps_params={"ensure_ascii": False},
        )
    context = {"query": query.text, "search": query, "results": page}
    if page.number == 1:
        context["answers"] = answers_found(query.text, locale)
    return render(request, "search/search.html", context)


def suggest(request):
    """Titles that start with what the reader has typed so far, words without marks, the last one a prefix:
    `{"query", "suggestions": [{"title", "url"}]}`, for the search box's list."""
    typed = [fold(word) for word in WORD.findall(ranking.clean(request.GET.get("q", "")))][: ranking.MAX_WORDS]
    suggestions = []
    if typed and len("".join(typed)) >= 2:
        entries = (
            SearchEntry.objects.filter(locale=active_locale(request), folded_title__contains=f" {' '.join(typed)}")
            .select_related("page")
            .order_by("-published", "-pk")[:SUGGESTIONS]
        )
        suggestions = [{"title": entry.title, "url": entry.page.get_url(request)} for entry in entries]
    return JsonResponse(
        {"query": " ".join(typed), "suggestions": suggestions}, json_dumps_params={"ensure_ascii": False}
    )

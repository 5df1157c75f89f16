from django.conf import settings
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import render
from django.utils import dateformat
from wagtail.models import Locale

from articles.models import published_articles
from search.text import abbreviation_alternatives, fold, nfc, telex_decode


def expand(query):
    """The query with what the reader may have meant: its folded form, the syllables of raw Telex tokens
    ("hocj" -> "học") and abbreviations both ways, so that however the reader typed, the text is found."""
    decoded = [telex_decode(token) for token in query.split() if not token.isupper()]
    alternatives = " ".join([word for word in decoded if word] + abbreviation_alternatives(query))
    return " ".join(part for part in (query, fold(query), alternatives, fold(alternatives)) if part)


def search(request):
    """Site search over live, public articles of the current language. Wagtail's database backend for now;
    the Vietnamese ranking is built in the search issue."""
    query = nfc(request.GET.get("q", "")).strip()[:200]
    results = published_articles(Locale.get_active().pk).search(expand(query), operator="or") if query else []
    page = Paginator(results, settings.ARTICLES_PER_PAGE).get_page(request.GET.get("page"))
    if request.GET.get("format") == "json":
        return JsonResponse(
            {
                "query": query,
                "count": page.paginator.count,
                "results": [
                    {
                        "title": article.title,
                        "url": article.url,
                        "date": dateformat.format(article.date, "d/m/Y"),
                        "lead": article.lead,
                    }
                    for article in page
                ],
            },
            json_dumps_params={"ensure_ascii": False},
        )
    return render(request, "search/search.html", {"query": query, "results": page})

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from taggit.models import Tag

from articles.models import card_images, published_articles
from core.translatable import active_locale


def tag_page(request, slug):
    """The live articles of the active language carrying one tag (từ khóa), newest first, paginated."""
    if "\x00" in slug:  # no tag has one, and PostgreSQL refuses a NUL in a query (a 500)
        raise Http404
    tag = get_object_or_404(Tag, slug=slug)
    articles = (
        published_articles(active_locale(request).pk).filter(tagged_items__tag=tag).prefetch_related(card_images())
    )
    page = Paginator(articles, settings.ARTICLES_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "articles/tag_page.html", {"tag": tag, "articles": page})

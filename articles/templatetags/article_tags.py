from django import template

from articles.models import published_articles
from delivery.content_cache import cached
from home.translatable import active_locale

register = template.Library()

SIDEBAR_COUNT = 6


@register.inclusion_tag("articles/tags/latest_news.html", takes_context=True)
def latest_news(context):
    """The "Thông tin mới nhất" sidebar: the newest live articles of the page's language."""
    page = context.get("page")
    locale_id = page.locale_id if page is not None else active_locale(context.get("request")).pk

    def compute():
        return [
            {"title": article.title, "url": article.url, "date": article.date}
            for article in published_articles(locale_id)[:SIDEBAR_COUNT]
        ]

    return {"articles": cached("latest-news", locale_id, compute=compute)}

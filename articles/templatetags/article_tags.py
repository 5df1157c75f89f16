import base64
import json
from urllib.parse import urlencode

from django import template

from articles.models import published_articles
from core.translatable import active_locale
from delivery.content_cache import cached

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


@register.filter
def zalo_share_url(url):
    """Zalo's share page for a link, as a plain link: no Zalo script on our pages (the CSP allows none) and no Official
    Account, which Zalo's documented share button (a script) requires. The button's own frame, served from
    button-share.zalo.me, carries the link both as `url` and as `d` (base64 of {"url": ...}); its share page,
    share_external, takes the same parameters and is what sites without the script link to."""
    payload = base64.b64encode(json.dumps({"url": url}, separators=(",", ":")).encode()).decode()
    return "https://button-share.zalo.me/share_external?" + urlencode({"url": url, "d": payload, "shareType": 0})

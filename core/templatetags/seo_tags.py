"""What search engines and social networks read in the <head>: canonical URL, structured data (JSON-LD)."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.encoding import iri_to_uri
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.models import Site

register = template.Library()

# As Django's json_script: a "</script>" inside a string must not end the element.
JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def site_root_url(request):
    """The site's own address (Wagtail's Site record, as page URLs use), so that every absolute URL agrees."""
    site = Site.find_for_request(request)
    return site.root_url if site is not None else request.build_absolute_uri("/").rstrip("/")


def absolute_url(request, url):
    return url if "://" in url else site_root_url(request) + url


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """The page's one address: a Wagtail page's full URL, or the view's path; other query parameters than the
    page number (filters, tracking) are not part of it."""
    request = context["request"]
    page = context.get("page")
    url = page.get_full_url(request) if page is not None else absolute_url(request, iri_to_uri(request.path))
    number = request.GET.get("page", "")
    # isdecimal, not isdigit: "²" is a digit that int() refuses; "٢" is a decimal that int() and the paginator
    # read as 2.
    if number.isdecimal() and int(number) > 1:
        url += f"?page={int(number)}"
    return url


@register.simple_tag(takes_context=True)
def absolute(context, url):
    return absolute_url(context["request"], url)


@register.simple_tag(takes_context=True)
def structured_data(context, obj, url, image=None):
    """The object's schema.org description (its `structured_data(url, image_url)`) as JSON-LD; `image` is a
    rendition."""
    image_url = absolute_url(context["request"], image.url) if image else None
    return json_ld(obj.structured_data(url, image_url))


def json_ld(data):
    """A schema.org object as a <script type="application/ld+json"> element."""
    text = json.dumps({"@context": "https://schema.org", **data}, cls=DjangoJSONEncoder, ensure_ascii=False)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text.translate(JSON_ESCAPES)))  # noqa: S308

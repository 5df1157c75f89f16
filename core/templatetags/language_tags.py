"""The page in the other languages: the language switcher and the hreflang alternates.

A language links to the translation of what is shown where one is live and public, else to that language's home
page; only real translations are alternates. Pages' versions are cached with the site's content (content_cache),
so that they cost no query once warm."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.html import format_html
from wagtail.models import DraftStateMixin, Locale, Page, Site

from core.templatetags.navigation_tags import page_furniture
from delivery.content_cache import cached

register = template.Library()


def object_versions(obj):
    """{language code: URL} of a translatable object with its own view, e.g. an official document: its
    published translations only (a draft's address is not found)."""
    versions = {}
    translations = obj.get_translations(inclusive=True).select_related("locale")
    if isinstance(obj, DraftStateMixin):
        translations = translations.filter(live=True)
    for version in translations:
        code = version.locale.language_code
        with translation.override(code):
            versions[code] = version.get_absolute_url()
    return versions


def language_versions(context):
    """(versions, homes): {language code: URL} of what is shown, and of the home pages; once a request."""
    request = context["request"]
    if not hasattr(request, "_language_versions"):
        site = Site.find_for_request(request)
        page = context.get("page")
        document = context.get("document")
        resolver_match = getattr(request, "resolver_match", None)
        # The page's versions and the home page's are read with the menu and the trail (core/furniture.py).
        around = page_furniture(context)
        if isinstance(page, Page):
            versions = around["versions"] if around is not None else {}
        elif document is not None and hasattr(document, "get_translations"):
            versions = object_versions(document)
        elif resolver_match is not None and resolver_match.url_name != "wagtail_serve":
            # A view of i18n_patterns (search, documents, feeds) exists in every language.
            path = request.get_full_path()
            versions = {code: translate_url(path, code) for code, _name in settings.LANGUAGES}
        else:  # a page not found
            versions = {}
        homes = around["homes"] if around is not None else {}
        request._language_versions = (versions, homes, site)
    return request._language_versions


@register.inclusion_tag("core/tags/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Every language, linked to the translation of what is shown, else to that language's home page."""
    if "request" not in context:
        return {"languages": []}
    versions, homes, _site = language_versions(context)
    current = translation.get_language()
    return {
        "languages": [
            {
                "code": code,
                "name": name,
                "url": versions.get(code) or homes.get(code) or "/",
                "is_current": code == current,
            }
            for code, name in settings.LANGUAGES
        ]
    }


@register.inclusion_tag("core/tags/hreflang_links.html", takes_context=True)
def hreflang_links(context):
    """<link rel="alternate" hreflang> for each language the content exists in, and x-default (Vietnamese),
    when it exists in more than one; absolute URLs from the site's address, as the canonical URL."""
    if "request" not in context:
        return {"alternates": []}
    versions, _homes, site = language_versions(context)
    root_url = site.root_url if site is not None else context["request"].build_absolute_uri("/").rstrip("/")
    alternates = [
        (code, url if "://" in url else root_url + url)
        for code, _name in settings.LANGUAGES
        if (url := versions.get(code))
    ]
    if len(alternates) < 2:
        return {"alternates": []}
    default = dict(alternates).get(settings.LANGUAGE_CODE)
    return {"alternates": alternates + ([("x-default", default)] if default else [])}


@register.simple_tag(takes_context=True)
def language_home_url(context):
    """The home page of the language shown."""
    if "request" not in context:
        return "/"
    _versions, homes, _site = language_versions(context)
    return homes.get(translation.get_language(), "/")


@register.filter
def written_in(obj, locale_id):
    """The language of a translatable item shown on a page of locale `locale_id` when it is another one, else "":
    a snippet not translated yet is shown in Vietnamese on an English page (core/translatable.py, prefer_locale),
    and browsers and screen readers (voice, fonts, hyphenation, translation offers) should know, by `lang`. No
    query for an item in the page's language; the locales' codes, kept with the site's content, otherwise."""
    if obj is None or obj.locale_id == locale_id:
        return ""
    codes = cached("locale-codes", compute=lambda: dict(Locale.objects.values_list("pk", "language_code")))
    return codes.get(obj.locale_id, "")


@register.simple_tag
def source_lang():
    """` lang="vi"` on text that exists in the site's language only, whatever the page's (tags, which taggit keeps in
    one language; readers' legal questions and their answers, which are not translated), when the page is in another
    language; nothing on a Vietnamese page."""
    if translation.get_language() != settings.LANGUAGE_CODE:
        return format_html(' lang="{}"', settings.LANGUAGE_CODE)
    return ""


@register.simple_tag
def source_text(text):
    """Text in the site's language only (as source_lang), wrapped in a <span lang="vi"> on pages of another
    language, for use inside a translated sentence: `{% source_text tag.name as name %}`."""
    if translation.get_language() != settings.LANGUAGE_CODE:
        return format_html('<span lang="{}">{}</span>', settings.LANGUAGE_CODE, text)
    return text

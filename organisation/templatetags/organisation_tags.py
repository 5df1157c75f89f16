import datetime
import re

from django import template
from django.db.models import OuterRef, Subquery
from django.db.models.functions import JSONObject
from django.utils.html import format_html
from django.utils.translation import get_language
from wagtail.images.models import SourceImageIOError
from wagtail.models import Site

from core.translatable import prefer_locale
from delivery.content_cache import cached

register = template.Library()

# The emblem beside the name in the header: this many CSS pixels high, from a rendition twice as high (sharp on
# phones' dense screens, a few kilobytes).
LOGO_HEIGHT = 48
LOGO_SPEC = f"height-{LOGO_HEIGHT * 2}"


def footer_data(site, language):
    """The organisation's identity (OrganisationSettings) of `site` in `language`, and the footer's links
    ("Liên kết website"): {"identity": {...} or {}, "links": [{"title", "url"}]}. Read together, in one query:
    the identity, with its emblem's rendition, rides along with each link as a JSON object (and alone when there
    is no link), so that the header and footer cost a page one query when nothing is cached (the search page's
    budget is ten). Cached with the site's content. Read, never created: a reader's request writes nothing."""
    from images.models import CaptionedImageRendition
    from organisation.models import OrganisationSettings, RelatedLink

    def compute():
        rendition = CaptionedImageRendition.objects.filter(image_id=OuterRef("logo_id"), filter_spec=LOGO_SPEC)
        fields = [*OrganisationSettings.TRANSLATED, *(f"{field}_en" for field in OrganisationSettings.TRANSLATED)]
        fields += [*OrganisationSettings.AS_THEY_ARE, "logo_id"]
        values = JSONObject(
            **{field: field for field in fields},
            **{f"logo_{name}": Subquery(rendition.values(name)[:1]) for name in ("file", "width", "height")},
        )
        identity = OrganisationSettings.objects.filter(site=site).values(identity=values)
        # Each link's language read with it, rather than the locale of the language shown asked for first.
        found = list(RelatedLink.objects.live().select_related("locale").annotate(identity=Subquery(identity[:1])))
        row = found[0].identity if found else next((item["identity"] for item in identity), None)
        locale_id = next((link.locale_id for link in found if link.locale.language_code == language), None)
        chosen = prefer_locale(found, locale_id)
        # A link not translated yet is shown in its own language, marked (lang) for browsers and screen readers.
        links = [
            {
                "title": link.title,
                "url": link.url,
                "lang": "" if link.locale.language_code == language else link.locale.language_code,
            }
            for link in chosen
        ]
        return {"identity": shown(row, language) if row else {}, "links": links}

    return cached("organisation-footer", site.pk, language, compute=compute)


def shown(row, language):
    """The identity's fields as readers of `language` see them, with its emblem: {"url", "width", "height"} in CSS
    pixels, or None. A rendition not made yet is made here (once)."""
    from images.models import CaptionedImage, CaptionedImageRendition
    from organisation.models import OrganisationSettings

    identity = OrganisationSettings.shown_in(row, language)
    if identity["licence_date"]:  # JSON has no dates
        identity["licence_date"] = datetime.date.fromisoformat(identity["licence_date"])
    identity["logo"] = None
    if row["logo_id"] is not None:
        if row["logo_file"]:
            storage = CaptionedImageRendition._meta.get_field("file").storage
            url, width, height = storage.url(row["logo_file"]), row["logo_width"], row["logo_height"]
        else:
            try:
                rendition = CaptionedImage.objects.get(pk=row["logo_id"]).get_rendition(LOGO_SPEC)
            except SourceImageIOError:  # the emblem's file is missing (media not restored): the name alone
                return identity
            url, width, height = rendition.url, rendition.width, rendition.height
        identity["logo"] = {"url": url, "height": LOGO_HEIGHT, "width": round(width * LOGO_HEIGHT / height)}
    return identity


def request_site(context):
    request = context.get("request")
    return Site.find_for_request(request) if request else None


@register.inclusion_tag("organisation/tags/related_links.html", takes_context=True)
def related_links(context):
    """The "Liên kết website" box, in the reader's language where a link is translated. Published links only."""
    site = request_site(context)
    return {"links": footer_data(site, get_language())["links"] if site else []}


@register.simple_tag(takes_context=True)
def organisation_identity(context):
    """The organisation's identity for the site of the request, in the reader's language (a dict, empty where
    nothing is set): see footer_data."""
    site = request_site(context)
    return footer_data(site, get_language())["identity"] if site else {}


@register.filter
def as_value(text):
    """What an administrator typed (a person's name, a licence number, an issuing body), marked as such inside a
    translated sentence: proper names and official numbers stay as written in every language."""
    return format_html('<span class="site-footer__value">{}</span>', text)


@register.filter
def tel_href(phone):
    """A phone number as a `tel:` address that phones dial from anywhere: "0214 3820 000" becomes
    "tel:+842143820000" (Vietnam's country code for the national trunk prefix 0); a number already international
    keeps its "+" ("+84 214…", "(+84) 214…"); anything but digits is dropped."""
    digits = re.sub(r"\D", "", phone or "")
    if not digits:
        return ""
    if re.match(r"\s*\(?\+", phone):
        return f"tel:+{digits}"
    if digits.startswith("0"):
        return f"tel:+84{digits[1:]}"
    return f"tel:{digits}"

"""ASCII page addresses: "Công đoàn tỉnh" -> cong-doan-tinh, never a percent-encoded address when shared.

WAGTAIL_ALLOW_UNICODE_SLUGS = False alone is not enough for Vietnamese: Wagtail's in-browser transliteration
knows "đ" only as Serbian ("dj") and drops the vowels with a dot below or a hook ("tỉnh" -> "tnh"), and the
server's own fallback (Django's slugify) drops "đ". Here the browser gets formatters that fold Vietnamese letters
first, a slug typed with diacritics is folded on the server (anyascii, a Wagtail dependency), and a page created
without a slug gets one from its title the same way (editorial/page_editor.py)."""

import re
import unicodedata

from anyascii import anyascii
from django import forms
from django.db import models
from django.utils.text import slugify
from wagtail.admin.forms.models import register_form_field_override
from wagtail.admin.widgets import SlugInput

VIETNAMESE_LETTERS = {
    "a": "àáạảãâầấậẩẫăằắặẳẵ",
    "d": "đ",
    "e": "èéẹẻẽêềếệểễ",
    "i": "ìíịỉĩ",
    "o": "òóọỏõôồốộổỗơờớợởỡ",
    "u": "ùúụủũưừứựửữ",
    "y": "ỳýỵỷỹ",
}
# For the browser (Wagtail's w-slug controller applies them before its own transliteration): combining marks
# (text typed in decomposed form) go, then each Vietnamese letter becomes its base letter.
FORMATTERS = [(re.compile("[\u0300-\u036f]"), "")] + [
    (re.compile(f"[{letters}]", re.IGNORECASE), base) for base, letters in VIETNAMESE_LETTERS.items()
]
MAX_LENGTH = 255


def ascii_slug(text):
    return slugify(anyascii(unicodedata.normalize("NFC", text or "")))[:MAX_LENGTH].strip("-")


class AsciiSlugInput(SlugInput):
    def __init__(self, attrs=None, formatters=None, locale=None):
        super().__init__(attrs=attrs, formatters=formatters or FORMATTERS, locale=locale)


class AsciiSlugField(forms.SlugField):
    """A slug typed with diacritics is folded to ASCII rather than refused or kept."""

    def to_python(self, value):
        value = super().to_python(value)
        return ascii_slug(value) if value and not value.isascii() else value


def use_ascii_slugs():
    register_form_field_override(models.SlugField, override={"widget": AsciiSlugInput, "form_class": AsciiSlugField})


def unique_child_slug(parent, base, page=None):
    """`base`, or base-2, base-3, ... if a sibling has it (as Wagtail does for the slugs it generates)."""
    siblings = parent.get_children()
    if page is not None and page.pk:
        siblings = siblings.exclude(pk=page.pk)
    candidate, number = base, 1
    while siblings.filter(slug=candidate).exists():
        number += 1
        candidate = f"{base[: MAX_LENGTH - len(str(number)) - 1]}-{number}"
    return candidate

"""Vietnamese text handling, in one place: everything that compares what people type with what is stored
imports from here."""

import re
import unicodedata


def nfc(text):
    """Unicode NFC: some input methods and editors store decomposed (NFD) text, which looks the same but
    compares differently."""
    return unicodedata.normalize("NFC", text or "")


def fold(text):
    """Lower case without diacritics, with đ as d: "Liên đoàn Lao động" -> "lien doan lao dong"."""
    decomposed = unicodedata.normalize("NFD", nfc(text).casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.replace("đ", "d")


_DOCUMENT_SEPARATORS = re.compile(r"\s*([-/])\s*")
_SPACES = re.compile(r"\s+")


def document_number(text):
    """The canonical spelling of an official document number: "01-kl/tw", "01 - KL / TW" -> "01-KL/TW"."""
    text = _DOCUMENT_SEPARATORS.sub(r"\1", nfc(text).strip())
    return _SPACES.sub(" ", text).upper()


def document_number_key(text):
    """A lookup key that ignores case, diacritics and separators: "01-KL/TW" and "01 kl tw" share one."""
    return _SPACES.sub(" ", re.sub(r"[-/.\s]+", " ", fold(text))).strip()

"""Import of articles from the JSON Lines exchange format (docs/content.md, "Importing articles").

One record per line; each line is validated and saved in its own transaction, so a bad line is reported with
its number and never stops or corrupts the others. Articles are matched by slug: a re-import updates."""

import datetime
import hashlib
import io
import json
from dataclasses import dataclass, field

from anyascii import anyascii
from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.core.validators import validate_slug
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.rich_text import RichText

from articles.models import ArticleIndexPage, ArticlePage
from images import illustrations
from images.models import CaptionedImage
from official_documents.models import OfficialDocument
from search.text import document_number, document_number_key, nfc


class RecordError(ValueError):
    """A line that cannot be imported; the message is for the operator, in Vietnamese."""


@dataclass
class ArticleRecord:
    slug: str
    title: str
    lead: str
    body: list
    published: datetime.date
    author: str = ""
    source: str = ""
    category: str = ""
    tags: list = field(default_factory=list)
    documents: list = field(default_factory=list)
    images: list = field(default_factory=list)


def _string(data, name, required=False, max_length=None):
    value = data.get(name, "")
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise RecordError(_("trường “%(name)s” phải là chuỗi") % {"name": name})
    value = nfc(value).strip()
    if required and not value:
        raise RecordError(_("thiếu trường “%(name)s”") % {"name": name})
    if max_length and len(value) > max_length:
        raise RecordError(_("trường “%(name)s” dài quá %(max)s ký tự") % {"name": name, "max": max_length})
    return value


def _strings(data, name):
    values = data.get(name) or []
    if not isinstance(values, list) or not all(isinstance(value, str) for value in values):
        raise RecordError(_("trường “%(name)s” phải là danh sách chuỗi") % {"name": name})
    return [nfc(value).strip() for value in values if value.strip()]


def parse_record(line):
    """One line of the exchange format -> ArticleRecord, or RecordError saying what is wrong."""
    try:
        data = json.loads(line)
    except json.JSONDecodeError as error:
        raise RecordError(_("JSON không hợp lệ (%(error)s)") % {"error": error}) from error
    if not isinstance(data, dict):
        raise RecordError(_("mỗi dòng phải là một đối tượng JSON"))

    slug = _string(data, "slug", required=True, max_length=255)
    try:
        validate_slug(slug)
        slug.encode("ascii")
    except (ValidationError, UnicodeEncodeError) as error:
        raise RecordError(_("slug “%(slug)s” chỉ được gồm chữ ASCII, số, “-” và “_”") % {"slug": slug}) from error

    published = _string(data, "published", required=True)
    try:
        date = datetime.date.fromisoformat(published)
    except ValueError as error:
        raise RecordError(_("ngày “%(date)s” không đúng dạng YYYY-MM-DD") % {"date": published}) from error

    images = data.get("images") or []
    if not isinstance(images, list) or not all(isinstance(image, dict) for image in images):
        raise RecordError(_("trường “images” phải là danh sách đối tượng {caption, credit}"))

    record = ArticleRecord(
        slug=slug,
        title=_string(data, "title", required=True, max_length=255),
        lead=_string(data, "lead"),
        body=_strings(data, "body"),
        published=date,
        author=_string(data, "author", max_length=255),
        source=_string(data, "source", max_length=255),
        category=_string(data, "category", max_length=255),
        tags=_strings(data, "tags"),
        documents=_strings(data, "documents"),
        images=[
            {"caption": _string(image, "caption", max_length=500), "credit": _string(image, "credit", max_length=255)}
            for image in images
        ],
    )
    if not record.body:
        raise RecordError(_("bài “%(slug)s” không có đoạn nội dung nào") % {"slug": slug})
    return record


def placeholder_image(caption, credit, portrait=False):
    """The photo of an imported article: the exchange format carries captions and credits, not files, so an
    illustration drawn for it (images/illustrations.py; a head and shoulders for a portrait) stands in until an
    editor uploads the real one. Reused when the same photo is imported again."""
    title = (caption or credit or _("Ảnh"))[:255]
    existing = CaptionedImage.objects.filter(title=title, caption=caption, credit=credit).first()
    if existing:
        return existing
    digest = hashlib.sha1(f"{caption}|{credit}".encode(), usedforsecurity=False).digest()
    picture = illustrations.portrait(digest) if portrait else illustrations.landscape(digest)
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=82)
    name = f"{slugify(anyascii(title))[:60] or 'anh'}-{digest.hex()[:8]}.jpg"
    image = CaptionedImage(title=title, description=caption, caption=caption, credit=credit)
    image.file = ImageFile(buffer, name=name)
    image.save()
    return image


def _blocks(stream):
    """A StreamField's content without its block ids, which differ on every save."""
    return [(block["type"], block["value"]) for block in stream.get_prep_value()]


class ArticleImporter:
    """Saves records under the sections of one home page. Sections are found by title (created when missing),
    or all records go to one section given by slug."""

    def __init__(self, home, section=None, publish=False):
        self.home = home
        self.section = section
        self.publish = publish
        self._sections = {}

    def section_for(self, record):
        if self.section is not None:
            return self.section
        if not record.category:
            raise RecordError(_("thiếu trường “category” (chuyên mục) và không có --section"))
        return self.section_named(record.category)

    def section_named(self, title):
        """The home page's section with this title (any case), created and published when missing."""
        key = title.casefold()
        if key not in self._sections:
            section = next(
                (page for page in ArticleIndexPage.objects.child_of(self.home) if page.title.casefold() == key),
                None,
            )
            if section is None:
                section = ArticleIndexPage(
                    title=title, slug=slugify(anyascii(title)) or "chuyen-muc", show_in_menus=True
                )
                self.home.add_child(instance=section)
                section.save_revision().publish()
            self._sections[key] = section
        return self._sections[key]

    def documents_for(self, record):
        documents = []
        for number in record.documents:
            key = document_number_key(number)
            document = OfficialDocument.objects.filter(locale=self.home.locale, number_key=key).first()
            if document is None:
                # Published with the articles, or a draft for an approver, as they are (docs/approval.md).
                document = OfficialDocument.objects.create(
                    locale=self.home.locale, number=document_number(number), live=self.publish
                )
            documents.append(document)
        return documents

    @staticmethod
    def body_for(record, images):
        """Paragraphs with the photos spread between them, the first after the first paragraph."""
        blocks = [("paragraph", RichText(f"<p>{escape(text)}</p>")) for text in record.body]
        step = max(1, len(record.body) // (len(images) + 1)) if images else 1
        for position, image in reversed(list(enumerate(images))):
            # ImageBlock's value is the image itself, carrying the alt text of this use.
            image.contextual_alt_text = image.caption or image.title
            image.decorative = False
            index = min(len(blocks), 1 + position * step)
            blocks.insert(index, ("image", {"image": image, "caption": "", "credit": ""}))
        return blocks

    def save(self, record):
        """Create or update one article; returns "created", "updated" or "unchanged"."""
        section = self.section_for(record)
        images = [placeholder_image(image["caption"], image["credit"]) for image in record.images]
        documents = self.documents_for(record)
        page = ArticlePage.objects.filter(slug=record.slug, locale=self.home.locale).first()
        created = page is None
        if created:
            page = ArticlePage(slug=record.slug, live=False)

        page.title = record.title
        page.draft_title = record.title
        page.lead = record.lead
        page.body = self.body_for(record, images)
        page.date = record.published
        page.author = record.author
        page.source_unit = record.source
        page.feature_image = images[0] if images else None
        page.tags.set(record.tags)
        page.documents.set(documents)
        if created:
            page.first_published_at = timezone.make_aware(
                datetime.datetime.combine(record.published, datetime.time(8, 0))
            )
            section.add_child(instance=page)
        else:
            if page.get_parent().pk != section.pk:
                page.move(section, pos="last-child")
                page.refresh_from_db(fields=["path", "url_path"])
            if not self.changed(page):
                if self.publish and (not page.live or page.has_unpublished_changes):
                    page.get_latest_revision().publish()
                    return "updated"
                return "unchanged"
        revision = page.save_revision(clean=True)
        if self.publish:
            revision.publish()
        return "created" if created else "updated"

    @staticmethod
    def changed(page):
        """Whether the page as set up differs from its latest revision, so that a re-import of the same file
        adds no revisions."""
        revision = page.get_latest_revision()
        if revision is None:
            return True
        latest = revision.as_object()
        fields = ("title", "lead", "date", "author", "source_unit", "feature_image_id")
        if any(getattr(latest, name) != getattr(page, name) for name in fields):
            return True
        if _blocks(latest.body) != _blocks(page.body):
            return True
        if sorted(tag.name for tag in latest.tags.all()) != sorted(tag.name for tag in page.tags.all()):
            return True
        return sorted(document.pk for document in latest.documents.all()) != sorted(
            document.pk for document in page.documents.all()
        )

    def import_line(self, line):
        return self.import_record(parse_record(line))

    def import_record(self, record):
        with transaction.atomic():
            return self.save(record)

"""Factories (factory_boy, wagtail-factories) for a test that needs a small world of its own, and records in the
exchange format, for tests that need more content than the demo.

The demo content is in the test database all the same (tests/conftest.py); a test that builds its own world
asserts on what it made, not on what the demo happens to hold. Pages are made as the admin makes them: a
revision, then publication (`published=False` leaves a draft); snippets with drafts likewise.

    section = ArticleIndexPageFactory(title="Tin thử nghiệm")
    article = ArticlePageFactory(parent=section, tags=["Công đoàn"], documents=[OfficialDocumentFactory()])
    draft = ArticlePageFactory(parent=section, published=False)
    photo_article = ArticlePageFactory(with_photo=True)  # a CaptionedImage with caption and credit
    editor, approver = EditorFactory(), ApproverFactory()  # in the newsroom's groups (editorial/roles.py)
"""

import datetime
import json

import factory
import wagtail_factories
from django.utils import timezone
from factory.django import DjangoModelFactory

from articles.models import ArticleIndexPage, ArticlePage
from campaigns.models import CampaignPage
from editorial import roles
from home.models import HomePage
from images.models import CaptionedImage
from official_documents.models import DocumentKind, OfficialDocument
from search.models import Abbreviation


def default_home():
    """The Vietnamese home page of the default site (the demo's)."""
    from wagtail.models import Site

    return Site.objects.get(is_default_site=True).root_page.specific


def tree_root():
    from wagtail.models import Page

    return Page.get_first_root_node()


def default_locale():
    from wagtail.models import Locale

    return Locale.get_default()


def root_collection():
    from wagtail.models import Collection

    return Collection.get_first_root_node()


def paragraphs(*texts):
    """An article body (StreamField JSON) of paragraphs."""
    return json.dumps([{"type": "paragraph", "value": f"<p>{text}</p>"} for text in texts])


def publish_or_keep_draft(obj, create, published):
    """Publishes through a revision, as an approver does; `published=False` saves a draft revision only."""
    if not create:
        return
    revision = obj.save_revision()
    if published is None or published:
        revision.publish()
    obj.refresh_from_db()


class PageFactory(wagtail_factories.PageFactory):
    """A page under `parent`, created unpublished then published through a revision (or left a draft)."""

    live = False

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    @factory.post_generation
    def published(obj, create, extracted, **kwargs):  # noqa: N805 (factory_boy passes the object)
        publish_or_keep_draft(obj, create, extracted)


class HomePageFactory(PageFactory):
    """A second home page (the demo's is the `home` fixture), under the tree's root: give it a Site to serve it."""

    title = factory.Sequence(lambda n: f"Trang chủ thử nghiệm {n}")
    slug = factory.Sequence(lambda n: f"trang-chu-thu-nghiem-{n}")
    parent = factory.LazyFunction(tree_root)

    class Meta:
        model = HomePage


class ArticleIndexPageFactory(PageFactory):
    """A section (chuyên mục) under the demo's home page."""

    title = factory.Sequence(lambda n: f"Chuyên mục thử nghiệm {n}")
    slug = factory.Sequence(lambda n: f"chuyen-muc-thu-nghiem-{n}")
    parent = factory.LazyFunction(default_home)
    intro = "Giới thiệu chuyên mục."

    class Meta:
        model = ArticleIndexPage


class CaptionedImageFactory(wagtail_factories.ImageFactory):
    """A photo in the root collection with its caption and credit ("Ảnh: ...")."""

    title = factory.Sequence(lambda n: f"Ảnh thử nghiệm {n}")
    caption = factory.Sequence(lambda n: f"Đoàn viên tại hội nghị số {n}")
    credit = "Phóng viên (LĐLĐ tỉnh)"
    collection = factory.LazyFunction(root_collection)
    file = factory.django.ImageField(width=800, height=500, color="steelblue", filename="anh-thu-nghiem.jpg")

    class Meta:
        model = CaptionedImage


class ArticlePageFactory(PageFactory):
    """An article dated today (Asia/Ho_Chi_Minh) in a new section; `tags=[...]`, `documents=[...]` and
    `with_photo=True` add the rest."""

    title = factory.Sequence(lambda n: f"Bài thử nghiệm số {n} về hoạt động công đoàn")
    slug = factory.Sequence(lambda n: f"bai-thu-nghiem-{n}")
    parent = factory.SubFactory(ArticleIndexPageFactory)
    lead = factory.Sequence(lambda n: f"Tóm tắt của bài thử nghiệm số {n}.")
    body = factory.LazyAttribute(lambda article: paragraphs(f"Nội dung của {article.title.lower()}."))
    date = factory.LazyFunction(timezone.localdate)
    author = "Phóng viên"
    source_unit = "LĐLĐ tỉnh"
    feature_image = None

    class Meta:
        model = ArticlePage

    class Params:
        with_photo = factory.Trait(feature_image=factory.SubFactory(CaptionedImageFactory))

    @factory.post_generation
    def tags(obj, create, extracted, **kwargs):  # noqa: N805
        if extracted:
            obj.tags.add(*extracted)

    @factory.post_generation
    def documents(obj, create, extracted, **kwargs):  # noqa: N805
        if extracted:
            obj.documents.set(extracted)

    # Declared after tags and documents: the revision published carries them.
    @factory.post_generation
    def published(obj, create, extracted, **kwargs):  # noqa: N805
        publish_or_keep_draft(obj, create, extracted)


class CampaignPageFactory(PageFactory):
    """A plan or movement (kế hoạch, phong trào) under the demo's home page, with no year blocks unless given."""

    title = factory.Sequence(lambda n: f"Phong trào thử nghiệm {n}")
    slug = factory.Sequence(lambda n: f"phong-trao-thu-nghiem-{n}")
    parent = factory.LazyFunction(default_home)
    start_year = 2026
    end_year = 2030
    summary = "<p>Tóm tắt phong trào.</p>"
    years = factory.LazyFunction(list)

    class Meta:
        model = CampaignPage


class OfficialDocumentFactory(DjangoModelFactory):
    """An official document (văn bản) in Vietnamese, published through a revision (`published=False`: a draft)."""

    locale = factory.LazyFunction(default_locale)
    number = factory.Sequence(lambda n: f"{n + 100}/KH-LĐLĐ")
    kind = DocumentKind.KE_HOACH
    issued_on = datetime.date(2026, 3, 2)
    issuer = "Ban Thường vụ Liên đoàn Lao động tỉnh"
    summary = factory.Sequence(lambda n: f"Kế hoạch thử nghiệm số {n} về tổ chức các hoạt động công đoàn")
    live = False

    class Meta:
        model = OfficialDocument
        skip_postgeneration_save = True

    @factory.post_generation
    def published(obj, create, extracted, **kwargs):  # noqa: N805
        publish_or_keep_draft(obj, create, extracted)


class AbbreviationFactory(DjangoModelFactory):
    short = factory.Sequence(lambda n: f"TN{n}")
    expansion = factory.Sequence(lambda n: f"thử nghiệm số {n}")

    class Meta:
        model = Abbreviation


class UserFactory(DjangoModelFactory):
    """An account with the password "password" (the test settings hash it quickly)."""

    username = factory.Sequence(lambda n: f"nguoidung{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.invalid")
    password = factory.django.Password("password")

    class Meta:
        model = "auth.User"  # the project uses Django's user model
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    @factory.post_generation
    def groups(obj, create, extracted, **kwargs):  # noqa: N805
        """Group names: the newsroom's groups exist from the migrations (editorial/roles.py)."""
        from django.contrib.auth.models import Group

        if create and extracted:
            obj.groups.add(*(Group.objects.get(name=name) for name in extracted))


def in_group(name):
    """The post-generation step of an account in one group: `groups` given to the factory are ignored."""

    def add(user, create, extracted, **kwargs):
        from django.contrib.auth.models import Group

        if create:
            user.groups.add(Group.objects.get(name=name))

    return factory.PostGeneration(add)


class EditorFactory(UserFactory):
    username = factory.Sequence(lambda n: f"bientap{n}")
    groups = in_group(roles.EDITORS)


class ApproverFactory(UserFactory):
    username = factory.Sequence(lambda n: f"duyet{n}")
    groups = in_group(roles.APPROVERS)


class ReaderMessagesHandlerFactory(UserFactory):
    username = factory.Sequence(lambda n: f"tiepnhan{n}")
    groups = in_group(roles.READER_MESSAGES)


def article_record(number, **overrides):
    record = {
        "slug": f"bai-thu-nghiem-{number}",
        "title": f"Bài thử nghiệm số {number} về hoạt động công đoàn",
        "lead": f"Tóm tắt của bài thử nghiệm số {number}.",
        "body": [f"Đoạn thứ nhất của bài {number}.", f"Đoạn thứ hai của bài {number}."],
        "published": f"2024-{(number % 12) + 1:02d}-{(number % 27) + 1:02d}",
        "author": "Phóng viên",
        "source": "LĐLĐ tỉnh",
        "category": "Tin hoạt động",
        "tags": [f"Chủ đề {number}", "Thử nghiệm"],
        "documents": [f"{number}/KH-LĐLĐ"],
        "images": [{"caption": f"Ảnh minh họa bài {number}", "credit": "Phóng viên"}],
    }
    record.update(overrides)
    return record


def jsonl(records):
    return "\n".join(json.dumps(record, ensure_ascii=False) for record in records) + "\n"


def article_form(title, slug, paragraphs=("Nội dung bài viết.",), **fields):
    """The page editor's POST data for an article, as the admin form sends it."""
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

    data = {
        "title": title,
        "slug": slug,
        "lead": "Tóm tắt bài viết.",
        "body": streamfield([("paragraph", rich_text(f"<p>{text}</p>")) for text in paragraphs]),
        "date": "20/11/2025",
        "author": "Biên tập viên",
        "source_unit": "LĐLĐ tỉnh",
        "feature_image": "",
        "tags": "",
        "campaign": "",
        "comments": inline_formset([]),
        "seo_title": "",
        "search_description": "",
        "go_live_at": "",
        "expire_at": "",
    }
    data.update(fields)
    return nested_form_data(data)


def publish_article(section, title, slug, lead="Tóm tắt."):
    """A new article in `section`, dated today in Asia/Ho_Chi_Minh, published as an editor would (a revision,
    then publish)."""
    from articles.models import ArticlePage

    article = section.add_child(
        instance=ArticlePage(
            title=title,
            slug=slug,
            lead=lead,
            body=json.dumps([{"type": "paragraph", "value": "<p>Nội dung.</p>"}]),
            date=timezone.localdate(),
            live=False,
        )
    )
    article.save_revision().publish()
    article.refresh_from_db()
    return article


def png(name="anh.png", colour="red", size=(40, 30)):
    """A small PNG upload, as the admin's image forms receive it."""
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")

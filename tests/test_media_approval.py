"""Photos and files that something published shows change only with an approver (images/in_use.py): through the
admin's own views, an editor's change to one (caption, credit, description, the file itself) is refused with a
Vietnamese explanation and the live page stays as it is; editors still upload and edit what nothing published
uses; approvers change anything."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from wagtail.documents import get_document_model
from wagtail.models import Collection

from images.models import CaptionedImage
from official_documents.models import DocumentKind, OfficialDocument
from organisation.models import LeadershipPage, Official
from tests.factories import png

pytestmark = pytest.mark.django_db


def login(user):
    client = Client()
    client.force_login(user)
    return client


def image_form(image, **changes):
    data = {
        "title": image.title,
        "collection": image.collection_id,
        "description": image.description,
        "tags": "",
        "caption": image.caption,
        "credit": image.credit,
        "focal_point_x": "",
        "focal_point_y": "",
        "focal_point_width": "",
        "focal_point_height": "",
    }
    data.update(changes)
    return data


def document_form(document, **changes):
    data = {"title": document.title, "collection": document.collection_id, "tags": ""}
    data.update(changes)
    return data


def prefixed(prefix, data):
    """The form of one item of the multiple-upload page (the form for a new upload, or for the existing image
    that a duplicate upload offers to edit)."""
    return {f"{prefix}-{name}": value for name, value in data.items()}


def messages_of(response):
    return [str(message) for message in response.context["messages"]] if response.context else []


@pytest.fixture
def article_photo(seed_article):
    """A photo of the live seed article, shown with the image's own caption and credit."""
    block = next(block for block in seed_article.body if block.block_type == "image")
    assert not block.value["caption"]
    return CaptionedImage.objects.get(pk=block.value["image"].pk)


def test_an_editor_cannot_change_a_photo_of_a_live_article_and_is_told_why(client, editor, article_photo, seed_article):
    writer = login(editor)
    old_caption = article_photo.caption
    response = writer.get(f"/admin/images/{article_photo.pk}/", follow=True)
    (message,) = messages_of(response)
    assert message.startswith("Ảnh này đang dùng trên trang đã xuất bản") and seed_article.title in message
    assert "chỉ người duyệt được sửa" in message

    writer.post(f"/admin/images/{article_photo.pk}/", image_form(article_photo, caption="Chú thích sửa trộm"))
    writer.post(
        f"/admin/images/{article_photo.pk}/", image_form(article_photo, credit="Tác giả khác", file=png())
    )  # replacing the file is the same form
    writer.post(
        f"/admin/images/multiple/{article_photo.pk}/",
        prefixed(f"image-{article_photo.pk}", image_form(article_photo, caption="Chú thích sửa trộm")),
    )
    fresh = CaptionedImage.objects.get(pk=article_photo.pk)
    assert (fresh.caption, fresh.credit, fresh.file.name) == (
        old_caption,
        article_photo.credit,
        article_photo.file.name,
    )
    html = client.get(seed_article.url).content.decode()
    assert old_caption in html and "sửa trộm" not in html


def test_bulk_actions_are_refused_on_a_photo_in_use(editor, article_photo):
    other = Collection.get_first_root_node().add_child(name="Bộ sưu tập khác")
    writer = login(editor)
    writer.post(
        f"/admin/bulk/images/captionedimage/add_to_collection/?next=/admin/images/&id={article_photo.pk}",
        {"collection": other.pk},
    )
    assert CaptionedImage.objects.get(pk=article_photo.pk).collection_id == article_photo.collection_id


def test_an_approver_changes_it_and_the_article_shows_it(client, approver, article_photo, seed_article):
    response = login(approver).post(
        f"/admin/images/{article_photo.pk}/", image_form(article_photo, caption="Chú thích đã duyệt")
    )
    assert response.status_code == 302
    assert "Chú thích đã duyệt" in client.get(seed_article.url).content.decode()
    # The multiple-upload form and the bulk actions answer the approver too: the rule is not a blanket refusal.
    article_photo.refresh_from_db()
    response = login(approver).post(
        f"/admin/images/multiple/{article_photo.pk}/",
        prefixed(f"image-{article_photo.pk}", image_form(article_photo, credit="Tác giả đã duyệt")),
    )
    assert response.json()["success"]
    assert "Tác giả đã duyệt" in client.get(seed_article.url).content.decode()
    other = Collection.get_first_root_node().add_child(name="Bộ sưu tập khác")
    login(approver).post(
        f"/admin/bulk/images/captionedimage/add_to_collection/?next=/admin/images/&id={article_photo.pk}",
        {"collection": other.pk},
    )
    assert CaptionedImage.objects.get(pk=article_photo.pk).collection_id == other.pk


def test_an_editor_uploads_and_edits_photos_nothing_published_uses(editor, section):
    writer = login(editor)
    response = writer.post(
        "/admin/images/add/",
        {"title": "Ảnh mới", "file": png(), "collection": Collection.get_first_root_node().pk, "caption": "Mới"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    image = CaptionedImage.objects.get(title="Ảnh mới")
    response = writer.post(f"/admin/images/{image.pk}/", image_form(image, caption="Mới, đã sửa"))
    assert response.status_code == 302
    assert CaptionedImage.objects.get(pk=image.pk).caption == "Mới, đã sửa"

    # Used by a draft only, it stays the editor's to change: the approver sees it when reviewing the page.
    from articles.models import ArticlePage

    draft = ArticlePage(
        title="Bài nháp có ảnh", slug="bai-nhap-co-anh", lead="Tóm tắt.", feature_image=image, live=False
    )
    section.add_child(instance=draft)
    response = writer.post(f"/admin/images/{image.pk}/", image_form(image, caption="Sửa lần nữa"))
    assert response.status_code == 302
    assert CaptionedImage.objects.get(pk=image.pk).caption == "Sửa lần nữa"
    # Once the page is published, the photo is what readers see.
    draft.save_revision().publish()
    writer.post(f"/admin/images/{image.pk}/", image_form(image, caption="Sau khi đăng"))
    assert CaptionedImage.objects.get(pk=image.pk).caption == "Sửa lần nữa"


def test_a_photo_of_a_page_in_moderation_does_not_change_under_the_approver(editor, approver, section):
    """What the approver reviews is what gets published: while a page waits for approval, its photos are the
    approvers' to change; when changes are requested, the editor's again."""
    from wagtail.models import Workflow

    from articles.models import ArticlePage
    from editorial import roles

    writer = login(editor)
    writer.post(
        "/admin/images/add/",
        {"title": "Ảnh bài chờ duyệt", "file": png(), "collection": Collection.get_first_root_node().pk},
    )
    image = CaptionedImage.objects.get(title="Ảnh bài chờ duyệt")
    draft = ArticlePage(title="Bài chờ duyệt có ảnh", slug="bai-cho-duyet-co-anh", lead="Tóm tắt.", live=False)
    section.add_child(instance=draft)
    draft.feature_image = image
    draft.save_revision(user=editor)
    state = Workflow.objects.get(name=roles.WORKFLOW).start(draft, editor)

    response = writer.get(f"/admin/images/{image.pk}/", follow=True)
    (message,) = [message for message in messages_of(response) if "đang dùng" in message]
    assert "đang chờ duyệt" in message and "Bài chờ duyệt có ảnh" in message
    writer.post(f"/admin/images/{image.pk}/", image_form(image, caption="Sửa khi đang duyệt"))
    assert CaptionedImage.objects.get(pk=image.pk).caption != "Sửa khi đang duyệt"

    response = login(approver).post(f"/admin/images/{image.pk}/", image_form(image, caption="Người duyệt sửa"))
    assert response.status_code == 302
    assert CaptionedImage.objects.get(pk=image.pk).caption == "Người duyệt sửa"

    state.current_task_state.task.specific.on_action(state.current_task_state, approver, "reject")
    image.refresh_from_db()
    response = writer.post(f"/admin/images/{image.pk}/", image_form(image, caption="Biên tập viên sửa lại"))
    assert response.status_code == 302
    assert CaptionedImage.objects.get(pk=image.pk).caption == "Biên tập viên sửa lại"


def test_an_officials_photo_on_lanh_dao_is_protected_too(editor, approver):
    official = Official.objects.filter(is_leader=True, photo__isnull=False, locale__language_code="vi").first()
    photo = official.photo
    login(editor).post(f"/admin/images/{photo.pk}/", image_form(photo, credit="Ảnh: sửa trộm"))
    assert CaptionedImage.objects.get(pk=photo.pk).credit == photo.credit
    leadership = LeadershipPage.objects.get(locale__language_code="vi")
    assert Client().get(leadership.url).status_code == 200


@pytest.fixture
def published_report_file():
    report = OfficialDocument.objects.live().filter(kind=DocumentKind.BAO_CAO_TAI_CHINH, file__isnull=False).first()
    return get_document_model().objects.get(pk=report.file_id)


def test_an_editor_cannot_rename_or_replace_the_file_of_a_published_document(editor, published_report_file):
    file = published_report_file
    writer = login(editor)
    response = writer.get(f"/admin/documents/edit/{file.pk}/", follow=True)
    (message,) = messages_of(response)
    assert message.startswith("Tệp này đang dùng trên trang đã xuất bản")
    replacement = SimpleUploadedFile("thay.pdf", b"%PDF-1.4 thay the", content_type="application/pdf")
    writer.post(f"/admin/documents/edit/{file.pk}/", document_form(file, title="Đổi tên", file=replacement))
    writer.post(
        f"/admin/documents/multiple/{file.pk}/", prefixed(f"doc-{file.pk}", document_form(file, title="Đổi tên"))
    )
    fresh = get_document_model().objects.get(pk=file.pk)
    assert (fresh.title, fresh.file.name) == (file.title, file.file.name)


def test_an_approver_may_and_an_unused_file_is_the_editors(editor, approver, published_report_file):
    file = published_report_file
    response = login(approver).post(f"/admin/documents/edit/{file.pk}/", document_form(file, title="Đổi tên"))
    assert response.status_code == 302
    assert get_document_model().objects.get(pk=file.pk).title == "Đổi tên"

    unused = get_document_model().objects.create(
        title="Tệp chưa dùng",
        file=SimpleUploadedFile("chua-dung.pdf", b"%PDF-1.4", content_type="application/pdf"),
        collection=Collection.get_first_root_node(),
    )
    response = login(editor).post(f"/admin/documents/edit/{unused.pk}/", document_form(unused, title="Đã sửa"))
    assert response.status_code == 302
    assert get_document_model().objects.get(pk=unused.pk).title == "Đã sửa"


def test_a_file_of_a_document_not_yet_published_is_the_editors(editor, published_report_file):
    unused = get_document_model().objects.create(
        title="Tệp văn bản nháp",
        file=SimpleUploadedFile("nhap.pdf", b"%PDF-1.4", content_type="application/pdf"),
        collection=Collection.get_first_root_node(),
    )
    OfficialDocument.objects.create(number="90/TB-LĐLĐ", file=unused, live=False)
    response = login(editor).post(f"/admin/documents/edit/{unused.pk}/", document_form(unused, title="Đã sửa"))
    assert response.status_code == 302
    assert get_document_model().objects.get(pk=unused.pk).title == "Đã sửa"


def test_readers_download_only_files_that_something_published_uses(editor, approver, published_report_file):
    assert Client().get(published_report_file.url).status_code == 200
    writer = login(editor)
    response = writer.post(
        "/admin/documents/add/",
        {
            "title": "Kế hoạch chưa duyệt",
            "file": SimpleUploadedFile("ke-hoach.pdf", b"%PDF-1.4 ke hoach", content_type="application/pdf"),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    upload = get_document_model().objects.get(title="Kế hoạch chưa duyệt")
    assert Client().get(upload.url).status_code == 404
    assert writer.get(upload.url).status_code == 200  # the editor and the approver see what they review

    # Attached to a new document that the approver publishes, it becomes the readers'.
    document = OfficialDocument(number="91/KH-LĐLĐ", kind="ke-hoach", issuer="LĐLĐ tỉnh", summary="", file=upload)
    data = {"number": document.number, "kind": document.kind, "issued_on": "", "issuer": document.issuer}
    writer.post(
        "/admin/snippets/official_documents/officialdocument/add/?locale=vi",
        {**data, "summary": "", "file": upload.pk, "action-submit": "1"},
    )
    created = OfficialDocument.objects.get(number="91/KH-LĐLĐ")
    assert Client().get(upload.url).status_code == 404
    from tests.test_snippet_workflow import workflow_action

    workflow_action(login(approver), created, "approve")
    assert Client().get(upload.url).status_code == 200

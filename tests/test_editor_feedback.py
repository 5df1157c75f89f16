"""The editor's side of the loop: the approver's comment in the page editor and on the dashboard, and workflow
actions that end with a message saying what happened and to whom."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from articles.models import ArticlePage
from tests.factories import article_form

pytestmark = pytest.mark.django_db

COMMENT = "Đề nghị bổ sung số liệu đoàn viên quý III."


def login(user):
    client = Client()
    client.force_login(user)
    return client


def fresh(page):
    return ArticlePage.objects.get(pk=page.pk)


def messages_in(response):
    return [str(message) for message in response.context["messages"]] if response.context else []


@pytest.fixture
def named(editor, approver):
    editor.first_name, editor.last_name = "Lan", "Nguyễn Thị"
    approver.first_name, approver.last_name = "Minh", "Trần Văn"
    editor.save()
    approver.save()


def submitted(editor, section, slug="tin-cho-duyet"):
    client = login(editor)
    client.post(f"/admin/pages/add/articles/articlepage/{section.pk}/", article_form("Tin chờ duyệt", slug))
    page = ArticlePage.objects.get(slug=slug)
    response = client.post(
        f"/admin/pages/{page.pk}/edit/", article_form("Tin chờ duyệt", slug, **{"action-submit": "1"}), follow=True
    )
    return fresh(page), response


def reject(approver, page, comment=COMMENT, **extra):
    return login(approver).post(
        f"/admin/pages/workflow/action/{page.pk}/reject/{page.current_workflow_task_state.pk}/",
        {"comment": comment},
        follow=True,
        **extra,
    )


def test_submitting_says_to_whom(named, editor, section):
    _, response = submitted(editor, section)
    assert (
        "Đã gửi duyệt “Tin chờ duyệt” tới nhóm Người duyệt (bước “Người duyệt phê duyệt”). "
        "Bạn sẽ nhận thư khi có kết quả."
    ) in messages_in(response)


def test_a_request_for_changes_says_to_whom_and_shows_in_the_editor_and_on_the_dashboard(
    named, editor, approver, section
):
    page, _ = submitted(editor, section)
    response = reject(approver, page)
    assert "Đã gửi yêu cầu chỉnh sửa “Tin chờ duyệt” tới Lan Nguyễn Thị." in messages_in(response)

    finished_at = fresh(page).current_workflow_state.current_task_state.finished_at
    when = timezone.localtime(finished_at).strftime("%d/%m/%Y %H:%M")
    editor_client = login(editor)
    html = editor_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    banner = html.split("editorial-changes-requested", 1)[1].split("</section>", 1)[0]
    assert COMMENT in banner and "Minh Trần Văn" in banner and when in banner
    # Resubmitting is the one way on: no separate "restart the workflow" next to it.
    assert "Gửi duyệt lại" in html
    assert "Khởi động lại quy trình duyệt" not in html

    dashboard = editor_client.get("/admin/").content.decode()
    panel = dashboard.split('id="changes-requested-section"', 1)[1]
    assert "Tin chờ duyệt" in panel and COMMENT in panel and "Minh Trần Văn" in panel and when in panel
    assert f"/admin/pages/{page.pk}/edit/" in panel

    # After resubmission the banner and the dashboard entry go.
    editor_client.post(
        f"/admin/pages/{page.pk}/edit/", article_form("Tin chờ duyệt", page.slug, **{"action-submit": "1"})
    )
    assert "editorial-changes-requested" not in editor_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert 'id="changes-requested-section"' not in editor_client.get("/admin/").content.decode()


def test_the_dialog_used_from_the_dashboard_says_what_it_did_too(named, editor, approver, section):
    page, _ = submitted(editor, section)
    approver_client = login(approver)
    response = approver_client.post(
        f"/admin/pages/workflow/action/{page.pk}/reject/{page.current_workflow_task_state.pk}/",
        {"comment": COMMENT},
        HTTP_X_REQUESTED_WITH="XMLHttpRequest",
    )
    assert response.status_code == 200 and response.json()["step"] == "success"
    # The dialog's answer sends the browser on; the message is on the next page.
    assert "Đã gửi yêu cầu chỉnh sửa “Tin chờ duyệt” tới Lan Nguyễn Thị." in messages_in(approver_client.get("/admin/"))


def test_approving_from_the_editor_says_it_was_published_not_just_updated(named, editor, approver, section):
    page, _ = submitted(editor, section)
    response = login(approver).post(
        f"/admin/pages/{page.pk}/edit/",
        article_form(
            "Tin chờ duyệt",
            page.slug,
            **{"action-workflow-action": "1", "workflow-action-name": "approve"},
        ),
        follow=True,
    )
    shown = messages_in(response)
    assert "Đã duyệt và xuất bản “Tin chờ duyệt”. Đã báo Lan Nguyễn Thị." in shown
    assert not any("Đã cập nhật trang" in message for message in shown)
    assert fresh(page).live


def test_approving_a_scheduled_page_says_when_it_goes_live(named, editor, approver, section):
    go_live = timezone.now() + datetime.timedelta(days=2)
    client = login(editor)
    client.post(f"/admin/pages/add/articles/articlepage/{section.pk}/", article_form("Tin hẹn giờ", "tin-hen-gio"))
    page = ArticlePage.objects.get(slug="tin-hen-gio")
    client.post(
        f"/admin/pages/{page.pk}/edit/",
        article_form(
            "Tin hẹn giờ",
            page.slug,
            go_live_at=timezone.localtime(go_live).strftime("%d/%m/%Y %H:%M"),
            **{"action-submit": "1"},
        ),
    )
    page = fresh(page)
    response = login(approver).post(
        f"/admin/pages/workflow/action/{page.pk}/approve/{page.current_workflow_task_state.pk}/", follow=True
    )
    when = timezone.localtime(go_live).strftime("%d/%m/%Y %H:%M")
    assert f"Đã duyệt “Tin hẹn giờ”; sẽ tự xuất bản lúc {when}. Đã báo Lan Nguyễn Thị." in messages_in(response)


def test_the_snippet_editor_shows_a_request_for_changes_too(named, editor, approver, section, admin_user):
    """Snippets in the workflow get the same banner: the snippet editor's template asks the same question of its
    object. Here the object is a page sent back, rendered through that template's tag; and a snippet editor still
    renders."""
    from django.template import Context, Template

    from official_documents.models import OfficialDocument

    page, _ = submitted(editor, section)
    reject(approver, page)
    rendered = Template(
        "{% load editorial_tags %}{% changes_requested_for object as changes_requested %}"
        '{% include "editorial/changes_requested_banner.html" %}'
    ).render(Context({"object": fresh(page)}))
    assert COMMENT in rendered and "Minh Trần Văn" in rendered

    document = OfficialDocument.objects.first()
    response = login(admin_user).get(f"/admin/snippets/official_documents/officialdocument/edit/{document.pk}/")
    assert response.status_code == 200 and "editorial-changes-requested" not in response.content.decode()

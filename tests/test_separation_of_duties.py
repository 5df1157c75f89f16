"""Nobody approves what they submitted themselves, unless EDITORIAL_ALLOW_SELF_APPROVAL says the office has one
person; all through the admin's own views."""

from types import SimpleNamespace

import pytest
from django.test import Client

from articles.models import ArticlePage
from editorial import roles
from editorial.models import IndependentApprovalTask
from tests.conftest import user_in
from tests.factories import article_form

pytestmark = pytest.mark.django_db


def login(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def other_approver(django_user_model):
    return user_in(django_user_model, "approver2", roles.APPROVERS)


def fresh(page):
    return ArticlePage.objects.get(pk=page.pk)


def written_and_submitted_by(user, section, slug="bai-cua-nguoi-duyet"):
    client = login(user)
    client.post(f"/admin/pages/add/articles/articlepage/{section.pk}/", article_form("Bài tự viết", slug))
    page = ArticlePage.objects.get(slug=slug)
    client.post(f"/admin/pages/{page.pk}/edit/", article_form("Bài tự viết", slug, **{"action-submit": "1"}))
    page = fresh(page)
    assert page.workflow_in_progress
    return page


def approve_url(page):
    return f"/admin/pages/workflow/action/{page.pk}/approve/{page.current_workflow_task_state.pk}/"


def test_the_site_wide_workflow_uses_the_independent_approval_step(home):
    [task] = home.get_workflow().tasks
    assert isinstance(task.specific, IndependentApprovalTask)


def test_an_approver_cannot_approve_or_publish_their_own_submission(approver, other_approver, section, client):
    page = written_and_submitted_by(approver, section)
    own = login(approver)

    # The dialog's URL, the editor's workflow action and the plain publish button are all refused.
    refused = own.post(approve_url(page))
    assert refused.status_code in (302, 403) and refused.get("Location", "/admin/") == "/admin/"
    assert not fresh(page).live
    own.post(
        f"/admin/pages/{page.pk}/edit/",
        article_form(
            "Bài tự viết",
            page.slug,
            **{"action-workflow-action": "1", "workflow-action-name": "approve"},
        ),
    )
    response = own.post(
        f"/admin/pages/{page.pk}/edit/", article_form("Bài tự viết", page.slug, **{"action-publish": "1"})
    )
    assert response.status_code == 200
    assert "Trang đang chờ duyệt" in response.content.decode()
    page = fresh(page)
    assert not page.live and page.workflow_in_progress
    assert client.get(f"{section.url}{page.slug}/").status_code == 404

    # Their editor offers no approval and no publish button; the dashboard does not ask them to review it.
    editor_html = own.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert 'data-workflow-action-name="approve"' not in editor_html
    assert 'name="action-publish"' not in editor_html
    assert approve_url(page) not in own.get("/admin/").content.decode()

    # Another approver sees it awaiting review, with one obvious way to publish it, and approves it.
    other = login(other_approver)
    assert approve_url(page) in other.get("/admin/").content.decode()
    other_editor = other.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "Duyệt và xuất bản" in other_editor
    assert 'name="action-publish"' not in other_editor
    response = other.post(approve_url(page), follow=True)
    assert "Đã duyệt và xuất bản “Bài tự viết”. Đã báo approver." in response.content.decode()
    assert fresh(page).live
    assert client.get(f"{section.url}{page.slug}/").status_code == 200


def test_whoever_resubmits_after_a_request_for_changes_cannot_approve_it(editor, approver, other_approver, section):
    page = written_and_submitted_by(editor, section, slug="bai-bien-tap-vien")
    approver_client = login(approver)
    approver_client.post(
        f"/admin/pages/workflow/action/{page.pk}/reject/{page.current_workflow_task_state.pk}/",
        {"comment": "Sửa tiêu đề."},
    )
    # The approver makes the change themselves and resubmits: now it is their version under review.
    approver_client.post(
        f"/admin/pages/{page.pk}/edit/", article_form("Tiêu đề đã sửa", page.slug, **{"action-submit": "1"})
    )
    page = fresh(page)
    assert page.current_workflow_state.status == "in_progress"
    approver_client.post(approve_url(page))
    assert not fresh(page).live
    login(other_approver).post(approve_url(page))
    assert fresh(page).live and fresh(page).title == "Tiêu đề đã sửa"


def test_a_one_person_office_may_approve_its_own_work(approver, section, settings):
    settings.EDITORIAL_ALLOW_SELF_APPROVAL = True
    page = written_and_submitted_by(approver, section)
    response = login(approver).post(approve_url(page))
    assert response.status_code == 302
    assert fresh(page).live


def test_the_rule_holds_for_any_object_in_the_workflow_not_only_pages(approver, other_approver, home):
    """Snippets in the same workflow get the same step: it looks only at the object's current workflow state."""
    task = home.get_workflow().tasks.first().specific
    state = SimpleNamespace(
        task_id=task.pk,
        revision_id=None,
        workflow_state=SimpleNamespace(requested_by_id=approver.pk),
    )
    snippet = SimpleNamespace(current_workflow_task_state=state)
    assert task.get_actions(snippet, approver) == []
    assert [name for name, _, _ in task.get_actions(snippet, other_approver)] == ["reject", "approve", "approve"]

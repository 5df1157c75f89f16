"""The whole approval loop for a snippet, through the admin's own views, as the newsroom lives it (issue 17, part 6):
an editor changes a document that a live article cites; readers see no change; the approver asks for changes
with a comment; the editor reads it, corrects and submits again; the approver publishes; readers see the change
on the document's page, in the register and in the article."""

import pytest
from django.core import mail
from django.test import Client
from wagtail.models import WorkflowState

from tests.test_snippet_workflow import document_form, fresh, login, post, text, url, workflow_action

pytestmark = pytest.mark.django_db

COMMENT = "Tên cơ quan ban hành phải viết đầy đủ: “Ban Chấp hành Trung ương Đảng”."


@pytest.fixture
def cited(seed_article):
    return seed_article.documents.filter(issuer__gt="").first()


def readers_see(document, article):
    reader = Client()
    return " ".join(text(reader.get(address)) for address in (document.get_absolute_url(), "/van-ban/", article.url))


@pytest.fixture
def changes_requested(editor, approver, cited, seed_article):
    """The loop up to the approver's request for changes; returns the state and the editor's client."""
    writer, reviewer = login(editor), login(approver)
    mail.outbox.clear()
    post(writer, url(cited, "edit"), document_form(cited, issuer="Trung ương"), "action-submit")
    assert "Trung ương" not in readers_see(cited, seed_article)
    assert any(approver.email in message.to for message in mail.outbox)  # the approvers are told
    assert cited.number in text(reviewer.get("/admin/"))  # and it waits on their dashboard
    workflow_action(reviewer, fresh(cited), "reject", comment=COMMENT)
    state = WorkflowState.objects.for_instance(fresh(cited)).get()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    return state, writer


def test_the_loop_from_an_editors_change_to_the_public_page(editor, approver, cited, seed_article, changes_requested):
    state, writer = changes_requested
    old_issuer = cited.issuer
    # The editor is told by e-mail, and finds the comment in the document's editor and its workflow history.
    assert any(editor.email in message.to and COMMENT in message.body for message in mail.outbox)
    assert "phải viết đầy đủ" in text(writer.get(f"{url(cited, 'workflow_history')}detail/{state.pk}/"))
    assert "phải viết đầy đủ" in text(writer.get(url(cited, "edit")))
    assert old_issuer in readers_see(cited, seed_article)

    post(writer, url(cited, "edit"), document_form(cited, issuer="Ban Chấp hành Trung ương Đảng"), "action-submit")
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    seen = readers_see(cited, seed_article)
    assert "Ban Chấp hành Trung ương Đảng" not in seen and old_issuer in seen

    workflow_action(login(approver), fresh(cited), "approve")
    seen = readers_see(cited, seed_article)
    assert seen.count("Ban Chấp hành Trung ương Đảng") >= 3  # the document's page, the register, the article
    assert not fresh(cited).workflow_in_progress


def test_the_editor_shows_the_approvers_comment(cited, changes_requested):
    """Wagtail 8's snippet editor shows the comment of changes requested (the page editor's banner is
    editorial's, issue 17 part 5)."""
    _state, writer = changes_requested
    assert "phải viết đầy đủ" in text(writer.get(url(cited, "edit")))

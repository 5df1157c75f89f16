"""Two editors on the same page never silently overwrite each other: a save based on an outdated revision is
refused with a message (the form keeps the editor's text, and saving again is a deliberate overwrite), and a page
locked by someone cannot be saved by anyone else. Through the admin's HTTP endpoints, as the browser posts them."""

import re

import pytest
from django.contrib.messages import get_messages
from django.test import Client

from articles.models import ArticlePage
from tests.conftest import user_in
from tests.factories import article_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(section):
    article = ArticlePage(title="Bài gốc", slug="bai-hai-nguoi-sua", lead="Tóm tắt.", body=[])
    section.add_child(instance=article)
    article.save_revision().publish()
    return article


@pytest.fixture
def editors(django_user_model):
    from editorial.roles import EDITORS

    return user_in(django_user_model, "bientap_a", EDITORS), user_in(django_user_model, "bientap_b", EDITORS)


def editor_session(user):
    client = Client()
    client.force_login(user)
    return client


def open_editor(client, page):
    """GET the editor, as a browser does, and keep the revision it was opened on (the form's hidden inputs)."""
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    return loaded_revision(response.content.decode())


def loaded_revision(html):
    return {
        name: re.search(rf'name="{name}" value="([^"]*)"', html).group(1)
        for name in ("loaded_revision_id", "loaded_revision_created_at")
    }


def save(client, page, title, loaded, action=None, **extra):
    """POSTs the editor's form; `action` is the button pressed ("publish", "submit"), none for "Lưu bản nháp"."""
    fields = {**loaded, **({f"action-{action}": action} if action else {})}
    return client.post(f"/admin/pages/{page.pk}/edit/", article_form(title, page.slug, **fields), **extra)


def latest(page):
    return ArticlePage.objects.get(pk=page.pk).get_latest_revision()


def error_messages(response):
    return [str(message) for message in get_messages(response.wsgi_request) if message.level_tag == "error"]


def test_a_save_based_on_an_outdated_revision_is_refused_and_keeps_the_editors_text(article, editors):
    a, b = map(editor_session, editors)
    loaded_by_a, loaded_by_b = open_editor(a, article), open_editor(b, article)

    assert save(a, article, "Tiêu đề của A", loaded_by_a).status_code == 302
    revision_of_a = latest(article)
    assert revision_of_a.as_object().title == "Tiêu đề của A"

    response = save(b, article, "Tiêu đề của B", loaded_by_b)
    assert response.status_code == 200, "the editor is shown again, not redirected as after a save"
    assert latest(article) == revision_of_a, "A's version is still the latest"
    [message] = error_messages(response)
    assert "bientap_a đã lưu một phiên bản mới hơn của trang này" in message
    assert "Thay đổi của bạn chưa được lưu" in message
    assert 'value="Tiêu đề của B"' in response.content.decode(), "B's text is still in the form"

    # Saving again from that form is a deliberate overwrite: it now carries A's revision as the one B has seen.
    assert loaded_revision(response.content.decode())["loaded_revision_id"] == str(revision_of_a.pk)
    assert save(b, article, "Tiêu đề của B", loaded_revision(response.content.decode())).status_code == 302
    assert latest(article).as_object().title == "Tiêu đề của B"
    assert article.revisions.filter(pk=revision_of_a.pk).exists(), "A's version stays in the history"


def test_publishing_and_submitting_from_an_outdated_editor_are_refused_too(article, editors, approver):
    a, b = map(editor_session, editors)
    publisher = editor_session(approver)
    loaded_by_a, loaded_by_publisher = open_editor(a, article), open_editor(publisher, article)
    assert save(a, article, "Tiêu đề của A", loaded_by_a).status_code == 302
    revision_of_a = latest(article)

    response = save(publisher, article, "Bản của người duyệt", loaded_by_publisher, action="publish")
    assert response.status_code == 200 and error_messages(response)
    assert ArticlePage.objects.get(pk=article.pk).title == "Bài gốc", "nothing was published"

    loaded_by_b = {"loaded_revision_id": str(article.live_revision_id), "loaded_revision_created_at": "x"}
    response = save(b, article, "Bản của B", loaded_by_b, action="submit")
    assert response.status_code == 200 and error_messages(response)
    assert latest(article) == revision_of_a
    assert not ArticlePage.objects.get(pk=article.pk).workflow_in_progress


def test_an_autosave_from_an_outdated_editor_is_refused_by_wagtail(article, editors):
    a, b = map(editor_session, editors)
    loaded_by_a, loaded_by_b = open_editor(a, article), open_editor(b, article)
    assert save(a, article, "Tiêu đề của A", loaded_by_a).status_code == 302
    revision_of_a = latest(article)

    response = save(b, article, "Tiêu đề của B", loaded_by_b, HTTP_ACCEPT="application/json")
    assert response.status_code == 400
    assert response.json()["error_code"] == "invalid_revision"
    assert latest(article) == revision_of_a


def test_saving_twice_in_a_row_from_the_same_editor_is_no_conflict(article, editors):
    a = editor_session(editors[0])
    assert save(a, article, "Lần một", open_editor(a, article)).status_code == 302
    assert save(a, article, "Lần hai", open_editor(a, article)).status_code == 302
    assert latest(article).as_object().title == "Lần hai"


def test_the_editors_own_autosave_landing_just_before_their_submit_is_no_conflict(article, editors):
    """Autosave overwrites the editor's revision, and its time, in the background: when it lands while they press
    "Gửi duyệt", the form they post still names the revision as it was before, and that is no reason to stop them."""
    a = editor_session(editors[0])
    loaded = open_editor(a, article)
    autosave = save(a, article, "Bản nháp", loaded, HTTP_ACCEPT="application/json")
    assert autosave.status_code == 200 and autosave.json()["success"]
    own = latest(article)
    loaded = {"loaded_revision_id": str(own.pk), "loaded_revision_created_at": own.created_at.isoformat()}

    overwrite = {**loaded, "overwrite_revision_id": str(own.pk)}
    in_flight = save(a, article, "Bản nháp có tóm tắt", overwrite, HTTP_ACCEPT="application/json")
    assert in_flight.status_code == 200 and latest(article) == own, "the autosave overwrote the same revision"
    response = save(a, article, "Bản gửi duyệt", loaded, action="submit")
    assert response.status_code == 302, error_messages(response)
    article.refresh_from_db()
    assert article.workflow_in_progress
    assert latest(article).as_object().title == "Bản gửi duyệt"


def test_someone_elses_save_is_a_conflict_even_when_the_editor_saved_after_it_elsewhere(article, editors):
    """A's form is two saves behind: B's, then one of A's own (from another tab). B's is still in the way."""
    a, b = map(editor_session, editors)
    loaded_by_a = open_editor(a, article)
    assert save(b, article, "Tiêu đề của B", open_editor(b, article)).status_code == 302
    assert save(a, article, "A ở tab khác", open_editor(a, article)).status_code == 302

    response = save(a, article, "A ở tab đầu", loaded_by_a)
    assert response.status_code == 200
    [message] = error_messages(response)
    assert message.startswith("bientap_b đã lưu một phiên bản mới hơn")
    assert latest(article).as_object().title == "A ở tab khác"


@pytest.mark.parametrize("created_at", ["2025-13-45T99:00:00", "không phải ngày", ""])
@pytest.mark.parametrize("revision_id", ["abc", "²", "-1", ""])
def test_a_garbled_loaded_revision_is_no_500(article, editors, created_at, revision_id):
    a, b = map(editor_session, editors)
    open_editor(a, article)
    assert save(b, article, "Tiêu đề của B", open_editor(b, article)).status_code == 302
    loaded = {"loaded_revision_id": revision_id, "loaded_revision_created_at": created_at}
    assert save(a, article, "Tiêu đề của A", loaded).status_code in (200, 302)


def test_a_page_locked_by_one_person_cannot_be_saved_by_another(article, editors, approver):
    """Approvers lock pages (editors have no lock permission, see editorial/roles.py)."""
    locker, b = editor_session(approver), editor_session(editors[1])
    loaded_by_b = open_editor(b, article)
    assert locker.post(f"/admin/pages/{article.pk}/lock/").status_code == 302
    assert ArticlePage.objects.get(pk=article.pk).locked

    before = latest(article)
    response = save(b, article, "Tiêu đề của B", loaded_by_b)
    assert response.status_code == 200
    assert error_messages(response), "B is told the page is locked"
    assert latest(article) == before

    response = save(b, article, "Tiêu đề của B", loaded_by_b, HTTP_ACCEPT="application/json")
    assert response.status_code == 400 and response.json()["error_code"] == "locked"
    assert latest(article) == before

    # The one who locked it may still edit it, and once unlocked B can save.
    assert save(locker, article, "Bản của người khoá", open_editor(locker, article)).status_code == 302
    assert locker.post(f"/admin/pages/{article.pk}/unlock/").status_code == 302
    assert save(b, article, "Tiêu đề của B", open_editor(b, article)).status_code == 302
    assert latest(article).as_object().title == "Tiêu đề của B"

"""Editors write and submit, approvers approve or reject, and nothing unapproved reaches the public."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from wagtail.models import Workflow

from articles.models import ArticleIndexPage, ArticlePage
from editorial import roles
from tests.factories import article_form

pytestmark = pytest.mark.django_db


def login(user):
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def users(editor, approver, admin_user):
    return {"anonymous": None, "editor": editor, "approver": approver, "administrator": admin_user}


def live_article(section, slug="bai-dang-song"):
    article = ArticlePage(title="Bài đang đăng", slug=slug, lead="Tóm tắt.", body=[("paragraph", "<p>Nội dung.</p>")])
    section.add_child(instance=article)
    article.save_revision().publish()
    return article


def draft_article(section, owner, slug="bai-nhap"):
    article = ArticlePage(title="Bài nháp", slug=slug, lead="Tóm tắt.", body=[], live=False, owner=owner)
    section.add_child(instance=article)
    article.save_revision(user=owner)
    return article


def submit(article, user):
    revision = article.save_revision(user=user)
    Workflow.objects.get(name=roles.WORKFLOW).start(article, user)
    return revision


def fresh(page):
    return ArticlePage.objects.filter(pk=page.pk).first()


def public_places(section, seed_article, query):
    """Where readers find articles: the section's listing, the home page (latest news, most read, section
    blocks), the "Thông tin mới nhất" sidebar of an article, search, the RSS feeds and the sitemap."""
    feeds = ["/rss/", f"/rss/{section.slug}/"]
    return [section.url, "/", seed_article.url, f"/search/?q={query}", *feeds, "/sitemap.xml"]


def shown_to_the_public(client, title, urls, slug=None):
    """The places that show an article: by its title (pages) or, for a new article, its URL (sitemap, links)."""
    shown = []
    for url in urls:
        content = client.get(url).content.decode()
        if title in content or (slug and f"/{slug}/" in content):
            shown.append(url)
    return shown


# Each action: what the role posts to the admin, and how to tell from the database whether it happened.
def do_create(client, section, editor):
    client.post(f"/admin/pages/add/articles/articlepage/{section.pk}/", article_form("Tin mới viết", "tin-moi-viet"))
    return ArticlePage.objects.filter(slug="tin-moi-viet").exists()


def do_edit(client, section, editor):
    article = live_article(section)
    client.post(f"/admin/pages/{article.pk}/edit/", article_form("Tiêu đề sửa", article.slug))
    article = fresh(article)
    return article.has_unpublished_changes and article.get_latest_revision_as_object().title == "Tiêu đề sửa"


def do_submit(client, section, editor):
    article = draft_article(section, editor)
    client.post(f"/admin/pages/{article.pk}/edit/", article_form("Bài nháp", article.slug, **{"action-submit": "1"}))
    return fresh(article).workflow_in_progress


def do_publish(client, section, editor):
    article = draft_article(section, editor)
    client.post(f"/admin/pages/{article.pk}/edit/", article_form("Bài nháp", article.slug, **{"action-publish": "1"}))
    return fresh(article).live


def do_unpublish(client, section, editor):
    article = live_article(section)
    client.post(f"/admin/pages/{article.pk}/unpublish/")
    return not fresh(article).live


def do_delete(client, section, editor):
    article = live_article(section)
    client.post(f"/admin/pages/{article.pk}/delete/")
    return fresh(article) is None


def do_move(client, section, editor):
    article = live_article(section)
    other = section.get_siblings(inclusive=False).type(ArticleIndexPage).first()
    client.post(f"/admin/pages/{article.pk}/move/{other.pk}/confirm/")
    return fresh(article).get_parent().pk == other.pk


def do_schedule(client, section, editor):
    article = draft_article(section, editor)
    go_live = timezone.localtime(timezone.now() + datetime.timedelta(days=1)).strftime("%d/%m/%Y %H:%M")
    client.post(
        f"/admin/pages/{article.pk}/edit/",
        article_form("Bài nháp", article.slug, go_live_at=go_live, **{"action-publish": "1"}),
    )
    article = fresh(article)
    return not article.live and article.scheduled_revision is not None


def do_approve(client, section, editor):
    article = draft_article(section, editor)
    submit(article, editor)
    task_state = fresh(article).current_workflow_task_state
    client.post(f"/admin/pages/workflow/action/{article.pk}/approve/{task_state.pk}/")
    return fresh(article).live


def do_reject(client, section, editor):
    article = draft_article(section, editor)
    submit(article, editor)
    task_state = fresh(article).current_workflow_task_state
    client.post(f"/admin/pages/workflow/action/{article.pk}/reject/{task_state.pk}/", {"comment": "Cần sửa."})
    return fresh(article).current_workflow_state.status == "needs_changes"


ACTIONS = {
    "create": do_create,
    "edit": do_edit,
    "submit": do_submit,
    "publish": do_publish,
    "unpublish": do_unpublish,
    "delete": do_delete,
    "move": do_move,
    "schedule": do_schedule,
    "approve": do_approve,
    "reject": do_reject,
}

# The permission matrix: which role may do what, through the admin.
EVERYTHING = {"create", "edit", "submit", "publish", "unpublish", "delete", "move", "schedule", "approve", "reject"}
MATRIX = {
    "anonymous": set(),
    "editor": {"create", "edit", "submit"},
    "approver": EVERYTHING,
    "administrator": EVERYTHING,
}


@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("role", MATRIX)
def test_permission_matrix(users, editor, section, role, action):
    done = ACTIONS[action](login(users[role]), section, editor)
    assert done == (action in MATRIX[role]), f"{role} {'could' if done else 'could not'} {action}"


def test_a_fresh_install_has_the_groups_and_the_site_wide_workflow(home):
    workflow = Workflow.objects.get(name=roles.WORKFLOW)
    assert workflow.active
    assert home.get_workflow() == workflow
    [task] = [task.specific for task in workflow.tasks]
    assert [group.name for group in task.groups.all()] == [roles.APPROVERS]


def test_an_editor_cannot_publish_directly_and_nothing_changes(client, editor, section):
    article = live_article(section)
    editor_client = login(editor)
    response = editor_client.post(
        f"/admin/pages/{article.pk}/edit/", article_form("Sửa trái phép", article.slug, **{"action-publish": "1"})
    )
    assert response.status_code in (200, 302)
    assert fresh(article).title == "Bài đang đăng"
    assert "Sửa trái phép" not in client.get(article.url).content.decode()
    assert editor_client.post(f"/admin/pages/{article.pk}/unpublish/").status_code in (302, 403)
    assert fresh(article).live


def test_the_full_loop_as_the_public_sees_it(client, editor, approver, section, seed_article):
    editor_client, approver_client = login(editor), login(approver)
    mail.outbox.clear()

    # The editor writes a draft and previews it; the public sees nothing.
    editor_client.post(
        f"/admin/pages/add/articles/articlepage/{section.pk}/", article_form("Tin hội nghị", "tin-hoi-nghi")
    )
    article = ArticlePage.objects.get(slug="tin-hoi-nghi")
    preview = editor_client.post(
        f"/admin/pages/{article.pk}/edit/preview/", article_form("Tin hội nghị", "tin-hoi-nghi")
    )
    assert preview.status_code == 200
    assert editor_client.get(f"/admin/pages/{article.pk}/edit/preview/").status_code == 200
    assert client.get(article.url).status_code == 404
    assert "Tin hội nghị" not in client.get(section.url).content.decode()

    # It is submitted; the approvers are told by e-mail and see it on their dashboard.
    editor_client.post(
        f"/admin/pages/{article.pk}/edit/", article_form("Tin hội nghị", "tin-hoi-nghi", **{"action-submit": "1"})
    )
    assert fresh(article).workflow_in_progress
    assert approver.email in [address for message in mail.outbox for address in message.to]
    assert "Tin hội nghị" in approver_client.get("/admin/").content.decode()
    assert client.get(article.url).status_code == 404

    # While in moderation the page is locked for the editor.
    assert fresh(article).get_lock().for_user(editor)

    # The approver compares revisions and rejects with a comment; the editor is told and sees the comment.
    history = approver_client.get(f"/admin/pages/{article.pk}/history/")
    assert history.status_code == 200
    compare = approver_client.get(f"/admin/pages/{article.pk}/revisions/compare/earliest...latest/")
    assert compare.status_code == 200
    task_state = fresh(article).current_workflow_task_state
    mail.outbox.clear()
    approver_client.post(
        f"/admin/pages/workflow/action/{article.pk}/reject/{task_state.pk}/",
        {"comment": "Đề nghị bổ sung số liệu đoàn viên."},
    )
    assert fresh(article).current_workflow_state.status == "needs_changes"
    assert any("Đề nghị bổ sung số liệu đoàn viên." in message.body for message in mail.outbox)
    assert editor.email in [address for message in mail.outbox for address in message.to]
    history = editor_client.get(f"/admin/pages/{article.pk}/history/").content.decode()
    assert "Đề nghị bổ sung số liệu đoàn viên." in history
    assert client.get(article.url).status_code == 404
    places = public_places(section, seed_article, "h%E1%BB%99i+ngh%E1%BB%8B")
    assert shown_to_the_public(client, "Tin hội nghị", places, slug="tin-hoi-nghi") == []

    # The editor fixes and resubmits; the approver approves; the public now reads it.
    editor_client.post(
        f"/admin/pages/{article.pk}/edit/",
        article_form("Tin hội nghị", "tin-hoi-nghi", paragraphs=["Có 1.250 đoàn viên mới."], **{"action-submit": "1"}),
    )
    assert fresh(article).current_workflow_state.status == "in_progress"
    assert client.get(article.url).status_code == 404
    assert shown_to_the_public(client, "Tin hội nghị", places, slug="tin-hoi-nghi") == []
    task_state = fresh(article).current_workflow_task_state
    approver_client.post(f"/admin/pages/workflow/action/{article.pk}/approve/{task_state.pk}/")
    article = fresh(article)
    assert article.live and not article.workflow_in_progress
    page = client.get(article.url).content.decode()
    assert "Có 1.250 đoàn viên mới." in page
    # ... everywhere the draft was kept out of, so those checks above could have failed.
    assert shown_to_the_public(client, "Tin hội nghị", places, slug="tin-hoi-nghi") == places


def test_an_unapproved_change_to_a_live_page_leaves_the_public_version(client, editor, section):
    article = live_article(section)
    login(editor).post(
        f"/admin/pages/{article.pk}/edit/", article_form("Tiêu đề chờ duyệt", article.slug, **{"action-submit": "1"})
    )
    assert fresh(article).workflow_in_progress
    for url in (article.url, section.url, "/", "/search/?q=ch%E1%BB%9D+duy%E1%BB%87t", "/sitemap.xml"):
        assert "Tiêu đề chờ duyệt" not in client.get(url).content.decode(), url
    assert "Bài đang đăng" in client.get(article.url).content.decode()


def test_drafts_never_reach_listings_sidebar_sitemap_or_search(client, editor, section, seed_article):
    draft_article(section, editor, slug="ban-nhap-bi-mat")
    for url in (section.url, "/", seed_article.url, "/sitemap.xml", "/search/?q=B%C3%A0i+nh%C3%A1p"):
        content = client.get(url).content.decode()
        assert "ban-nhap-bi-mat" not in content and ">Bài nháp<" not in content, url


def test_scheduled_publishing_waits_for_its_time(client, approver, section, monkeypatch):
    import datetime

    from django.core.management import call_command
    from django.utils import timezone

    article = draft_article(section, approver, slug="bai-hen-gio")
    go_live = timezone.now() + datetime.timedelta(hours=2)
    login(approver).post(
        f"/admin/pages/{article.pk}/edit/",
        article_form(
            "Bài hẹn giờ",
            "bai-hen-gio",
            go_live_at=timezone.localtime(go_live).strftime("%d/%m/%Y %H:%M"),
            **{"action-publish": "1"},
        ),
    )
    article = fresh(article)
    assert not article.live and article.scheduled_revision is not None
    call_command("publish_scheduled")
    assert client.get(f"{section.url}bai-hen-gio/").status_code == 404
    assert "Bài hẹn giờ" not in client.get(section.url).content.decode()

    # Two hours later, the periodic command publishes it.
    later = timezone.now() + datetime.timedelta(hours=2, minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    call_command("publish_scheduled")
    assert fresh(article).live
    assert "Bài hẹn giờ" in client.get(section.url).content.decode()


def test_a_rejected_change_to_a_live_page_never_reaches_the_public(client, editor, approver, section, seed_article):
    article = live_article(section)
    login(editor).post(
        f"/admin/pages/{article.pk}/edit/", article_form("Tiêu đề bị trả lại", article.slug, **{"action-submit": "1"})
    )
    task_state = fresh(article).current_workflow_task_state
    login(approver).post(
        f"/admin/pages/workflow/action/{article.pk}/reject/{task_state.pk}/", {"comment": "Chưa đạt, sửa lại."}
    )
    article = fresh(article)
    assert article.current_workflow_state.status == "needs_changes"
    assert article.live and article.has_unpublished_changes
    places = public_places(section, seed_article, "b%E1%BB%8B+tr%E1%BA%A3+l%E1%BA%A1i")
    assert shown_to_the_public(client, "Tiêu đề bị trả lại", places + [article.url]) == []
    assert "Bài đang đăng" in client.get(article.url).content.decode()


def test_an_approved_article_scheduled_for_later_stays_hidden_until_its_time(
    client, editor, approver, section, seed_article, monkeypatch
):
    """Approving a submission that has a "go live" time publishes it at that time, not before; in between it is
    nowhere public, even after the periodic command has run."""
    article = draft_article(section, editor, slug="bai-duyet-hen-gio")
    go_live = timezone.now() + datetime.timedelta(hours=3)
    login(editor).post(
        f"/admin/pages/{article.pk}/edit/",
        article_form(
            "Bài duyệt hẹn giờ",
            article.slug,
            date=timezone.localdate().strftime("%d/%m/%Y"),
            go_live_at=timezone.localtime(go_live).strftime("%d/%m/%Y %H:%M"),
            **{"action-submit": "1"},
        ),
    )
    task_state = fresh(article).current_workflow_task_state
    login(approver).post(f"/admin/pages/workflow/action/{article.pk}/approve/{task_state.pk}/")
    article = fresh(article)
    assert not article.live and not article.workflow_in_progress and article.scheduled_revision is not None

    call_command("publish_scheduled")
    url = f"{section.url}{article.slug}/"
    places = public_places(section, seed_article, "h%E1%BA%B9n+gi%E1%BB%9D")
    assert client.get(url).status_code == 404
    assert shown_to_the_public(client, "Bài duyệt hẹn giờ", places, slug=article.slug) == []

    later = timezone.now() + datetime.timedelta(hours=3, minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    call_command("publish_scheduled")
    assert fresh(article).live
    assert client.get(url).status_code == 200
    assert shown_to_the_public(client, "Bài duyệt hẹn giờ", places, slug=article.slug) == places


def test_a_scheduled_change_to_a_live_page_waits_for_its_time(client, approver, section, seed_article):
    article = live_article(section)
    go_live = timezone.localtime(timezone.now() + datetime.timedelta(days=1)).strftime("%d/%m/%Y %H:%M")
    login(approver).post(
        f"/admin/pages/{article.pk}/edit/",
        article_form("Tiêu đề ngày mai", article.slug, go_live_at=go_live, **{"action-publish": "1"}),
    )
    assert fresh(article).scheduled_revision is not None
    call_command("publish_scheduled")
    places = public_places(section, seed_article, "ng%C3%A0y+mai")
    assert shown_to_the_public(client, "Tiêu đề ngày mai", places + [article.url]) == []
    assert "Bài đang đăng" in client.get(article.url).content.decode()

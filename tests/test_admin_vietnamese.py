"""The Wagtail admin reads in Vietnamese for editors and approvers: Wagtail's own Vietnamese covers a seventh of
its admin, site/locale/vi supplies the rest (see docs/translations.md)."""

import html
import json
import re
import shutil
import subprocess
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.test import Client

from tests.factories import article_form

pytestmark = pytest.mark.django_db

VI_DIR = Path(settings.BASE_DIR) / "site" / "locale" / "vi" / "LC_MESSAGES"


def login(user):
    client = Client()
    client.force_login(user)
    return client


def visible_text(response):
    """The text a reader sees: no scripts, styles, templates, SVG, comments, tags or attributes."""
    assert response.status_code == 200
    content = response.content.decode()
    content = re.sub(r"(?s)<(script|style|template|svg)\b.*?</\1>|<!--.*?-->", " ", content)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", content)).split())


def assert_vietnamese(text, present, absent):
    missing = [phrase for phrase in present if phrase not in text]
    english = [phrase for phrase in absent if re.search(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])", text)]
    assert not missing and not english, f"missing Vietnamese: {missing}; English left: {english}"


def test_the_sign_in_page():
    text = visible_text(Client().get("/admin/login/"))
    assert_vietnamese(
        text,
        ["Đăng nhập vào trang quản trị", "Mật khẩu", "Ghi nhớ đăng nhập", "Quên mật khẩu?", "Đăng nhập"],
        ["Sign in", "Sign in to Wagtail", "Password", "Remember me", "Forgotten password?", "Skip to main content"],
    )


def test_the_dashboard_and_the_sidebar(editor):
    client = login(editor)
    response = client.get("/admin/")
    assert_vietnamese(
        visible_text(response),
        ["Trang tổng quan", "Tổng quan trang web", "Chuyển đến nội dung chính"],
        ["Site summary", "Dashboard", "Skip to main content", "Your pages and snippets in a workflow"],
    )
    sidebar = re.search(r'id="wagtail-sidebar-props"[^>]*>(.*?)</script>', response.content.decode(), re.S).group(1)
    labels = set(re.findall(r'"label": "([^"]*)"', json.dumps(json.loads(sidebar), ensure_ascii=False)))
    assert {"Trang", "Thư viện ảnh", "Tài liệu", "Báo cáo", "Đăng xuất"} <= labels
    assert not labels & {"Pages", "Images", "Documents", "Reports", "Log out", "Help", "Account"}


def test_the_page_explorer_of_the_home_page(editor, home):
    text = visible_text(login(editor).get(f"/admin/pages/{home.pk}/"))
    assert_vietnamese(
        text,
        ["Thêm trang con", "Tiêu đề", "Trạng thái", "Đang đăng", "Lọc theo", "Đồng bộ các trang đã dịch"],
        ["Add child page", "Live", "Draft", "Filter by", "Sync translated pages", "Page types", "Has child pages"],
    )


def test_the_article_editor_action_menu_and_tabs(editor, seed_article):
    text = visible_text(login(editor).get(f"/admin/pages/{seed_article.pk}/edit/"))
    assert_vietnamese(
        text,
        ["Lưu bản nháp", "Gửi duyệt (Duyệt tin bài)", "Nội dung", "Quảng bá", "Xem trước", "Xem lịch sử"],
        ["Save draft", "Submit to", "Content", "Promote", "Preview", "View history", "Publish", "Unpublish"],
    )


def test_the_approver_sees_what_awaits_review_and_can_approve(editor, approver, section):
    article = section.get_children().live().first().specific
    login(editor).post(
        f"/admin/pages/{article.pk}/edit/", article_form("Bài chờ duyệt", article.slug, **{"action-submit": "1"})
    )
    assert article.workflow_states.filter(status="in_progress").exists()
    client = login(approver)
    dashboard = visible_text(client.get("/admin/"))
    assert_vietnamese(
        dashboard,
        ["Đang chờ bạn duyệt", "Bài chờ duyệt", "Duyệt", "Yêu cầu chỉnh sửa"],
        ["Awaiting your review", "Approve", "Request changes", "Compare with live version"],
    )
    editor_view = visible_text(client.get(f"/admin/pages/{article.pk}/edit/"))
    assert_vietnamese(
        editor_view,
        ["Duyệt và xuất bản", "Yêu cầu chỉnh sửa", "Đang chờ duyệt"],
        ["Approve and publish", "Request changes", "In Moderation", "Save draft"],
    )
    report = visible_text(client.get("/admin/reports/workflow/"))
    assert_vietnamese(report, ["Quy trình duyệt", "Người yêu cầu"], ["Requested by", "Workflow"])


def test_the_image_library(editor):
    text = visible_text(login(editor).get("/admin/images/"))
    assert_vietnamese(
        text,
        ["Thư viện ảnh", "Thêm ảnh", "Mới nhất"],
        ["Images", "Add an image", "Popular tags", "Sort by", "Newest"],
    )


def test_saving_a_draft_says_so_in_vietnamese(editor, seed_article):
    response = login(editor).post(
        f"/admin/pages/{seed_article.pk}/edit/",
        article_form("Tiêu đề mới của bản nháp", seed_article.slug),
        follow=True,
    )
    assert_vietnamese(
        visible_text(response),
        ["Đã cập nhật trang “Tiêu đề mới của bản nháp”."],
        ["has been updated", "Page 'Tiêu đề mới của bản nháp'"],
    )


def test_the_javascript_catalogue_includes_the_sites_vietnamese(editor):
    response = login(editor).get("/admin/jsi18n/")
    assert response.status_code == 200
    catalogue = response.content.decode()
    assert "Thu g\\u1ecdn t\\u1ea5t c\\u1ea3" in catalogue or "Thu gọn tất cả" in catalogue


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_the_vietnamese_catalogue_compiles_cleanly_and_matches_its_translations(domain, tmp_path):
    po_file = VI_DIR / f"{domain}.po"
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        pytest.skip("GNU gettext's msgfmt is not installed")
    subprocess.run([msgfmt, "--check", "-o", str(tmp_path / "check.mo"), str(po_file)], check=True)  # noqa: S603
    po = {
        (entry.msgctxt, entry.msgid): entry.msgstr or entry.msgstr_plural
        for entry in polib.pofile(str(po_file))
        if entry.translated()
    }
    mo = {
        (entry.msgctxt, entry.msgid): entry.msgstr or entry.msgstr_plural
        for entry in polib.mofile(str(po_file.with_suffix(".mo")))
        if entry.msgid
    }
    compile_command = f"msgfmt --check -o {po_file.with_suffix('.mo')} {po_file}"
    assert po == {key: mo.get(key) for key in po}, f"Run {compile_command}"

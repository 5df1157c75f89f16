"""The editor's side of the loop in a real browser: an editor changes a live article and submits it; the public
page does not change; an approver requests changes from the dashboard with a comment; the editor sees the comment
on the dashboard and above the editor, and resubmits; another approver publishes it with the editor's main
button; the public page changes. And the editor's own scripts: ASCII slugs from Vietnamese titles, the search box
of the cited documents."""

import pytest
from django.urls import reverse

from articles.models import ArticlePage
from tests.browser.test_editorial_loop import log_in, log_out
from tests.conftest import user_in

OLD_TITLE = "Công đoàn tỉnh thăm hỏi công nhân"
NEW_TITLE = "Công đoàn tỉnh thăm hỏi 120 công nhân khó khăn"
COMMENT = "Đề nghị ghi rõ số công nhân được thăm hỏi."


@pytest.fixture
def live_article(db, section):
    article = ArticlePage(
        title=OLD_TITLE, slug="cong-doan-tham-hoi", lead="Tóm tắt.", body=[("paragraph", "<p>Nội dung.</p>")]
    )
    section.add_child(instance=article)
    article.save_revision().publish()
    return article


def submit_from_footer(page, name="action-submit"):
    page.click("footer [data-w-dropdown-target=toggle]")
    with page.expect_navigation():
        page.click(f"footer button[name={name}]")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_changes_requested_then_published_by_another_approver(
    live_site, live_article, editor, approver, django_user_model
):
    from playwright.sync_api import expect

    site = live_site
    with site.lock:
        second_approver = user_in(django_user_model, "approver2", "Người duyệt")
        article_url = site.url + live_article.url
    edit_url = reverse("wagtailadmin_pages:edit", args=[live_article.pk])
    page = site.new_page(viewport={"width": 1280, "height": 1000})
    page.add_init_script("document.addEventListener('w-unsaved:watch-edits', () => { window.watchingEdits = true; })")
    public = site.new_page()

    # The editor changes the title and submits; the public still reads the old one.
    log_in(page, site, editor.username)
    page.goto(site.url + edit_url)
    page.wait_for_function("window.watchingEdits === true")
    page.fill("#id_title", NEW_TITLE)
    submit_from_footer(page)
    expect(page.locator(".messages")).to_contain_text("Đã gửi duyệt")
    expect(page.locator(".messages")).to_contain_text("tới nhóm Người duyệt")
    public.goto(article_url)
    expect(public.get_by_role("heading", level=1)).to_have_text(OLD_TITLE)

    # An approver requests changes from the dashboard's dialog, with a comment, and is told to whom it went.
    log_out(page, site)
    log_in(page, site, approver.username)
    row = page.locator("#awaiting-review-section tr", has=page.locator(f'a[href="{edit_url}"]'))
    row.locator("[data-w-dropdown-target=toggle]").click()
    row.locator('[data-workflow-action-url*="/reject/"][data-launch-modal]').click()
    page.locator(".modal textarea[name=comment]").fill(COMMENT)
    with page.expect_navigation():
        page.locator(".modal form [type=submit]").click()
    expect(page.locator(".messages")).to_contain_text("Đã gửi yêu cầu chỉnh sửa")
    expect(page.locator(".messages")).to_contain_text(editor.username)

    # The editor sees the comment on the dashboard and above the editor, and resubmits: one button, no restart.
    log_out(page, site)
    log_in(page, site, editor.username)
    expect(page.locator("#changes-requested-section")).to_contain_text(COMMENT)
    page.goto(site.url + edit_url)
    banner = page.locator(".editorial-changes-requested")
    expect(banner).to_be_visible()
    expect(banner).to_contain_text(COMMENT)
    expect(banner).to_contain_text(approver.username)
    expect(page.locator("button[name=action-restart-workflow]")).to_have_count(0)
    page.wait_for_function("window.watchingEdits === true")
    submit_from_footer(page)
    public.goto(article_url)
    expect(public.get_by_role("heading", level=1)).to_have_text(OLD_TITLE)

    # Any approver but the submitter may publish it: here a second one, with the editor's main button, "Duyệt và
    # xuất bản"; the plain "Xuất bản" is not offered while the page is in moderation.
    log_out(page, site)
    log_in(page, site, second_approver.username)
    page.goto(site.url + edit_url)
    main_button = page.locator("footer [data-workflow-action-name=approve]").first
    expect(main_button).to_contain_text("Duyệt và xuất bản")
    expect(page.locator("footer button[name=action-publish]")).to_have_count(0)
    with page.expect_navigation():
        main_button.click()
    expect(page.locator(".messages")).to_contain_text("Đã duyệt và xuất bản")
    public.goto(article_url)
    expect(public.get_by_role("heading", level=1)).to_have_text(NEW_TITLE)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_editors_scripts_write_ascii_slugs_and_search_cited_documents(live_site, editor, section, seed_article):
    from playwright.sync_api import expect

    site = live_site  # the admin writes sessions: a live server, not the routed test client
    with site.lock:
        number = seed_article.documents.first().number  # e.g. 01-KL/TW, typed the way people type it
    page = site.new_page(viewport={"width": 1280, "height": 1000})
    log_in(page, site, editor.username)
    page.goto(site.url + reverse("wagtailadmin_pages:add", args=["articles", "articlepage", section.pk]))
    page.locator("#id_title").press_sequentially("Công đoàn tỉnh Đắk Lắk thăm hỏi người lao động")
    page.locator("#id_title").blur()
    expect(page.locator("#id_slug")).to_have_value("cong-doan-tinh-dak-lak-tham-hoi-nguoi-lao-dong")

    page.goto(site.url + reverse("wagtailadmin_pages:edit", args=[seed_article.pk]))
    chooser = page.locator("[data-cited-documents]")
    items = chooser.locator("[data-search]")
    total = items.count()
    assert total > 1
    chooser.locator("[data-cited-documents-search]").fill(number.replace("-", " ").replace("/", " ").lower())
    expect(chooser.locator("[data-search]:visible")).to_have_count(1)
    expect(chooser.locator("[data-search]:visible")).to_contain_text(number)
    chooser.locator("[data-cited-documents-search]").fill("không có văn bản nào như thế")
    expect(chooser.locator("[data-search]:visible")).to_have_count(0)
    expect(chooser.locator("[data-cited-documents-nothing]")).to_be_visible()

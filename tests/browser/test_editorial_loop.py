"""The editorial loop in a real browser: an editor writes an article with a captioned photo and submits it for
moderation, an approver approves it from the dashboard, and the public reads it, the photo captioned with the
image's own caption and credit."""

import io

import pytest
from django.core.files.images import ImageFile
from django.urls import reverse
from PIL import Image

from articles.models import ArticlePage
from images.models import CaptionedImage

TITLE = "Hội thao công nhân khu công nghiệp"
LEAD = "Hơn 300 công nhân lao động tranh tài ở năm môn thể thao."
PARAGRAPH = "Sáng 20/11, Công đoàn các khu công nghiệp tỉnh tổ chức hội thao chào mừng ngày thành lập."
ALT_TEXT = "Công nhân thi kéo co trên sân vận động"
CAPTION = "Đoàn viên tham gia hội thao"
CREDIT = "Minh Thu"


@pytest.fixture
def photo(db):
    buffer = io.BytesIO()
    Image.new("RGB", (640, 480), (200, 40, 40)).save(buffer, "JPEG")
    return CaptionedImage.objects.create(
        title="Hội thao công nhân 2025", file=ImageFile(buffer, name="hoi-thao.jpg"), caption=CAPTION, credit=CREDIT
    )


def log_in(page, site, username):
    page.goto(site.url + reverse("wagtailadmin_login"))
    page.fill("#id_username", username)
    page.fill("#id_password", "password")
    page.click("form:has(#id_username) [type=submit]")
    page.wait_for_url(site.url + reverse("wagtailadmin_home"))


def log_out(page, site):
    page.click(".sidebar-footer__account")  # the account menu, at the foot of the sidebar
    page.click(f'form[action="{reverse("wagtailadmin_logout")}"] [type=submit]')
    page.wait_for_url(f"{site.url}{reverse('wagtailadmin_login')}**")


def add_block(page, block_type):
    """Appends a block to the body through the "+" button and the block menu, whose options are the labels."""
    label = ArticlePage._meta.get_field("body").stream_block.child_blocks[block_type].label
    page.locator("#body-root .c-sf-add-button").last.click()
    page.get_by_role("option", name=str(label), exact=True).click()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_an_article_goes_from_editor_to_approver_to_public(live_site, section, editor, approver, photo):
    from playwright.sync_api import expect  # here, so that without Playwright the fixtures skip (or fail in CI)

    site = live_site
    page = site.new_page(viewport={"width": 1280, "height": 1000})
    # The editor watches the form for changes (to warn about them and autosave them) from two seconds after it
    # opens; what is typed before is taken as the form's initial state. It says when it starts watching.
    page.add_init_script("document.addEventListener('w-unsaved:watch-edits', () => { window.watchingEdits = true; })")

    # The editor writes the article: a paragraph and the photo, with alt text but no caption or credit of its own.
    log_in(page, site, editor.username)
    page.goto(site.url + reverse("wagtailadmin_pages:add", args=["articles", "articlepage", section.pk]))
    page.wait_for_function("window.watchingEdits === true")
    page.fill("#id_title", TITLE)
    add_block(page, "paragraph")
    page.locator("[data-streamfield-child]:has(#body-0-value) [contenteditable=true]").fill(PARAGRAPH)
    add_block(page, "image")
    page.click("#body-1-value-image-image-chooser [data-chooser-action-choose]")
    chosen_url = reverse("wagtailimages_chooser:chosen", args=[photo.pk])
    page.locator(f'.modal [data-chooser-modal-choice][href="{chosen_url}"]').first.click()
    expect(page.locator("#body-1-value-image-image")).to_have_value(str(photo.pk))
    page.fill("#body-1-value-image-alt_text", ALT_TEXT)
    page.fill("#id_lead", LEAD)
    # Autosave creates the page in the background, then the form posts to the page's edit view; submitting before
    # that save has answered would post a second new page. It may already be under way when the lead is typed (it
    # starts when the photo is chosen), and then the lead is not in it, so wait for the form, not for a request
    # carrying the lead: submitting posts the whole form.
    page.wait_for_function("document.querySelector('#id_lead').form.action.includes('/edit/')")
    expect(page.locator("#w-autosave-indicator")).to_have_attribute("data-w-autosave-state-value", "saved")

    # ... and submits it for moderation from the footer's action menu.
    page.click("footer [data-w-dropdown-target=toggle]")
    with page.expect_navigation():
        page.click("button[name=action-submit]")
    # An autosave may still land just before the submission; the editor is not stopped for their own words.
    explore_url = site.url + reverse("wagtailadmin_explore", args=[section.pk])
    assert page.url == explore_url, page.locator(".messages").all_inner_texts()
    with site.lock:
        article = ArticlePage.objects.get(title=TITLE)
        assert article.workflow_in_progress and not article.live
        draft = article.get_latest_revision_as_object()
        assert (draft.title, draft.lead) == (TITLE, LEAD)
        assert [block.block_type for block in draft.body] == ["paragraph", "image"]
        assert draft.body[1].value["image"].pk == photo.pk
        assert (draft.body[1].value["caption"], draft.body[1].value["credit"]) == ("", "")
        task_state = article.current_workflow_task_state
        article_url = site.url + article.url
    assert site.new_page().goto(article_url).status == 404

    # The approver approves it from "Awaiting your review" on the dashboard.
    log_out(page, site)
    log_in(page, site, approver.username)
    edit_url = reverse("wagtailadmin_pages:edit", args=[article.pk])
    approve_url = reverse("wagtailadmin_pages:workflow_action", args=[article.pk, "approve", task_state.pk])
    row = page.locator("#awaiting-review-section tr", has=page.locator(f'a[href="{edit_url}"]'))
    row.locator("[data-w-dropdown-target=toggle]").click()
    with page.expect_navigation():
        row.locator(f'[data-workflow-action-url="{approve_url}"]:not([data-launch-modal])').click()
    expect(page.locator(f'#awaiting-review-section a[href="{edit_url}"]')).to_have_count(0)
    with site.lock:
        article.refresh_from_db()
        assert article.live and not article.workflow_in_progress

    # The public reads it, the photo captioned with the image's defaults.
    public = site.new_page()
    assert public.goto(article_url).status == 200
    expect(public.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(public.get_by_text(PARAGRAPH)).to_be_visible()
    figure = public.locator(".article__body figure")
    expect(figure.locator("figcaption")).to_have_text(f"{CAPTION}. Ảnh: {CREDIT}")
    expect(figure.locator("figcaption")).to_be_visible()
    expect(figure.locator("img")).to_have_attribute("alt", ALT_TEXT)

"""Screenshots of the admin for the editors' guide (docs/huong-dan-bien-tap.md), taken from the real admin with the
demo accounts: `python -m tests.browser.admin_screenshots`, to retake them after the admin changes.

    python -m tests.browser.admin_screenshots                              # the demo on a scratch SQLite database
    ADMIN_SCREENSHOTS_URL=http://127.0.0.1:8765 python -m tests.browser.admin_screenshots   # a scratch server you run

It builds the demo as tests/browser/screenshots.py does (migrate, load_demo_content, rebuild_search_entries in a
temporary folder) and serves it with the development settings (`runserver`), because the demo accounts exist only
with DEBUG on. With ADMIN_SCREENSHOTS_URL, the pages' ids are read from DATABASE_URL's database, which must be that
server's. It CHANGES the content: the editor submits an article and the approver requests changes, so never point
it at a database whose content matters.

Desktop width (1366 px), Vietnamese admin. Each screenshot is reduced to at most 150 KB (a palette of 128 colours,
then smaller if needed) and written to docs/img/admin-<name>.png (ADMIN_SCREENSHOTS_DIR: elsewhere). Like
screenshots.py it is not a test: look at every picture before committing it."""

import io
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from tests.browser.screenshots import free_port, manage, shoot

ROOT = Path(__file__).resolve().parents[2]
WIDTH, HEIGHT = 1366, 800
MAX_BYTES = 150 * 1024
EDITOR = ("bientapvien", "bientap-demo-2025")
APPROVER = ("nguoiduyet", "duyet-demo-2025")

IDS = """
import json
from articles.models import ArticlePage
from campaigns.models import CampaignPage
from official_documents.models import OfficialDocument

seed = ArticlePage.objects.get(slug="tiep-tuc-day-manh-hoc-tap-va-lam-theo-bac-giai-doan-2021-2025",
                               locale__language_code="vi")
# An article that is not translated yet, to show how a translation starts, and one to submit for approval.
translated = set(ArticlePage.objects.filter(locale__language_code="en").values_list("translation_key", flat=True))
plain = ArticlePage.objects.live().filter(locale__language_code="vi").exclude(translation_key__in=translated)
plain = plain.exclude(pk=seed.pk).order_by("-pk")
print(json.dumps({
    "seed": seed.pk,
    "section": seed.get_parent().pk,
    "campaign": CampaignPage.objects.filter(locale__language_code="vi").first().pk,
    "to_translate": plain.first().pk,
    "to_submit": plain[1].pk,
    "photo": seed.feature_image_id,
    "document": OfficialDocument.objects.filter(locale__language_code="vi", number="01-KL/TW").first().pk,
}))
"""


def serve_demo(workdir):
    """The demo on a scratch SQLite database, served by `runserver` with the development settings: (URL,
    environment, server process)."""
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.development",
        "DATABASE_URL": f"sqlite:///{workdir}/db.sqlite3",
        "MEDIA_ROOT": f"{workdir}/media",
    }
    print("Building the demo site (migrate, load_demo_content, rebuild_search_entries)…", flush=True)
    manage("migrate", "--noinput", "-v0", env=env)
    manage("load_demo_content", "-v0", env=env)
    manage("rebuild_search_entries", "-v0", env=env)
    server = subprocess.Popen(  # noqa: S603 (our own manage.py)
        [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    for _attempt in range(150):
        try:
            urllib.request.urlopen(url + "/", timeout=2)  # noqa: S310 (our own server)
            break
        except OSError:
            time.sleep(0.2)
    return url, env, server


def optimised(png_bytes):
    """The PNG with a palette of 128 colours (admin screens have few), made smaller until it is under MAX_BYTES."""
    from PIL import Image

    image = Image.open(io.BytesIO(png_bytes)).convert("RGB")
    while True:
        buffer = io.BytesIO()
        image.quantize(colors=128, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).save(
            buffer, format="PNG", optimize=True
        )
        if buffer.tell() <= MAX_BYTES:
            return buffer.getvalue()
        image = image.resize((image.width * 9 // 10, image.height * 9 // 10), Image.Resampling.LANCZOS)


class Shooter:
    def __init__(self, browser, url, folder):
        self.browser = browser
        self.url = url
        self.folder = folder
        self.taken = []

    def session(self, account):
        context = self.browser.new_context(viewport={"width": WIDTH, "height": HEIGHT}, locale="vi-VN")
        page = context.new_page()
        page.goto(self.url + "/admin/login/")
        page.fill("input[name=username]", account[0])
        page.fill("input[name=password]", account[1])
        page.click("button[type=submit]")
        page.wait_for_url("**/admin/")
        return page

    def shot(self, page, name, *, clip=None, full_page=False, element=None):
        page.wait_for_timeout(400)
        if element is not None:
            data = page.locator(element).first.screenshot()
        else:
            data = page.screenshot(full_page=full_page, clip=clip)
        path = self.folder / f"admin-{name}.png"
        path.write_bytes(optimised(data))
        self.taken.append(path)
        print(f"{path.stat().st_size // 1024:>4} KB  {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")


def scrolled_to(page, selector, offset=90):
    """The page scrolled so that the first element matching the selector is near the top of the screen."""
    page.locator(selector).first.scroll_into_view_if_needed()
    page.evaluate(
        "([selector, offset]) => { const box = document.querySelector(selector).getBoundingClientRect();"
        " window.scrollBy(0, box.top - offset); }",
        [selector, offset],
    )
    return page


def take(url, ids, folder):
    """The editors' guide's pictures, in the order of the guide: writing, submitting, approving, translating."""
    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS

    folder.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        shooter = Shooter(browser, url, folder)
        shot = shooter.shot

        # Writing: the section's articles, an article's editor, its photo with caption and credit, cited documents.
        editor = shooter.session(EDITOR)
        editor.goto(f"{url}/admin/pages/{ids['section']}/")
        shot(editor, "section-listing")
        editor.goto(f"{url}/admin/pages/{ids['seed']}/edit/")
        shot(editor, "article-editor")
        shot(scrolled_to(editor, '[data-contentpath="image"]'), "article-photo")
        shot(scrolled_to(editor, '[data-contentpath="documents"]'), "article-documents")
        editor.goto(f"{url}/admin/pages/{ids['campaign']}/edit/")
        shot(scrolled_to(editor, '[data-contentpath="years"]'), "campaign-years")
        # A photo that a published article shows: the editor is told why it cannot be changed.
        editor.goto(f"{url}/admin/images/{ids['photo']}/")
        shot(editor, "photo-in-use")

        # Submitting for approval.
        editor.goto(f"{url}/admin/pages/{ids['to_submit']}/edit/")
        editor.get_by_role("button", name="Thao tác khác").click()
        shot(editor, "submit-menu")
        editor.locator("button[name=action-submit]").click()
        editor.wait_for_load_state("networkidle")
        shot(editor, "submitted")

        # The approver: the dashboard, the preview, approve or request changes.
        approver = shooter.session(APPROVER)
        shot(approver, "dashboard-approver")
        approver.goto(f"{url}/admin/pages/{ids['to_submit']}/edit/")
        approver.get_by_role("button", name="Ẩn/hiện xem trước").click()
        approver.frame_locator("iframe").first.locator("h1").first.wait_for(timeout=30_000)
        shot(approver, "preview")
        approver.get_by_role("button", name="Ẩn/hiện xem trước").click()
        approver.get_by_role("button", name="Thao tác khác").click()
        shot(approver, "approver-actions")
        approver.get_by_role("button", name="Yêu cầu chỉnh sửa").click()
        dialog = approver.locator("[role=dialog]:visible").first
        dialog.locator("textarea").first.fill(
            "Đề nghị bổ sung tên tác giả ảnh (“Ảnh: …”) và dẫn số, ngày của kế hoạch."
        )
        shot(approver, "request-changes")
        with approver.expect_navigation():
            dialog.get_by_role("button", name="Yêu cầu chỉnh sửa").click()

        # The editor finds the approver's comment above the editor.
        editor.goto(f"{url}/admin/pages/{ids['to_submit']}/edit/")
        shot(editor, "changes-requested")

        # Translating into English.
        editor.goto(f"{url}/admin/pages/{ids['to_translate']}/edit/")
        editor.get_by_role("button", name="Thao tác").first.click()
        shot(editor, "translate-menu")
        editor.get_by_role("link", name="Dịch trang này").click()
        editor.wait_for_load_state("networkidle")
        editor.get_by_label("English").check()
        shot(editor, "translate-form")
        with editor.expect_navigation():
            editor.locator("main form [type=submit]").last.click()
        editor.wait_for_load_state("networkidle")
        shot(editor, "translation-editor")
        browser.close()
    return shooter.taken


def main():
    shoot(
        folder=Path(os.environ.get("ADMIN_SCREENSHOTS_DIR") or ROOT / "docs" / "img"),
        url=os.environ.get("ADMIN_SCREENSHOTS_URL", "").rstrip("/"),
        serve=serve_demo,
        listing=IDS,
        take=take,
    )


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()

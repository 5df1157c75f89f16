"""Full-page screenshots of every kind of public page, in Vietnamese and English, on a desktop (1366 px) and a
phone (412 px): `make screenshots`, to look at the site as readers see it.

    make screenshots                                   # serves the demo on a scratch SQLite database
    SCREENSHOTS_URL=http://127.0.0.1:8000 make screenshots   # a server already running on DATABASE_URL's database
    SCREENSHOTS_DIR=/tmp/shots make screenshots        # elsewhere than screenshots/ (git-ignored)

It lives beside the browser tests because it drives the same Chromium the same way (tests/browser/conftest.py).
Without SCREENSHOTS_URL it builds the demo as `.ci/lighthouse` does (migrate, load_demo_content,
rebuild_search_entries in a temporary folder) and serves it as in production (gunicorn, production settings,
WhiteNoise), so that the 404 page is the readers' one, not Django's debug page. The pages' addresses are read from
the database; with SCREENSHOTS_URL, that is the database of DATABASE_URL (default db.sqlite3, as `make run` uses).
Files: SCREENSHOTS_DIR/<language>-<page kind>-<width>.png."""

import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WIDTHS = {1366: 768, 412: 915}  # desktop and a common Android phone (height of the first screen)
PAGE_LIST = """
import json
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale
from articles.models import ArticleIndexPage, ArticlePage
from campaigns.models import CampaignPage
from contact.models import ContactPage
from legal_qa.models import LegalQAPage
from official_documents.models import OfficialDocument
from organisation.models import IntroductionPage, LeadershipPage, StructurePage

SEED = "tiep-tuc-day-manh-hoc-tap-va-lam-theo-bac-giai-doan-2021-2025"
seed = ArticlePage.objects.get(slug=SEED, locale__language_code="vi")
pages = {}
for locale in Locale.objects.order_by("pk"):
    code = locale.language_code

    def version(page):
        found = page.get_translation_or_none(locale)
        return found.url if found is not None and found.live else None

    with translation.override(code):
        article = seed.get_translation_or_none(locale) or seed
        tag = seed.tags.order_by("name").first()
        document = (
            OfficialDocument.objects.live().filter(locale=locale, number="01-KL/TW").first()
            or OfficialDocument.objects.live().filter(number="01-KL/TW").first()
        )
        introduction = IntroductionPage.objects.filter(locale__language_code="vi").first()
        kinds = {
            "home": version(seed.get_parent().get_parent()),
            "section": version(ArticleIndexPage.objects.get(slug="tin-hoat-dong")),
            "article": version(seed),
            "campaign": version(CampaignPage.objects.filter(locale__language_code="vi").first()),
            "tag": reverse("news:tag", args=[tag.slug]) if tag else None,
            "documents": reverse("official_documents:list"),
            "document": document.get_absolute_url() if document else None,
            "financial-reports": reverse("official_documents:financial_reports"),
            "introduction": version(introduction) if introduction else None,
            "structure": version(StructurePage.objects.filter(locale__language_code="vi").first()),
            "leadership": version(LeadershipPage.objects.filter(locale__language_code="vi").first()),
            "legal-qa": version(LegalQAPage.objects.filter(locale__language_code="vi").first()),
            "contact": version(ContactPage.objects.filter(locale__language_code="vi").first()),
            "search": reverse("search") + ("?q=h%E1%BB%8Dc+t%E1%BA%ADp" if code == "vi" else "?q=workers"),
            "404": ("/" if code == "vi" else f"/{code}/") + "khong-co-trang-nay/",
        }
    pages[code] = {kind: url for kind, url in kinds.items() if url}
print(json.dumps(pages))
"""


def manage(*arguments, env, capture=False):
    result = subprocess.run(  # noqa: S603 (our own manage.py)
        [sys.executable, "manage.py", *arguments], cwd=ROOT, env=env, check=True, capture_output=capture, text=True
    )
    return result.stdout


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve_demo(workdir):
    """The demo on a scratch SQLite database, served by gunicorn with the production settings: (URL, environment
    of the development settings on that database, server process)."""
    port = free_port()
    base = {**os.environ, "DATABASE_URL": f"sqlite:///{workdir}/db.sqlite3", "MEDIA_ROOT": f"{workdir}/media"}
    base["STATIC_ROOT"] = f"{workdir}/static"
    development = {**base, "DJANGO_SETTINGS_MODULE": "config.settings.development"}
    print("Building the demo site (migrate, load_demo_content, rebuild_search_entries)…", flush=True)
    manage("migrate", "--noinput", "-v0", env=development)
    manage("load_demo_content", "-v0", env=development)
    manage("rebuild_search_entries", "-v0", env=development)
    # The pages' canonical and absolute URLs use the Site's address: the server's here.
    manage(
        "shell",
        "-v0",
        "-c",
        "from wagtail.models import Site; "
        f"Site.objects.filter(is_default_site=True).update(hostname='127.0.0.1', port={port})",
        env=development,
    )
    production = {
        **base,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "screenshots-only",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_HSTS_SECONDS": "0",
    }
    manage("collectstatic", "--noinput", "-v0", env=production)
    # Uploaded photos are served by the web server in production; WhiteNoise stands in for it here.
    (Path(workdir) / "screenshots_wsgi.py").write_text(
        "import os\nfrom whitenoise import WhiteNoise\nfrom config.wsgi import application as django_application\n"
        "application = WhiteNoise(django_application, autorefresh=True)\n"
        'application.add_files(os.environ["MEDIA_ROOT"], prefix="media/")\n'
    )
    server = subprocess.Popen(  # noqa: S603
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "--pythonpath",
            f"{workdir},.",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--log-level",
            "warning",
            "screenshots_wsgi:application",
        ],
        cwd=ROOT,
        env=production,
    )
    url = f"http://127.0.0.1:{port}"
    for _attempt in range(100):
        try:
            urllib.request.urlopen(url + "/", timeout=2)  # noqa: S310 (our own server)
            break
        except OSError:
            time.sleep(0.2)
    return url, development, server


def take(url, pages, folder):
    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS

    folder.mkdir(parents=True, exist_ok=True)
    taken = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for width, height in WIDTHS.items():
            phone = width < 600
            context = browser.new_context(viewport={"width": width, "height": height}, is_mobile=phone, has_touch=phone)
            page = context.new_page()
            for language, kinds in pages.items():
                for kind, path in kinds.items():
                    response = page.goto(url + path, wait_until="networkidle")
                    # Lazy photos load only when scrolled to: scroll through the page first.
                    page.evaluate(
                        """async () => { for (let y = 0; y < document.body.scrollHeight; y += innerHeight) {
                               scrollTo(0, y); await new Promise(done => setTimeout(done, 50)); } scrollTo(0, 0); }"""
                    )
                    page.wait_for_load_state("networkidle")
                    name = folder / f"{language}-{kind}-{width}.png"
                    page.screenshot(path=name, full_page=True)
                    taken.append(name)
                    print(f"{response.status if response else '---'} {name.name:<34} {path}", flush=True)
            context.close()
        browser.close()
    return taken


def shoot(*, folder, url, serve, listing, take):
    """Screenshots by `take(url, what, folder)` of what the Django shell code `listing` prints as JSON, on the
    server at `url` (its database named by DATABASE_URL), or else on the demo built and served by `serve`."""
    server = None
    with tempfile.TemporaryDirectory(prefix="screenshots-") as workdir:
        try:
            if url:
                env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.development"}
            else:
                url, env, server = serve(workdir)
            what = json.loads(manage("shell", "-v0", "-c", listing, env=env, capture=True))
            taken = take(url, what, folder)
        finally:
            if server is not None:
                server.terminate()
                server.wait(timeout=10)
    print(f"{len(taken)} screenshots in {folder}")


def main():
    shoot(
        folder=Path(os.environ.get("SCREENSHOTS_DIR") or ROOT / "screenshots"),
        url=os.environ.get("SCREENSHOTS_URL", "").rstrip("/"),
        serve=serve_demo,
        listing=PAGE_LIST,
        take=take,
    )


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()

"""Fills the load benchmark's scratch database: the demo content plus generated articles spread over
the demo sections, with tags, feature photos, a share linked to the campaign and some citing documents; then
builds the search index and writes a copy of the article page into STATIC_ROOT (the static-file ceiling).

Run by bench/run.py with its environment (production settings, the scratch DATABASE_URL); a second run keeps what
exists."""

import argparse
import io
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.files.images import ImageFile  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402
from PIL import Image  # noqa: E402
from wagtail.models import Site  # noqa: E402

from articles.models import ArticleIndexPage, ArticlePage, ArticlePageTag  # noqa: E402
from campaigns.models import CampaignPage  # noqa: E402
from demo.generation import generate_articles  # noqa: E402
from images.models import CaptionedImage  # noqa: E402
from official_documents.models import OfficialDocument  # noqa: E402
from search.models import SearchEntry  # noqa: E402

TAGS = [
    "Công đoàn cơ sở",
    "Tháng Công nhân",
    "Mái ấm Công đoàn",
    "An toàn vệ sinh lao động",
    "Thoả ước lao động tập thể",
    "Đoàn viên",
    "Khu công nghiệp",
    "Học tập và làm theo Bác",
    "Tết Sum vầy",
    "Pháp luật lao động",
    "Bảo hiểm xã hội",
    "Văn hoá thể thao",
]
PHOTOS = 24
# The old portal's article (demo/content/seed.json): the page measured, with its photo, documents and campaign.
SEED_SLUG = "tiep-tuc-day-manh-hoc-tap-va-lam-theo-bac-giai-doan-2021-2025"


def photos():
    existing = list(CaptionedImage.objects.filter(title__startswith="Ảnh đo tải "))
    for number in range(len(existing), PHOTOS):
        buffer = io.BytesIO()
        colour = (40 + number * 8 % 200, 90, 160 - number * 5 % 150)
        Image.new("RGB", (1200, 800), colour).save(buffer, "JPEG", quality=80)
        existing.append(
            CaptionedImage.objects.create(
                title=f"Ảnh đo tải {number}",
                file=ImageFile(buffer, name=f"do-tai-{number}.jpg"),
                caption=f"Hoạt động công đoàn {number}",
                credit="Ban Tuyên giáo",
                description=f"Đoàn viên công đoàn tại hoạt động số {number}",
            )
        )
    return existing


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    options = parser.parse_args()

    if not ArticlePage.objects.filter(slug__startswith="bai-do-").exists():
        # Only on a fresh database: run again later, it would link the generated articles of the campaign's section
        # and years to the campaign.
        call_command("load_demo_content", verbosity=0)
    home = Site.objects.get(is_default_site=True).root_page.specific
    sections = list(ArticleIndexPage.objects.child_of(home).live().order_by("path"))
    campaign = CampaignPage.objects.live().first()
    documents = list(OfficialDocument.objects.all()[:4])
    images = photos()
    rng = random.Random(options.seed)
    existing = ArticlePage.objects.filter(slug__startswith="bai-do-").count()
    missing = options.articles - existing
    started = time.perf_counter()
    per_section = -(-missing // len(sections)) if missing > 0 else 0
    offset = existing
    for section in sections:
        count = min(per_section, options.articles - offset)
        if count <= 0:
            break

        def fields(number):
            # One article in 200 belongs to the campaign (50 for 10,000), as a campaign's reports would.
            return {
                "feature_image": images[number % len(images)],
                "campaign": campaign if number % 200 == 0 else None,
            }

        ids = generate_articles(
            section,
            count,
            offset,
            rng,
            fields=fields,
            progress=lambda done: print(f"  {done} articles", end="\r", flush=True),
        )
        tags = []
        for article_id in ids:
            for name in rng.sample(TAGS, rng.randint(1, 3)):
                tags.append((article_id, name))
        add_tags(tags)
        cite(ids[::20], documents)
        offset += count
    if missing > 0:
        print(f"\ncreated {missing} articles in {time.perf_counter() - started:.0f} s")
    # Indexed after new articles, and after a migration that rebuilt the index's tables (search/0003 empties them).
    if missing > 0 or not SearchEntry.objects.exists():
        started = time.perf_counter()
        call_command("rebuild_search_entries", verbosity=0)
        print(f"indexed them for search in {time.perf_counter() - started:.0f} s")
    print(f"{ArticlePage.objects.live().count()} live articles in {len(sections)} sections")
    write_static_copy()


def add_tags(pairs):
    from taggit.models import Tag

    by_name = {}
    for name in {name for _, name in pairs}:
        by_name[name], _ = Tag.objects.get_or_create(name=name)
    ArticlePageTag.objects.bulk_create(
        [ArticlePageTag(content_object_id=article_id, tag=by_name[name]) for article_id, name in pairs],
        ignore_conflicts=True,
    )


def cite(article_ids, documents):
    through = ArticlePage.documents.through
    through.objects.bulk_create(
        [
            through(articlepage_id=article_id, officialdocument_id=document.pk)
            for article_id in article_ids
            for document in documents
        ],
        ignore_conflicts=True,
    )


def write_static_copy():
    """The seed article's page, byte for byte, as a static file: what the same server does at best with a response
    of that size."""
    article = ArticlePage.objects.get(slug=SEED_SLUG)
    response = Client(HTTP_HOST="127.0.0.1").get(article.url)
    assert response.status_code == 200, response.status_code
    target = Path(settings.STATIC_ROOT) / "bench" / "article.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(response.content)
    print(f"static copy of {article.url}: {len(response.content)} bytes")


if __name__ == "__main__":
    main()

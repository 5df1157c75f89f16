"""Search at scale: fills the database with generated articles, indexes them, and times searches of every
query kind through the search page. Run it on a scratch database, e.g.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/search_bench python manage.py migrate
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/search_bench python manage.py measure_search --articles 20000

A second run reuses the articles already generated."""

import datetime
import json
import random
import statistics
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.test import Client
from wagtail.models import Page, Site

from articles.models import ArticleIndexPage, ArticlePage
from search.indexing import rebuild
from search.models import SearchEntry, SearchTerm

DEMO_ARTICLES = Path(settings.BASE_DIR) / "home" / "demo" / "articles.jsonl"
SECTION_SLUG = "bai-do-toc-do-tim-kiem"
QUERIES = {
    "exact": ["mái ấm công đoàn", "tháng công nhân", "bảo hiểm xã hội", "khu công nghiệp"],
    "unaccented": ["mai am cong doan", "lien doan lao dong tinh", "thoa uoc lao dong tap the"],
    "partial": ["Mái am CONG đoàn", "huấn luyen AN TOAN"],
    "telex": ["hocj taapj", "phats trieenr ddoanf vieen", "coong nhaan"],
    "tone_placement": ["hoà giải", "uỷ ban nhân dân", "thuỷ điện"],
    "abbreviation": ["ATVSLĐ", "CNVCLĐ", "bảo hiểm xã hội tự nguyện"],
    "document": ["KL 01", "01-kl/tw", "kế hoạch 260"],
    "tone_discrimination": ["lời dạy của Bác", "bão lũ", "Bắc Hà"],
    "phrase": ["an toàn vệ sinh lao động", "công đoàn cơ sở"],
    "people": ["Nguyễn Thị Lan", "Tiến Sỹ"],
}


class Command(BaseCommand):
    help = (
        "Đo tốc độ tìm kiếm với nhiều bài viết sinh ngẫu nhiên (p50, p95 theo loại truy vấn) và thời gian lập chỉ mục."
    )

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=20_000, help="số bài viết cần có")
        parser.add_argument("--repeat", type=int, default=5, help="số lần đo mỗi truy vấn")
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--reindex", action="store_true", help="lập lại chỉ mục dù đã đủ")

    def handle(self, *args, articles, repeat, seed, reindex, **options):
        section = self.section()
        existing = ArticlePage.objects.child_of(section).count()
        if existing < articles:
            start = time.perf_counter()
            self.generate(section, articles - existing, existing, random.Random(seed))
            self.stdout.write(f"created {articles - existing} articles in {time.perf_counter() - start:.0f} s")
        if reindex or SearchEntry.objects.count() < ArticlePage.objects.live().count():
            start = time.perf_counter()
            SearchEntry.objects.all().delete()
            indexed = rebuild(Page.objects.live().specific().order_by("path"))
            elapsed = time.perf_counter() - start
            self.stdout.write(f"indexed {indexed} pages in {elapsed:.1f} s ({elapsed / indexed * 1000:.1f} ms a page)")
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute("VACUUM ANALYZE search_searchterm")  # as autovacuum would, soon after a bulk load
        self.stdout.write(f"{SearchEntry.objects.count()} entries, {SearchTerm.objects.count()} postings")

        client = Client()
        client.get("/search/", {"q": "công đoàn"})  # warm the caches a running server has warm
        self.stdout.write(f"{'kind':<22}{'queries':>8}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}")
        everything = []
        for kind, queries in QUERIES.items():
            timings = []
            for query in queries:
                for _ in range(repeat):
                    began = time.perf_counter()
                    response = client.get("/search/", {"q": query})
                    timings.append((time.perf_counter() - began) * 1000)
                    assert response.status_code == 200, (query, response.status_code)
            everything += timings
            self.stdout.write(f"{kind:<22}{len(queries):>8}{self.report(timings)}")
        self.stdout.write(f"{'ALL':<22}{sum(map(len, QUERIES.values())):>8}{self.report(everything)}")

    @staticmethod
    def report(timings):
        timings = sorted(timings)
        p95 = timings[min(len(timings) - 1, int(len(timings) * 0.95))]
        return f"{statistics.median(timings):>9.1f}{p95:>9.1f}{timings[-1]:>9.1f}"

    def section(self):
        home = Site.objects.get(is_default_site=True).root_page
        section = ArticleIndexPage.objects.child_of(home).filter(slug=SECTION_SLUG).first()
        if section is None:
            section = home.add_child(instance=ArticleIndexPage(title="Bài đo tốc độ tìm kiếm", slug=SECTION_SLUG))
        return section

    def generate(self, section, count, offset, rng):
        """Articles made of the demo articles' sentences, shuffled, so that words and phrases are distributed
        as in real text; saved live without revisions, which the search index does not need."""
        records = [json.loads(line) for line in DEMO_ARTICLES.read_text(encoding="utf-8").splitlines() if line]
        titles = [record["title"] for record in records]
        leads = [record["lead"] for record in records]
        paragraphs = [paragraph for record in records for paragraph in record["body"]]
        sentences = [sentence.strip() + "." for text in paragraphs for sentence in text.split(". ") if sentence]
        people = ["Tiến Sỹ", "Minh Thu", "Quang Hưng", "Nguyễn Thị Lan", "Hoàng Hải", "Lò Văn Sáng"]
        for batch_start in range(0, count, 500):
            with transaction.atomic():
                for number in range(offset + batch_start, offset + min(batch_start + 500, count)):
                    paragraphs = [" ".join(rng.sample(sentences, rng.randint(3, 6))) for _ in range(rng.randint(3, 6))]
                    body = [{"type": "paragraph", "value": f"<p>{text}</p>"} for text in paragraphs]
                    section.add_child(
                        instance=ArticlePage(
                            title=f"{rng.choice(titles)} ({number})",
                            slug=f"bai-do-{number}",
                            lead=rng.choice(leads),
                            body=json.dumps(body),
                            date=datetime.date(2015, 1, 1) + datetime.timedelta(days=number % 3900),
                            author=rng.choice(people),
                            source_unit="LĐLĐ tỉnh",
                            live=True,
                        )
                    )
            section.refresh_from_db()
            self.stdout.write(f"  {offset + min(batch_start + 500, count)} articles", ending="\r")
        self.stdout.write("")

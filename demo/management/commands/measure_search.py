"""Search at scale: fills the database with generated articles, indexes them, and times searches of every
query kind through the search page. Run it on a scratch database, e.g.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/search_bench python manage.py migrate
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/search_bench python manage.py measure_search --articles 20000

A second run reuses the articles already generated."""

import random
import statistics
import time

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client, override_settings
from wagtail.models import Page, Site

from articles.models import ArticleIndexPage, ArticlePage
from demo.generation import generate_articles
from search.benchmark_queries import FREER_QUERIES, QUERIES
from search.indexing import rebuild
from search.models import SearchEntry, SearchTerm

SECTION_SLUG = "bai-do-toc-do-tim-kiem"


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
                # As autovacuum would, soon after a bulk load: every table, not the postings alone. Stale statistics
                # of the pages (20,000 new rows the planner does not know of) made the sidebar's newest-articles
                # query sort every article (55 ms instead of 0.4 ms at 20,000), and that, not the search, was
                # half of each search page here.
                cursor.execute("VACUUM ANALYZE")
        self.stdout.write(f"{SearchEntry.objects.count()} entries, {SearchTerm.objects.count()} postings")

        # The search itself, not the whole-page cache in front of it: without cache middleware. The first run of
        # each query also counts its words' document frequencies (then cached until the next publication).
        middleware = [name for name in settings.MIDDLEWARE if "cache" not in name.lower()]
        client = Client()
        with override_settings(MIDDLEWARE=middleware):
            client.get("/search/", {"q": "công đoàn"})  # warm what a running server has warm (templates, site)
            self.stdout.write(f"{'kind':<22}{'queries':>8}{'first p50':>10}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}")
            everything, firsts = [], []
            for kind, queries in {**QUERIES, **FREER_QUERIES}.items():
                timings, kind_firsts = [], []
                for query in queries:
                    for run in range(repeat + 1):
                        began = time.perf_counter()
                        response = client.get("/search/", {"q": query})
                        elapsed = (time.perf_counter() - began) * 1000
                        (kind_firsts if run == 0 else timings).append(elapsed)
                        assert response.status_code == 200, (query, response.status_code)
                if kind in QUERIES:  # "ALL" stays the same queries as in earlier runs
                    everything += timings
                    firsts += kind_firsts
                self.stdout.write(
                    f"{kind:<22}{len(queries):>8}{statistics.median(kind_firsts):>10.1f}{self.report(timings)}"
                )
                if kind == list(QUERIES)[-1]:
                    self.stdout.write(
                        f"{'ALL':<22}{sum(map(len, QUERIES.values())):>8}{statistics.median(firsts):>10.1f}"
                        f"{self.report(everything)}"
                    )

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
        generate_articles(
            section, count, offset, rng, progress=lambda done: self.stdout.write(f"  {done} articles", ending="\r")
        )
        self.stdout.write("")

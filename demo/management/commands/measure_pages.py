"""Query counts and render times of the main public pages, measured in-process on the current database: with
their parts already rendered (a reader the whole-page cache does not answer), cold (every part rendered), with
every cache layer off (nothing of the page cached: docs/performance.md), and from the whole-page cache when it is
on.
A quick, repeatable check for `make bench`; the load benchmark with a real server is a separate tool."""

import statistics
import time

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from articles.models import ArticleIndexPage, ArticlePage
from campaigns.models import CampaignPage


class Command(BaseCommand):
    help = "Đo số truy vấn SQL và thời gian dựng các trang chính (trung vị, p95)."

    def add_arguments(self, parser):
        parser.add_argument("--repeat", type=int, default=30, help="số lần đo mỗi trang")

    def handle(self, *args, repeat, **options):
        home = Site.objects.get(is_default_site=True).root_page
        pages = {
            "home": home.url,
            "section": ArticleIndexPage.objects.live().first().url,
            "article": ArticlePage.objects.live().order_by("date").first().url,
            "campaign": CampaignPage.objects.live().first().url,
            "search": "/search/?q=c%C3%B4ng+%C4%91o%C3%A0n",
        }
        client = Client()
        page_cache = getattr(settings, "PAGE_CACHE_SECONDS", 0) > 0
        self.stdout.write(
            f"{'page':<10}{'queries':>8}{'median ms':>11}{'p95 ms':>9}{'cold q':>8}{'cold ms':>9}"
            f"{'off q':>7}{'off ms':>8}{'cached ms':>11}  url"
        )
        for name, url in pages.items():
            # Rendering, which is what the query budgets are about: the whole-page cache would answer instead.
            with override_settings(PAGE_CACHE_SECONDS=0):
                client.get(url)  # warm caches
                with CaptureQueriesContext(connection) as captured:
                    status = client.get(url).status_code
                query_count = len(captured)  # read now: the next request resets the query log
                timings = self.timings(client, url, repeat)
            # Every part of the page rendered afresh (delivery/context_processors.py), as right after a publish.
            with override_settings(PAGE_CACHE_SECONDS=0, FRAGMENT_CACHE_SECONDS=0):
                with CaptureQueriesContext(connection) as captured:
                    client.get(url)
                cold_queries = len(captured)
                cold = statistics.median(self.timings(client, url, repeat))
            # Every cache layer off: the page rendered from the database alone, which the caches only make cheaper.
            with override_settings(PAGE_CACHE_SECONDS=0, FRAGMENT_CACHE_SECONDS=0, CONTENT_CACHE_SECONDS=0):
                client.get(url)  # Wagtail's own caches (the sites' root paths, renditions) warm
                with CaptureQueriesContext(connection) as captured:
                    client.get(url)
                off_queries = len(captured)
                off = statistics.median(self.timings(client, url, repeat))
            # A reader served from the whole-page cache, when it is on.
            cached = f"{statistics.median(self.timings(client, url, repeat)):.1f}" if page_cache else "-"
            p95 = timings[min(len(timings) - 1, int(len(timings) * 0.95))]
            self.stdout.write(
                f"{name:<10}{query_count:>8}{statistics.median(timings):>11.1f}{p95:>9.1f}{cold_queries:>8}{cold:>9.1f}"
                f"{off_queries:>7}{off:>8.1f}{cached:>11}"
                f"  {url} ({status})"
            )

    @staticmethod
    def timings(client, url, repeat):
        client.get(url)  # warm caches
        timings = []
        for _ in range(repeat):
            start = time.perf_counter()
            client.get(url)
            timings.append((time.perf_counter() - start) * 1000)
        return sorted(timings)

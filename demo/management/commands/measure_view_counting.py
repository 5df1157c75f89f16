"""The cost of counting one view (SQL statements, time) and a concurrency check, on the current database.
Writes test rows and removes them afterwards."""

import statistics
import threading
import time
import uuid

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, connections
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import ArticlePage
from visits.counting import record_view, visitor_hash
from visits.models import DailyPageViews, RecentView


def writes(captured):
    """Statements that write; transaction control (BEGIN, SAVEPOINT, COMMIT) is not counted."""
    return [query for query in captured if query["sql"].split()[0] in ("INSERT", "UPDATE", "DELETE")]


class Command(BaseCommand):
    help = "Đo chi phí đếm một lượt xem (số câu lệnh SQL, thời gian) và kiểm tra đếm đồng thời."

    def add_arguments(self, parser):
        parser.add_argument("--views", type=int, default=500, help="số lượt xem đo tuần tự")
        parser.add_argument("--threads", type=int, default=32)
        parser.add_argument("--per-thread", type=int, default=50)

    def handle(self, *args, views, threads, per_thread, **options):
        page = ArticlePage.objects.live().first()
        if page is None:
            raise CommandError("Chưa có tin bài nào: chạy load_demo_content trước.")
        run = uuid.uuid4().hex[:8]
        before = self.counted(page)
        try:
            record_view(page.pk, f"{run}-warm")
            timings, statements = [], []
            for number in range(views):
                with CaptureQueriesContext(connection) as captured:
                    start = time.perf_counter()
                    record_view(page.pk, f"{run}-{number}")
                    timings.append((time.perf_counter() - start) * 1000)
                statements.append(len(writes(captured)))
            timings.sort()
            self.stdout.write(
                f"{connection.vendor}: {views} views counted one by one: writes per view "
                f"{min(statements)}-{max(statements)}, median {statistics.median(timings):.2f} ms, "
                f"p95 {timings[int(len(timings) * 0.95)]:.2f} ms"
            )
            self.through_requests(page, samples=min(views, 100))
            if connection.vendor != "postgresql":
                self.stdout.write("concurrency: skipped (SQLite serialises writers; use DATABASE_URL=postgres://...)")
                return
            start_count = self.counted(page)
            started = time.perf_counter()
            self.concurrent(page, run, threads, per_thread)
            elapsed = time.perf_counter() - started
            added = self.counted(page) - start_count
            expected = threads * per_thread
            self.stdout.write(
                f"concurrency: {threads} threads x {per_thread} views = {expected} expected, {added} counted, "
                f"{elapsed:.2f} s ({expected / elapsed:.0f} views/s)"
            )
            if added != expected:
                raise CommandError("Lost or extra views under concurrency.")
        finally:
            RecentView.objects.filter(visitor__startswith=run).delete()
            self.remove_added(page, self.counted(page) - before)

    def through_requests(self, page, samples):
        """The same, seen from a reader's request of the article: what counting adds to rendering it."""
        browser = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36"
        url = page.url
        Client().get(url)  # warm the caches a running server has warm
        kinds = {"robot, not counted": [], "new reader, counted": [], "reload, not counted": []}
        visitors = []
        try:
            for number in range(samples):
                ip = f"198.18.{number // 250}.{number % 250 + 1}"  # a benchmarking range (RFC 2544)
                visitors.append(visitor_hash(ip, browser, timezone.localdate()))
                reader = Client(HTTP_USER_AGENT=browser, REMOTE_ADDR=ip)
                for kind, client in zip(kinds, (Client(), reader, reader), strict=True):
                    with CaptureQueriesContext(connection) as captured:
                        start = time.perf_counter()
                        client.get(url)
                        elapsed = (time.perf_counter() - start) * 1000
                    kinds[kind].append((elapsed, len(captured), len(writes(captured))))
        finally:
            RecentView.objects.filter(visitor__in=visitors).delete()
        self.stdout.write(f"GET of the article page, {samples} of each:")
        for kind, samples_of_kind in kinds.items():
            timings = sorted(elapsed for elapsed, _, _ in samples_of_kind)
            queries = sorted(count for _, count, _ in samples_of_kind)
            writes_done = sorted(count for _, _, count in samples_of_kind)
            self.stdout.write(
                f"  {kind:<20} statements {queries[len(queries) // 2]} (median; {queries[0]}-{queries[-1]}), "
                f"writes {writes_done[0]}-{writes_done[-1]}, median {statistics.median(timings):.2f} ms"
            )

    @staticmethod
    def counted(page):
        return sum(DailyPageViews.objects.filter(page_id=page.pk).values_list("views", flat=True))

    @staticmethod
    def remove_added(page, added):
        from django.db.models import F

        DailyPageViews.objects.filter(page_id=page.pk, day=timezone.localdate()).update(views=F("views") - added)

    @staticmethod
    def concurrent(page, run, threads, per_thread):
        barrier = threading.Barrier(threads)

        def worker(number):
            try:
                barrier.wait()
                for view in range(per_thread):
                    record_view(page.pk, f"{run}-t{number}-{view}")
            finally:
                connections.close_all()

        workers = [threading.Thread(target=worker, args=(number,)) for number in range(threads)]
        for thread in workers:
            thread.start()
        for thread in workers:
            thread.join()

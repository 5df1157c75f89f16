"""The cost of counting one view (SQL statements, time) and a concurrency check, on the current database.
Writes test rows and removes them afterwards."""

import statistics
import threading
import time
import uuid

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, connections
from django.test.utils import CaptureQueriesContext

from articles.models import ArticlePage
from visits.counting import record_view
from visits.models import DailyPageViews, RecentView


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
                statements.append(sum(query["sql"].split()[0] in ("INSERT", "UPDATE", "DELETE") for query in captured))
            timings.sort()
            self.stdout.write(
                f"{connection.vendor}: {views} views counted one by one: writes per view "
                f"{min(statements)}-{max(statements)}, median {statistics.median(timings):.2f} ms, "
                f"p95 {timings[int(len(timings) * 0.95)]:.2f} ms"
            )
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

    @staticmethod
    def counted(page):
        return sum(DailyPageViews.objects.filter(page_id=page.pk).values_list("views", flat=True))

    @staticmethod
    def remove_added(page, added):
        from django.db.models import F
        from django.utils import timezone

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

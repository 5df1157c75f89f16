from django.core.management.base import BaseCommand

from search.log import purge


class Command(BaseCommand):
    help = "Deletes the search counts (search.DailySearch) older than SEARCH_LOG_RETENTION_DAYS (730); daily from cron."

    def handle(self, *args: object, **options: object) -> None:
        deleted = purge()
        if options.get("verbosity", 1):
            self.stdout.write(f"{deleted} rows removed")

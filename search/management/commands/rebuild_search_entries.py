from django.core.management.base import BaseCommand
from wagtail.models import Page

from search.indexing import rebuild
from search.models import SearchEntry


class Command(BaseCommand):
    help = "Rebuilds the Vietnamese search index from the live, public pages (after an upgrade or a restore)."

    def handle(self, *args, **options):
        SearchEntry.objects.all().delete()
        count = rebuild(Page.objects.live().specific().order_by("path"))
        self.stdout.write(f"{count} trang đã được lập chỉ mục tìm kiếm.")

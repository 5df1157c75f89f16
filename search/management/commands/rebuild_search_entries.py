from django.core.management.base import BaseCommand
from wagtail.models import Page

from search.indexing import rebuild, rebuild_objects
from search.models import SearchEntry


class Command(BaseCommand):
    help = (
        "Rebuilds the Vietnamese search index from the live, public pages and what they show (official documents,"
        " published legal answers) after an upgrade or a restore."
    )

    def handle(self, *args: object, **options: object) -> None:
        SearchEntry.objects.all().delete()
        pages = rebuild(Page.objects.live().specific().order_by("path"))
        others = rebuild_objects()
        self.stdout.write(f"{pages} trang và {others} văn bản, câu trả lời đã được lập chỉ mục tìm kiếm.")

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from operations.backup import create_backup


class Command(BaseCommand):
    help = _("Sao lưu toàn bộ trang (cơ sở dữ liệu và thư mục media) vào một tệp .tar.gz có ghi thời điểm.")

    def add_arguments(self, parser):
        parser.add_argument("--output", default=".", help=_("thư mục lưu bản sao lưu (mặc định: thư mục hiện tại)"))

    def handle(self, *args, output, **options):
        archive, manifest = create_backup(output)
        self.stdout.write(
            _("Đã sao lưu vào %(archive)s: %(pages)d trang, %(revisions)d phiên bản, %(images)d ảnh.")
            % {
                "archive": archive,
                "pages": manifest["counts"]["wagtailcore.Page"],
                "revisions": manifest["counts"]["wagtailcore.Revision"],
                "images": manifest["counts"]["images.CaptionedImage"],
            }
        )

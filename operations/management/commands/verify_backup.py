import tempfile

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from operations.backup import Archive


class Command(BaseCommand):
    help = _(
        "Kiểm tra một bản sao lưu mà không đụng tới dữ liệu đang chạy: giải nén vào thư mục tạm, khôi phục cơ sở dữ "
        "liệu vào một cơ sở dữ liệu tạm, so với manifest (số dòng từng bảng, danh sách, cỡ và SHA-256 của tệp "
        "media). Thoát với mã khác 0 nếu có bất kỳ sai khác nào."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help=_("tệp .tar.gz do backup_site tạo ra"))
        parser.add_argument("--work-dir", help=_("thư mục để giải nén tạm (mặc định: thư mục tạm của hệ thống)"))

    def handle(self, *args, archive, work_dir, **options):
        archive = Archive(archive)
        with tempfile.TemporaryDirectory(prefix="portal-verify-", dir=work_dir) as scratch:
            report = archive.verify(scratch)
        counts = report["counts"]
        self.stdout.write(
            _(
                "Bản sao lưu %(path)s (%(vendor)s, lúc %(created)s) dùng được: %(tables)d bảng khớp manifest "
                "(%(pages)d trang, %(revisions)d phiên bản, %(images)d ảnh), %(files)d tệp media (%(bytes)d byte)."
            )
            % {
                **report,
                "pages": counts["wagtailcore.Page"],
                "revisions": counts["wagtailcore.Revision"],
                "images": counts["images.CaptionedImage"],
                "files": report["media files"],
                "bytes": report["media bytes"],
            }
            + f" / The backup is usable: {report['tables']} tables match the manifest, "
            f"{report['media files']} media files ({report['media bytes']} bytes)."
        )
        if not report["media listed"]:
            self.stdout.write(
                _("Bản sao lưu cũ: manifest không liệt kê tệp media, chỉ kiểm tra được số bản ghi.")
                + " / An older backup: its manifest lists no media files; only the row counts were checked."
            )

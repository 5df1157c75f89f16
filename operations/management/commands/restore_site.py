from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from operations.backup import counts
from operations.restore import restore_backup, restore_lock, settle, settled_message


class Command(BaseCommand):
    help = _(
        "Khôi phục trang từ một bản sao lưu của backup_site: kiểm tra toàn bộ bản sao lưu, rồi thay cơ sở dữ liệu "
        "và thư mục media, hoặc không thay gì cả. Không có ARCHIVE: chỉ hoàn tất hoặc huỷ một lần khôi phục bị ngắt. "
        "Nên dừng trang (hoặc chuyển sang chế độ bảo trì) trong lúc khôi phục."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", nargs="?", help=_("tệp .tar.gz do backup_site tạo ra"))
        parser.add_argument(
            "--noinput", "--no-input", action="store_false", dest="interactive", help=_("không hỏi xác nhận")
        )
        parser.add_argument(
            "--keep-media",
            action="store_true",
            help=_("chỉ khôi phục cơ sở dữ liệu, giữ nguyên thư mục media hiện tại"),
        )

    def handle(self, *args, archive, interactive, keep_media, **options):
        with restore_lock():
            # A restore killed earlier is finished (its database was committed) or undone first.
            settled = settle()
            if settled:
                self.stdout.write(settled_message(settled))
            elif archive is None:
                self.stdout.write(_("Không có lần khôi phục nào bị ngắt.") + " / No interrupted restore.")
            if archive is None:
                return
            report = restore_backup(archive, keep_media=keep_media, confirm=self.confirm if interactive else None)
        found = counts()
        self.stdout.write(
            _("Đã khôi phục từ %(archive)s: %(pages)d trang, %(revisions)d phiên bản, %(images)d ảnh.")
            % {
                "archive": report["path"],
                "pages": found["wagtailcore.Page"],
                "revisions": found["wagtailcore.Revision"],
                "images": found["images.CaptionedImage"],
            }
        )
        if keep_media:
            self.stdout.write(_("Thư mục media giữ nguyên như trước.") + " / The media folder was kept as it was.")
        self.stdout.write(_("Nếu bản sao lưu cũ hơn mã nguồn hiện tại, chạy tiếp: python manage.py migrate"))

    def confirm(self, report):
        answer = input(
            _(
                "Bản sao lưu lúc %(created)s đã được kiểm tra: %(pages)d trang, %(files)d tệp media. Khôi phục sẽ XOÁ "
                "toàn bộ dữ liệu và tệp hiện có của trang và thay bằng bản sao lưu. Gõ 'yes' để tiếp tục: "
            )
            % {
                "created": report["created"],
                "pages": report["counts"]["wagtailcore.Page"],
                "files": report["media files"],
            }
        )
        if answer.strip().lower() != "yes":
            raise CommandError(_("Đã huỷ khôi phục; không có gì thay đổi.") + " / Restore cancelled; nothing changed.")

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from operations.backup import Archive, counts, restore_backup


class Command(BaseCommand):
    help = _(
        "Khôi phục trang từ một bản sao lưu của backup_site: thay toàn bộ cơ sở dữ liệu và thư mục media. "
        "Nên dừng trang (hoặc chuyển sang chế độ bảo trì) trong lúc khôi phục."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help=_("tệp .tar.gz do backup_site tạo ra"))
        parser.add_argument(
            "--noinput", "--no-input", action="store_false", dest="interactive", help=_("không hỏi xác nhận")
        )

    def handle(self, *args, archive, interactive, **options):
        archive = Archive(archive)  # checked before anything is changed
        if interactive:
            answer = input(
                _(
                    "Khôi phục sẽ XOÁ toàn bộ dữ liệu và tệp hiện có của trang và thay bằng bản sao lưu lúc "
                    "%(created)s. Gõ 'yes' để tiếp tục: "
                )
                % {"created": archive.manifest.get("created", "?")}
            )
            if answer.strip().lower() != "yes":
                raise CommandError(_("Đã huỷ khôi phục; không có gì thay đổi."))
        restore_backup(archive)
        found = counts()
        self.stdout.write(
            _("Đã khôi phục từ %(archive)s: %(pages)d trang, %(revisions)d phiên bản, %(images)d ảnh.")
            % {
                "archive": archive.path,
                "pages": found["wagtailcore.Page"],
                "revisions": found["wagtailcore.Revision"],
                "images": found["images.CaptionedImage"],
            }
        )
        if found != archive.manifest.get("counts"):
            raise CommandError(
                _("Số bản ghi sau khi khôi phục khác với bản sao lưu: %(expected)s, nay %(found)s.")
                % {"expected": archive.manifest.get("counts"), "found": found}
            )
        self.stdout.write(_("Nếu bản sao lưu cũ hơn mã nguồn hiện tại, chạy tiếp: python manage.py migrate"))

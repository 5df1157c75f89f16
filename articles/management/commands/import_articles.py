from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from wagtail.models import Site

from articles.importer import ArticleImporter, RecordError, parse_record
from articles.models import ArticleIndexPage


class Command(BaseCommand):
    help = _(
        "Nhập tin bài từ tệp JSON Lines (mỗi dòng một bài, xem docs/content.md). Bài trùng slug được cập nhật, "
        "không nhân đôi; dòng lỗi được báo kèm số dòng và không ảnh hưởng các dòng khác."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help=_("tệp .jsonl, UTF-8"))
        parser.add_argument("--section", metavar="SLUG", help=_("đưa mọi bài vào chuyên mục có slug này"))
        parser.add_argument("--publish", action="store_true", help=_("xuất bản ngay (mặc định: lưu bản nháp)"))

    def handle(self, *args, file, section=None, publish=False, **options):
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if site is None:
            raise CommandError(_("Chưa có site mặc định: hãy chạy “python manage.py migrate” trước."))
        home = site.root_page.specific
        section_page = None
        if section:
            section_page = ArticleIndexPage.objects.child_of(home).filter(slug=section).first()
            if section_page is None:
                raise CommandError(_("Không có chuyên mục với slug “%(slug)s”.") % {"slug": section})

        try:
            with open(file, encoding="utf-8-sig") as handle:
                lines = handle.read().splitlines()
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(_("Không đọc được tệp %(file)s: %(error)s") % {"file": file, "error": error}) from error

        importer = ArticleImporter(home, section=section_page, publish=publish)
        counts = {"created": 0, "updated": 0, "unchanged": 0}
        failures = []
        numbered = [(number, line) for number, line in enumerate(lines, start=1) if line.strip()]
        progress = Progress(self.stderr, len(numbered), enabled=options["verbosity"] > 0)

        # Every line is read before any is saved: a slug on several lines is imported once, from its last line.
        # Importing each in turn would save the article once per line, adding revisions that undo one another on
        # every run of the same file.
        records = []
        for number, line in numbered:
            try:
                records.append((number, parse_record(line)))
            except RecordError as error:
                failures.append(number)
                progress.message(_("Dòng %(line)s: %(error)s") % {"line": number, "error": error})
        lines_of = {}
        for number, record in records:
            lines_of.setdefault(record.slug, []).append(number)
        skipped = 0
        for slug, numbers in lines_of.items():
            if len(numbers) > 1:
                skipped += len(numbers) - 1
                progress.message(
                    _("Dòng %(lines)s: cùng slug “%(slug)s”; chỉ dòng %(last)s (dòng cuối) được nhập.")
                    % {"lines": ", ".join(str(number) for number in numbers), "slug": slug, "last": numbers[-1]}
                )

        done = len(failures)  # the lines that could not be read are done
        if done:
            progress.update(done)
        for number, record in records:
            done += 1
            if lines_of[record.slug][-1] != number:
                progress.update(done)
                continue
            try:
                counts[importer.import_record(record)] += 1
            except RecordError as error:
                failures.append(number)
                progress.message(_("Dòng %(line)s: %(error)s") % {"line": number, "error": error})
            except Exception as error:  # noqa: BLE001 - one bad record must not stop the others
                failures.append(number)
                progress.message(
                    _("Dòng %(line)s: không lưu được (%(kind)s: %(error)s)")
                    % {"line": number, "kind": type(error).__name__, "error": error}
                )
            progress.update(done)
        progress.finish()
        failures.sort()

        summary = _(
            "Đã đọc %(total)s bài: %(created)s tạo mới, %(updated)s cập nhật, %(unchanged)s không đổi, %(failed)s lỗi."
        ) % {"total": len(numbered), "failed": len(failures), **counts}
        if skipped:
            summary += " " + _("%(skipped)s dòng trùng slug bỏ qua.") % {"skipped": skipped}
        if failures:
            lines_text = ", ".join(str(number) for number in failures[:20])
            raise CommandError(f"{summary} " + _("Các dòng lỗi: %(lines)s.") % {"lines": lines_text})
        self.stdout.write(self.style.SUCCESS(summary))


class Progress:
    """A progress bar on a terminal; occasional lines otherwise (logs, CI)."""

    WIDTH = 30

    def __init__(self, stream, total, enabled=True):
        self.stream = stream
        self.total = total
        self.enabled = enabled and total > 0
        self.tty = stream.isatty()
        self.step = max(1, total // 10)

    def update(self, done):
        if not self.enabled:
            return
        if self.tty:
            filled = self.WIDTH * done // self.total
            bar = "#" * filled + "." * (self.WIDTH - filled)
            self.stream.write(f"\r[{bar}] {done}/{self.total}", ending="")
            self.stream.flush()
        elif done % self.step == 0 or done == self.total:
            self.stream.write(f"{done}/{self.total}")

    def message(self, text):
        if self.tty and self.enabled:
            self.stream.write("\r" + " " * (self.WIDTH + 20) + "\r", ending="")
        self.stream.write(text)

    def finish(self):
        if self.tty and self.enabled:
            self.stream.write("")

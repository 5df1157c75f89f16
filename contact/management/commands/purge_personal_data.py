"""Deletes readers' personal data older than PERSONAL_DATA_RETENTION_DAYS (Decree 13/2023/ND-CP): contact
messages here, and whatever other apps register with the "purge_personal_data" hook (legal questions). Run daily
from cron (docs/deployment.md, "Periodic commands")."""

from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.contrib.forms.models import FormSubmission

from contact.personal_data import retention_days


def purge_form_submissions(cutoff, dry_run):
    # Every form page of the site collects what readers type about themselves: all their submissions age out.
    old = FormSubmission.objects.filter(submit_time__lt=cutoff)
    count = old.count()
    if not dry_run:
        old.delete()
    return [(_("tin nhắn liên hệ đã xoá"), count)]


class Command(BaseCommand):
    help = "Xoá (hoặc ẩn danh) dữ liệu cá nhân bạn đọc gửi quá thời hạn lưu PERSONAL_DATA_RETENTION_DAYS."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Chỉ đếm, không xoá gì.")
        parser.add_argument("--days", type=int, help="Thời hạn lưu (ngày), thay cho PERSONAL_DATA_RETENTION_DAYS.")

    def handle(self, *args, dry_run=False, days=None, **options):
        days = retention_days() if days is None else days
        if days < 1:
            raise CommandError(_("Thời hạn lưu phải từ 1 ngày trở lên (--days)."))
        cutoff = timezone.now() - timedelta(days=days)
        with transaction.atomic():
            lines = purge_form_submissions(cutoff, dry_run)
            for purge in hooks.get_hooks("purge_personal_data"):
                lines += purge(cutoff, dry_run)
        prefix = _("(thử, không xoá) ") if dry_run else ""
        cutoff_text = timezone.localtime(cutoff).strftime("%d/%m/%Y %H:%M")
        self.stdout.write(prefix + _("Dữ liệu cá nhân gửi trước %(cutoff)s:") % {"cutoff": cutoff_text})
        for label, count in lines:
            self.stdout.write(f"  {count} {label}")

"""Readers' personal data (Decree 13/2023/ND-CP): who sees it, how it leaves the admin, how long it stays.

- Contact messages and legal questions with their askers' names, e-mails and phones are seen only by the group
  "Tiếp nhận ý kiến bạn đọc" and administrators (contact/wagtail_hooks.py, legal_qa's permissions).
- Spreadsheet exports neutralise formulas: a cell a reader typed as "=HYPERLINK(...)" must not run in the
  handler's spreadsheet program (CSV injection).
- After PERSONAL_DATA_RETENTION_DAYS, `manage.py purge_personal_data` deletes it, or anonymises it where the
  record must stay; each app says how for its own data through the "purge_personal_data" hook."""

from django.conf import settings
from django.utils.functional import cached_property
from wagtail.contrib.forms.panels import FormSubmissionsPanel

from editorial.roles import READER_MESSAGES

# What spreadsheet programs read as the start of a formula (OWASP, "CSV injection"), and the full-width forms
# some of them accept too.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


def can_handle(user):
    """Whether this person may see and export readers' personal data."""
    if not (user.is_authenticated and user.is_active):
        return False
    return user.is_superuser or user.groups.filter(name=READER_MESSAGES).exists()


def neutralise(value):
    """A text cell that a spreadsheet would read as a formula, made plain text by a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class FormulaSafeExportMixin:
    """For a view with Wagtail's SpreadsheetExportMixin: every exported cell, CSV and XLSX, goes through
    neutralise()."""

    def preprocess_field_value(self, field, value, export_format):
        return neutralise(super().preprocess_field_value(field, value, export_format))


class PersonalDataSubmissionsPanel(FormSubmissionsPanel):
    """The contact page's "N submissions" box, shown only to those who may open them."""

    class BoundPanel(FormSubmissionsPanel.BoundPanel):
        @cached_property
        def submission_count(self):
            return super().submission_count if can_handle(self.request.user) else 0


def retention_days():
    return settings.PERSONAL_DATA_RETENTION_DAYS

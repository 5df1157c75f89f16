from wagtail.contrib.forms.views import SubmissionsListView

from contact.personal_data import FormulaSafeExportMixin


class SafeSubmissionsListView(FormulaSafeExportMixin, SubmissionsListView):
    """Wagtail's list of a form's submissions, whose CSV and XLSX exports neutralise formulas."""

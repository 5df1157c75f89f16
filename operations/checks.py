from django.core.checks import Warning as CheckWarning
from django.core.checks import register
from django.utils.translation import gettext as _


@register()
def interrupted_restore(app_configs, **kwargs):
    """Every manage.py command (and the web processes' start) says so while a killed restore is unsettled: until
    then the site may show the restored database with the old media folder (docs/backup.md)."""
    from operations.restore import pending_path

    if not pending_path().exists():
        return []
    return [
        CheckWarning(
            _("Một lần khôi phục bị ngắt giữa chừng chưa được xử lý (%(path)s).") % {"path": pending_path()}
            + " / An interrupted restore is not settled yet.",
            hint="python manage.py restore_site",
            id="operations.W001",
        )
    ]

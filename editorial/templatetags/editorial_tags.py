import datetime

from django import template
from django.utils.formats import date_format
from django.utils.timezone import is_aware, localtime

from editorial.changes_requested import for_object

register = template.Library()


@register.simple_tag
def changes_requested_for(obj):
    """The request for changes this page or snippet waits on, or None (editorial/changes_requested.py)."""
    return for_object(obj) if obj is not None else None


@register.filter
def listing_date(value):
    """dd/mm/yyyy for a date, dd/mm/yyyy HH:MM in the site's time for a moment (admin listings)."""
    if isinstance(value, datetime.datetime):
        return date_format(localtime(value) if is_aware(value) else value, "d/m/Y H:i")
    if isinstance(value, datetime.date):
        return date_format(value, "d/m/Y")
    return value

from django import template

from editorial.changes_requested import for_object

register = template.Library()


@register.simple_tag
def changes_requested_for(obj):
    """The request for changes this page or snippet waits on, or None (editorial/changes_requested.py)."""
    return for_object(obj) if obj is not None else None

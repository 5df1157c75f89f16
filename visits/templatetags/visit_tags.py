from django import template
from wagtail.models import Site

from visits.stats import site_figures

register = template.Library()


@register.inclusion_tag("visits/statistics.html", takes_context=True)
def visit_statistics(context):
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    return {"figures": site_figures(site.pk if site else 0)}

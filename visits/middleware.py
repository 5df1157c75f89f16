import logging

from django.db import DatabaseError
from django.utils import timezone

from operations.client_address import client_ip
from visits.counting import is_bot, record_view, visitor_hash

logger = logging.getLogger(__name__)

# Set by the public pages' serve(); stored with the response, so a page served from a whole-page cache still
# says which page it is. Previews (serve_preview), admin views, static files and error pages never carry it.
PAGE_HEADER = "X-Page-Id"


class CountPageViewsMiddleware:
    """Counts views of public pages. It must stay above any cache middleware in MIDDLEWARE, so that it sees
    cached responses too."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        page_id = response.get(PAGE_HEADER)
        if page_id and self.counts(request, response):
            user_agent = request.META.get("HTTP_USER_AGENT", "")
            try:
                record_view(int(page_id), visitor_hash(client_ip(request), user_agent, timezone.localdate()))
            except DatabaseError:  # reading must never fail because counting did
                logger.exception("Could not count a view of page %s", page_id)
        return response

    @staticmethod
    def counts(request, response):
        return (
            request.method == "GET"
            and response.status_code == 200
            and not is_bot(request.META.get("HTTP_USER_AGENT", ""))
            and not request.user.is_authenticated
        )


class CountedPageMixin:
    """For public page types: label the response with the page, for CountPageViewsMiddleware."""

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        response[PAGE_HEADER] = str(self.pk)
        return response

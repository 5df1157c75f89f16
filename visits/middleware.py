import logging

from django.db import DatabaseError
from django.utils import timezone

from operations.client_address import client_ip, limited_address
from operations.robots import is_reading
from visits.counting import address_hash, daily_salt, record_view, visitor_hash

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
        if page_id and is_reading(request, response):
            user_agent = request.META.get("HTTP_USER_AGENT", "")
            ip, day = client_ip(request), timezone.localdate()
            try:
                salt = daily_salt(day)
                visitor, address = visitor_hash(ip, user_agent, day, salt), address_hash(limited_address(ip), day, salt)
                record_view(int(page_id), visitor, address=address)
            except DatabaseError:  # reading must never fail because counting did
                logger.exception("Could not count a view of page %s", page_id)
        return response


class CountedPageMixin:
    """For public page types: label the response with the page, for CountPageViewsMiddleware."""

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        response[PAGE_HEADER] = str(self.pk)
        return response

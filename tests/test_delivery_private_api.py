"""The private attributes of Wagtail and Django the delivery layer relies on (docs/delivery.md), each pinned here,
so that an upgrade that renames or drops one fails loudly here rather than silently serving uncached or wrong
pages."""

import inspect

import pytest
from django.core.cache.backends.redis import RedisCacheClient
from django.test import RequestFactory
from wagtail.models import Page, Site
from wagtail.models.preview import PreviewableMixin

pytestmark = pytest.mark.django_db


def test_wagtail_keeps_the_request_s_site_where_we_put_it(home):
    request = RequestFactory().get("/")
    marker = Site(hostname="marker.invalid", root_page=home)
    request._wagtail_site = marker
    assert Site.find_for_request(request) is marker
    assert callable(Site._find_for_request)


def test_wagtail_keeps_the_request_s_route_where_we_put_it(seed_article):
    request = RequestFactory().get("/")
    request._wagtail_route_for_request = (seed_article, [], {})
    assert Page.route_for_request(request, "/anything/") == (seed_article, [], {})


def test_wagtail_reads_the_site_root_paths_from_the_request():
    source = inspect.getsource(Page._get_site_root_paths)
    assert "_wagtail_cached_site_root_paths" in source


def test_wagtail_marks_its_made_up_preview_requests():
    source = inspect.getsource(PreviewableMixin.make_preview_request)
    assert "request.is_dummy = True" in source
    assert "request.is_preview = True" in source


def test_django_s_redis_client_has_what_the_fail_soft_client_overrides():
    assert callable(RedisCacheClient._get_connection_pool)
    assert "self._client = " in inspect.getsource(RedisCacheClient.__init__)


def test_wagtail_extracts_references_from_an_unsaved_object():
    """images/in_use.py reads what a revision in moderation shows as the reference index would record it."""
    from wagtail.models import ReferenceIndex

    assert callable(ReferenceIndex._extract_references_from_object)
    assert (
        "content_type_id, object_id, model_path, content_path" in ReferenceIndex._extract_references_from_object.__doc__
    )

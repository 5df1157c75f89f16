"""Admin listings show dates as dd/mm/yyyy (with the time, Asia/Ho_Chi_Minh), not "1 năm trước"; how long ago is
in the tooltip."""

import datetime
import re

import pytest
from django.test import Client
from django.utils import timezone

pytestmark = pytest.mark.django_db


def test_the_page_listing_shows_dates(editor, seed_article):
    edited = timezone.now() - datetime.timedelta(days=400)
    type(seed_article).objects.filter(pk=seed_article.pk).update(latest_revision_created_at=edited)
    client = Client()
    client.force_login(editor)
    html = client.get(f"/admin/pages/{seed_article.get_parent().pk}/").content.decode()
    dates = re.findall(r'<time class="w-human-readable-date__date"[^>]*>\s*([^<]*?)\s*</time>', html)
    assert dates and all(re.fullmatch(r"\d\d/\d\d/\d{4}( \d\d:\d\d)?", date) for date in dates), dates
    assert timezone.localtime(edited).strftime("%d/%m/%Y %H:%M") in dates
    assert "năm trước" in html  # in the tooltip only
    assert not any("trước" in date for date in dates)


def test_a_plain_date_is_shown_without_a_time():
    """Some listings show a date, not a moment (an article's date, in the articles' listing)."""
    from django.template.loader import render_to_string

    html = render_to_string(
        "wagtailadmin/shared/human_readable_date.html", {"date": datetime.date(2025, 11, 20), "placement": "top"}
    )
    assert re.search(r">\s*20/11/2025\s*</time>", html)

"""Counting a view: once per visitor and page in VIEW_INTERVAL, atomically in the database, by at most two
writes in the common case (the visitor record, the day's counter).

A visitor is (address, user agent), so that two people behind one address count twice; but a user agent costs
nothing to change, so an address also has a daily cap of counted views per page (VISITS_MAX_VIEWS_PER_ADDRESS),
counted atomically in the cache under a salted hash of (address, page) that changes every day. Robots and
prefetches are not counted at all (visits/middleware.py). docs/abuse-limits.md states these limits."""

import hashlib
import logging
import secrets
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from operations.limits import take, used
from visits.models import DailyPageViews, DailySalt, RecentView

logger = logging.getLogger(__name__)

VIEW_INTERVAL = timedelta(minutes=30)
ONLINE_WINDOW = timedelta(minutes=5)
RETENTION = timedelta(days=1)


def daily_salt(day):
    """Today's random salt; the first request of a day creates it and purges what is past retention."""
    key = f"visits:salt:{day.isoformat()}"
    salt = cache.get(key)
    if salt is None:
        try:
            with transaction.atomic():
                record, created = DailySalt.objects.get_or_create(day=day, defaults={"salt": secrets.token_hex(32)})
        except IntegrityError:  # another process created it at the same moment
            record, created = DailySalt.objects.get(day=day), False
        if created:
            purge(timezone.now())
        salt = record.salt
        cache.set(key, salt, 2 * 24 * 3600)
    return salt


def visitor_hash(ip, user_agent, day, salt=None):
    salt = salt or daily_salt(day)
    return hashlib.sha256(f"{salt}|{ip}|{user_agent}".encode()).hexdigest()[:40]


def address_hash(ip, day, salt=None):
    """The address alone, for its daily cap; salted like the visitor, so also unlinkable after the day."""
    salt = salt or daily_salt(day)
    return hashlib.sha256(f"{salt}|address|{ip}".encode()).hexdigest()[:40]


def address_cap_key(address, page_id):
    return f"visits:cap:{address}:{page_id}"


def purge(now):
    """Forget visitors past retention and the salts of past days (their hashes can no longer be linked)."""
    RecentView.objects.filter(seen_at__lt=now - RETENTION).delete()
    DailySalt.objects.filter(day__lt=timezone.localdate(now)).delete()


def record_view(page_id, visitor, now=None, address=None):
    """Count a view of the page by this visitor unless they were counted for it in the last VIEW_INTERVAL, or
    their address (an address_hash) has had its cap of counted views of the page today. Returns whether it was
    counted."""
    now = now or timezone.now()
    cap = settings.VISITS_MAX_VIEWS_PER_ADDRESS
    cap_key = address_cap_key(address, page_id) if address and cap else None
    if cap_key and used(cap_key) >= cap:
        return False  # spent for today: not even a visitor record is written
    try:
        with transaction.atomic():
            RecentView.objects.create(visitor=visitor, page_id=page_id, counted_at=now, seen_at=now)
        counted = True
    except IntegrityError:
        # Seen before. A reload within the interval, by far the commoner case, costs one UPDATE more; a view after
        # it, two (the first matches nothing).
        recent = RecentView.objects.filter(visitor=visitor, page_id=page_id)
        cutoff = now - VIEW_INTERVAL
        counted = (
            not recent.filter(counted_at__gt=cutoff).update(seen_at=now)
            and recent.filter(counted_at__lte=cutoff).update(counted_at=now, seen_at=now) == 1
        )
    if counted and cap_key:
        # Taken atomically, so concurrent requests with as many user agents cannot all pass the check above. The
        # key's salt changes at midnight, so a day and an hour is long enough to keep it.
        counted = take(cap_key, cap, 25 * 3600)
    if counted:
        increment(page_id, timezone.localdate(now))
    return counted


def increment(page_id, day):
    counters = DailyPageViews.objects.filter(page_id=page_id, day=day)
    if counters.update(views=F("views") + 1):
        return
    try:
        with transaction.atomic():
            DailyPageViews.objects.create(page_id=page_id, day=day, views=1)
    except IntegrityError:  # the day's first views, concurrently: the other one created the row
        counters.update(views=F("views") + 1)

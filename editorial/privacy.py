"""A page's privacy is its translations' privacy: a view restriction (password, login, groups) set on a page in
one language is set on its translations too, and removing it removes it from them.

wagtail-localize copies restrictions only when a translation is synced, so a restriction set on the Vietnamese
page used to leave its English translation public, readable, listed and searchable. Here restrictions are
mirrored as they change (and when a translation is created), as real restrictions: Wagtail's own checks, the
admin's privacy indicator, `.public()`, the listings, the search index and the sitemap all see them. The
mirroring is symmetric, so an editor may set or remove the restriction from any language; the password of a
mirrored restriction is the same, but a reader who typed it for one language types it again for the other."""

import threading

from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.models import Page, PageViewRestriction

from delivery import deletions

mirroring = threading.local()


def translations(page):
    return Page.objects.filter(translation_key=page.translation_key).exclude(pk=page.pk)


def copy_restriction(restriction, page):
    """Gives `page` the same restriction, replacing any it had."""
    PageViewRestriction.objects.filter(page=page).delete()
    copy = PageViewRestriction.objects.create(
        page=page, restriction_type=restriction.restriction_type, password=restriction.password
    )
    copy.groups.set(restriction.groups.all())


def in_mirror(function):
    """Runs `function` unless this thread is already mirroring (the copies' own signals)."""

    def wrapper(*args, **kwargs):
        if getattr(mirroring, "active", False) or kwargs.get("raw"):
            return
        mirroring.active = True
        try:
            function(*args, **kwargs)
        finally:
            mirroring.active = False

    return wrapper


@in_mirror
def restriction_saved(sender, instance, **kwargs):
    for page in translations(instance.page):
        copy_restriction(instance, page)


@in_mirror
def restriction_groups_changed(sender, instance, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear") and isinstance(instance, PageViewRestriction):
        for restriction in PageViewRestriction.objects.filter(page__in=translations(instance.page)):
            restriction.groups.set(instance.groups.all())


@in_mirror
def restriction_deleted(sender, instance, **kwargs):
    if deletions.being_deleted(instance.page_id):  # deleted with its page: the translations keep theirs
        return
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        PageViewRestriction.objects.filter(page__in=translations(page)).delete()


@in_mirror
def page_created(sender, instance, created, **kwargs):
    """A new translation of a restricted page is restricted from its first save."""
    if not created or not isinstance(instance, Page):
        return
    source = (
        PageViewRestriction.objects.filter(page__translation_key=instance.translation_key)
        .exclude(page=instance)
        .first()
    )
    if source is not None and not PageViewRestriction.objects.filter(page=instance).exists():
        copy_restriction(source, instance)


def connect_signals():
    post_save.connect(restriction_saved, sender=PageViewRestriction, dispatch_uid="privacy-restriction-saved")
    post_delete.connect(restriction_deleted, sender=PageViewRestriction, dispatch_uid="privacy-restriction-deleted")
    m2m_changed.connect(
        restriction_groups_changed, sender=PageViewRestriction.groups.through, dispatch_uid="privacy-groups"
    )
    # Every page type's post_save: a translation is saved as its own specific class.
    post_save.connect(page_created, dispatch_uid="privacy-translation-created")

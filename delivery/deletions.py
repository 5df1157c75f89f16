"""The pages this thread is deleting. Deleting a page deletes its view restriction with it (a cascade), and the
handlers of a restriction's deletion must tell that apart from an editor lifting the restriction: the page's
translations keep theirs (editorial/privacy.py), and the page is not indexed again (search/indexing.py; an entry
pointing to a deleted page is a foreign key error on PostgreSQL). A page id is forgotten once its deletion is
done: SQLite reuses the ids of rolled-back rows."""

import threading

from django.db.models import Model
from django.db.models.signals import post_delete, pre_delete
from wagtail.models import Page

state = threading.local()


def being_deleted(page_id: int) -> bool:
    return page_id in getattr(state, "pks", ())


def page_deleting(sender: type[Model], instance: Model, **kwargs: object) -> None:
    if isinstance(instance, Page):
        state.pks = {*getattr(state, "pks", set()), instance.pk}


def page_deleted(sender: type[Model], instance: Model, **kwargs: object) -> None:
    if isinstance(instance, Page):
        getattr(state, "pks", set()).discard(instance.pk)


def connect_signals() -> None:

    pre_delete.connect(page_deleting, dispatch_uid="deletions-page-deleting")
    post_delete.connect(page_deleted, dispatch_uid="deletions-page-deleted")

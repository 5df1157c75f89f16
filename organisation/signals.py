"""The structure and leadership pages carry the names and positions of the published units and officials in their
search entries (search/indexing.py); a change to those refreshes the entries of the live pages showing them."""

from django.db.models.signals import post_delete, post_save


def reindex_organisation_pages(sender, instance, raw=False, **kwargs):
    if raw:
        return
    from organisation.models import LeadershipPage, StructurePage
    from search.indexing import index_page

    # The pages read the units and officials from the database, as published: a draft kept in memory is not seen.
    for model in (StructurePage, LeadershipPage):
        for page in model.objects.live():
            index_page(page)


def connect_signals():
    from organisation.models import Official, Unit

    for model in (Unit, Official):
        for signal in (post_save, post_delete):
            signal.connect(
                reindex_organisation_pages, sender=model, dispatch_uid=f"organisation-reindex-{model}-{id(signal)}"
            )

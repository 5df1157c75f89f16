"""Existing view restrictions are mirrored to the translations of their pages (editorial/privacy.py mirrors them
from now on): an English translation of a restricted Vietnamese page was public. Nothing is undone on the way
back: removing a restriction could make a page public."""

from django.db import migrations


def mirror_existing_restrictions(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    PageViewRestriction = apps.get_model("wagtailcore", "PageViewRestriction")
    for restriction in PageViewRestriction.objects.select_related("page").order_by("pk"):
        translations = Page.objects.filter(translation_key=restriction.page.translation_key).exclude(
            pk=restriction.page_id
        )
        for page in translations:
            if PageViewRestriction.objects.filter(page=page).exists():
                continue  # restricted already (its own restriction is kept)
            copy = PageViewRestriction.objects.create(
                page=page, restriction_type=restriction.restriction_type, password=restriction.password
            )
            copy.groups.set(restriction.groups.all())


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0005_reader_messages_group"),
    ]

    operations = [migrations.RunPython(mirror_existing_restrictions, migrations.RunPython.noop)]

"""Editors and approvers see what readers searched for (search's report) and choose promoted results for a search
(wagtail.contrib.search_promotions): editorial/roles.py SEARCH_PERMISSIONS. Reversible."""

from django.db import migrations

from editorial import roles


def permission(apps, app_label: str, model: str, codename: str):  # noqa: ANN201 (a historical model)
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    # Django creates model permissions after all migrations (post_migrate); create any missing one now.
    found, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": codename.replace("_", " ").capitalize()}
    )
    return found


def grant(apps, schema_editor) -> None:
    for group in apps.get_model("auth.Group").objects.filter(name__in=[roles.EDITORS, roles.APPROVERS]):
        group.permissions.add(*(permission(apps, *spec) for spec in roles.SEARCH_PERMISSIONS))


def revoke(apps, schema_editor) -> None:
    for group in apps.get_model("auth.Group").objects.filter(name__in=[roles.EDITORS, roles.APPROVERS]):
        group.permissions.remove(*(permission(apps, *spec) for spec in roles.SEARCH_PERMISSIONS))


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0006_restrictions_follow_translations"),
        ("search", "0005_search_log"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]

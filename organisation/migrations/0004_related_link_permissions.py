"""Approvers maintain the links box ("Liên kết website"), as administrators do."""

from django.db import migrations

from editorial import roles

CODENAMES = ["add_relatedlink", "change_relatedlink", "view_relatedlink", "delete_relatedlink"]


def permissions(apps):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="organisation", model="relatedlink")
    return [
        Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": codename.replace("_", " ").capitalize()}
        )[0]
        for codename in CODENAMES
    ]


def grant(apps, schema_editor):
    for group in apps.get_model("auth.Group").objects.filter(name=roles.APPROVERS):
        group.permissions.add(*permissions(apps))


def revoke(apps, schema_editor):
    for group in apps.get_model("auth.Group").objects.filter(name=roles.APPROVERS):
        group.permissions.remove(*permissions(apps))


class Migration(migrations.Migration):
    dependencies = [("organisation", "0003_relatedlink"), ("organisation", "0002_permissions")]

    operations = [migrations.RunPython(grant, revoke)]

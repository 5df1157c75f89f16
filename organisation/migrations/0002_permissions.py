"""Editors maintain the units and officials; approvers may also delete them. The groups come from
editorial/0001."""

from django.db import migrations

from editorial import roles

MODELS = ["unit", "official"]
BY_GROUP = {
    roles.EDITORS: ["add", "change", "view"],
    roles.APPROVERS: ["add", "change", "view", "delete"],
}


def permissions(apps, group_name):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    found = []
    for model in MODELS:
        content_type, _ = ContentType.objects.get_or_create(app_label="organisation", model=model)
        for action in BY_GROUP[group_name]:
            codename = f"{action}_{model}"
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type, codename=codename, defaults={"name": codename.replace("_", " ").capitalize()}
            )
            found.append(permission)
    return found


def grant(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    for group in Group.objects.filter(name__in=BY_GROUP):
        group.permissions.add(*permissions(apps, group.name))


def revoke(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    for group in Group.objects.filter(name__in=BY_GROUP):
        group.permissions.remove(*permissions(apps, group.name))


class Migration(migrations.Migration):
    dependencies = [
        ("organisation", "0001_initial"),
        ("editorial", "0001_groups_and_workflow"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, revoke)]

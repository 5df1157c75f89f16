"""The legal staff answer and publish questions: approvers (Người duyệt) get every permission on them.
Administrators have them anyway."""

from django.db import migrations

from editorial import roles

CODENAMES = ["add_legalquestion", "change_legalquestion", "view_legalquestion", "delete_legalquestion"]


def permissions(apps):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label="legal_qa", model="legalquestion")
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
    dependencies = [
        ("legal_qa", "0001_initial"),
        ("editorial", "0001_groups_and_workflow"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, revoke)]

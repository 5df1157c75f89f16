"""The group that handles readers' personal data ("Tiếp nhận ý kiến bạn đọc"): contact messages (through
contact/wagtail_hooks.py) and legal questions with their askers' details. Approvers, who had the legal questions
(legal_qa 0002), give them up: the law wants such data seen only by those who process it. Reversible."""

from django.db import migrations

from editorial import roles

LEGAL_QUESTIONS = [spec for spec in roles.READER_MESSAGES_PERMISSIONS if spec[0] == "legal_qa"]


def permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    found, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": codename.replace("_", " ").capitalize()}
    )
    return found


def create_group(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    group, _ = Group.objects.get_or_create(name=roles.READER_MESSAGES)
    group.permissions.add(*(permission(apps, *spec) for spec in roles.READER_MESSAGES_PERMISSIONS))
    for approvers in Group.objects.filter(name=roles.APPROVERS):
        approvers.permissions.remove(*(permission(apps, *spec) for spec in LEGAL_QUESTIONS))


def remove_group(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Group.objects.filter(name=roles.READER_MESSAGES).delete()
    for approvers in Group.objects.filter(name=roles.APPROVERS):
        approvers.permissions.add(*(permission(apps, *spec) for spec in LEGAL_QUESTIONS))


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0004_workflow_uses_independent_approval"),
        ("legal_qa", "0002_permissions"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]

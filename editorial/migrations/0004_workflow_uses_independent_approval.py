"""The existing approval step of "Duyệt tin bài" becomes an IndependentApprovalTask in place: same task row (so
workflows, pages and snippets in moderation and their history keep pointing at it), same groups, new type.
Every group-approval task of the workflow is converted, whoever created it (pages' and snippets' steps alike).
Reversible: the reverse turns them back into Wagtail's GroupApprovalTask."""

from django.db import migrations

from editorial import roles


def retype(apps, schema_editor, source_name, target_name):
    ContentType = apps.get_model("contenttypes.ContentType")
    Task = apps.get_model("wagtailcore.Task")
    Source = apps.get_model(*source_name.split("."))
    Target = apps.get_model(*target_name.split("."))
    target_type, _ = ContentType.objects.get_or_create(
        app_label=Target._meta.app_label, model=Target._meta.model_name
    )
    in_workflow = Task.objects.filter(workflow_tasks__workflow__name=roles.WORKFLOW).values("pk")
    for old in list(Source.objects.filter(pk__in=in_workflow) | Source.objects.filter(name=roles.APPROVAL_TASK)):
        groups = list(old.groups.all())
        # Only the subtype's row goes: deleting the model instance would delete the task (and its history) too.
        Source.groups.through.objects.filter(**{f"{Source._meta.model_name}_id": old.pk}).delete()
        with schema_editor.connection.cursor() as cursor:
            table = schema_editor.quote_name(Source._meta.db_table)
            cursor.execute(f"DELETE FROM {table} WHERE task_ptr_id = %s", [old.pk])  # noqa: S608 - a table name
        new = Target(task_ptr_id=old.pk, name=old.name, active=old.active, content_type_id=target_type.pk)
        new.save_base(raw=True)  # the subtype's row only; the task row stays as it is
        new.groups.set(groups)
        Task.objects.filter(pk=old.pk).update(content_type=target_type)


def forwards(apps, schema_editor):
    retype(apps, schema_editor, "wagtailcore.GroupApprovalTask", "editorial.IndependentApprovalTask")


def backwards(apps, schema_editor):
    retype(apps, schema_editor, "editorial.IndependentApprovalTask", "wagtailcore.GroupApprovalTask")


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0003_independent_approval_task"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]

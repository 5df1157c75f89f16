"""Official documents go through the newsroom's approval workflow ("Duyệt tin bài", editorial/0001), as pages do:
editors save drafts and submit, approvers publish (docs/approval.md). Existing documents stay live: the new `live`
column defaults to true and each row already holds the published version. Idempotent, and reversible."""

from django.db import migrations

from editorial import roles

APP_LABEL = "official_documents"
MODELS = ["officialdocument"]
# Editors already add and change documents (editorial/0001); approvers now also publish, lock and unlock them.
APPROVER_ACTIONS = ["publish", "lock", "unlock"]


def content_type(apps, model):
    ContentType = apps.get_model("contenttypes.ContentType")
    return ContentType.objects.get_or_create(app_label=APP_LABEL, model=model)[0]


def approver_permissions(apps):
    Permission = apps.get_model("auth.Permission")
    found = []
    for model in MODELS:
        for action in APPROVER_ACTIONS:
            codename = f"{action}_{model}"
            # Wagtail creates these after all migrations (post_migrate); create any missing one now.
            permission, _ = Permission.objects.get_or_create(
                content_type=content_type(apps, model),
                codename=codename,
                defaults={"name": f"Can {action} {model}"},
            )
            found.append(permission)
    return found


def assign(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowContentType = apps.get_model("wagtailcore.WorkflowContentType")
    workflow = Workflow.objects.filter(name=roles.WORKFLOW).first()
    if workflow is not None:
        for model in MODELS:
            WorkflowContentType.objects.get_or_create(
                content_type=content_type(apps, model), defaults={"workflow": workflow}
            )
    for group in Group.objects.filter(name=roles.APPROVERS):
        group.permissions.add(*approver_permissions(apps))


def unassign(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    WorkflowContentType = apps.get_model("wagtailcore.WorkflowContentType")
    WorkflowContentType.objects.filter(
        content_type__app_label=APP_LABEL, content_type__model__in=MODELS, workflow__name=roles.WORKFLOW
    ).delete()
    for group in Group.objects.filter(name=roles.APPROVERS):
        group.permissions.remove(*approver_permissions(apps))


class Migration(migrations.Migration):
    dependencies = [
        ("official_documents", "0003_drafts_and_approval"),
        ("editorial", "0001_groups_and_workflow"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(assign, unassign)]

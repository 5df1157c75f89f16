"""Units, officials and the links box go through the newsroom's approval workflow ("Duyệt tin bài",
editorial/0001), as pages do: editors save drafts and submit, approvers publish (docs/approval.md). Editors may now
propose changes to the links box too, since nothing they save reaches readers before an approver publishes it.
Existing rows stay live: the new `live` column defaults to true and each row already holds the published version.
Idempotent, and reversible."""

from django.db import migrations

from editorial import roles

APP_LABEL = "organisation"
MODELS = ["unit", "official", "relatedlink"]
BY_GROUP = {
    # Editors had add/change/view on units and officials already (0002); get_or_create and add() leave those.
    roles.EDITORS: {"relatedlink": ["add", "change", "view"]},
    roles.APPROVERS: {model: ["publish", "lock", "unlock"] for model in MODELS},
}


def content_type(apps, model):
    ContentType = apps.get_model("contenttypes.ContentType")
    return ContentType.objects.get_or_create(app_label=APP_LABEL, model=model)[0]


def permissions(apps, group_name):
    Permission = apps.get_model("auth.Permission")
    found = []
    for model, actions in BY_GROUP[group_name].items():
        for action in actions:
            codename = f"{action}_{model}"
            # Wagtail and Django create these after all migrations (post_migrate); create any missing one now.
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
    for group in Group.objects.filter(name__in=BY_GROUP):
        group.permissions.add(*permissions(apps, group.name))


def unassign(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    WorkflowContentType = apps.get_model("wagtailcore.WorkflowContentType")
    WorkflowContentType.objects.filter(
        content_type__app_label=APP_LABEL, content_type__model__in=MODELS, workflow__name=roles.WORKFLOW
    ).delete()
    for group in Group.objects.filter(name__in=BY_GROUP):
        group.permissions.remove(*permissions(apps, group.name))


class Migration(migrations.Migration):
    dependencies = [
        ("organisation", "0006_drafts_and_approval"),
        ("organisation", "0004_related_link_permissions"),
        ("editorial", "0001_groups_and_workflow"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(assign, unassign)]

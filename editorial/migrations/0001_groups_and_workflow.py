"""The editorial groups, their permissions and the approval workflow, so that a fresh database already works as
the newsroom does. Idempotent: running it on a database that has them changes nothing."""

from django.db import migrations

from editorial import roles


def permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    # Django creates model permissions after all migrations (post_migrate); create any missing one now.
    found, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": codename.replace("_", " ").capitalize()}
    )
    return found


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Page = apps.get_model("wagtailcore.Page")
    Collection = apps.get_model("wagtailcore.Collection")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore.GroupCollectionPermission")
    ContentType = apps.get_model("contenttypes.ContentType")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore.GroupApprovalTask")
    Task = apps.get_model("wagtailcore.Task")

    root = Page.objects.get(depth=1)
    home = Page.objects.filter(depth=2, content_type__app_label="home").order_by("path").first()
    root_collection = Collection.objects.get(depth=1)

    specs = [
        (roles.EDITORS, roles.EDITOR_PERMISSIONS, roles.EDITOR_PAGE_PERMISSIONS, roles.EDITOR_COLLECTION_PERMISSIONS),
        (
            roles.APPROVERS,
            roles.APPROVER_PERMISSIONS,
            roles.APPROVER_PAGE_PERMISSIONS,
            roles.APPROVER_COLLECTION_PERMISSIONS,
        ),
    ]
    groups = {}
    for name, model_permissions, page_permissions, collection_permissions in specs:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*(permission(apps, *spec) for spec in model_permissions))
        for codename in page_permissions:
            GroupPagePermission.objects.get_or_create(
                group=group, page=home, permission=permission(apps, "wagtailcore", "page", codename)
            )
        for spec in collection_permissions:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=permission(apps, *spec)
            )
        groups[name] = group

    task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    # Any type: 0004 turns this task into an IndependentApprovalTask, and a re-run must find it, not add another.
    task = Task.objects.filter(name=roles.APPROVAL_TASK).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=roles.APPROVAL_TASK, content_type=task_type, active=True)
        task.groups.add(groups[roles.APPROVERS])
    workflow, _ = Workflow.objects.get_or_create(name=roles.WORKFLOW, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    # The whole site: Wagtail's default "Moderators approval" workflow is replaced at the root.
    WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})


def remove_roles(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowPage = apps.get_model("wagtailcore.WorkflowPage")
    Page = apps.get_model("wagtailcore.Page")

    Workflow.objects.filter(name=roles.WORKFLOW).delete()
    apps.get_model("wagtailcore.Task").objects.filter(name=roles.APPROVAL_TASK).delete()  # whatever its type
    Group.objects.filter(name__in=[roles.EDITORS, roles.APPROVERS]).delete()
    default = Workflow.objects.filter(name="Moderators approval").first()
    if default is not None:
        WorkflowPage.objects.update_or_create(page=Page.objects.get(depth=1), defaults={"workflow": default})


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_create_homepage_and_locales"),
        ("official_documents", "0001_initial"),
        ("wagtailcore", "0095_groupsitepermission"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]

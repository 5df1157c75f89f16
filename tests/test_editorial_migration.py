"""The migration that creates the newsroom's groups and workflow changes nothing when run again, and rolls back
cleanly: a rollback and a re-run give the same roles."""

import importlib

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.db import connection
from wagtail.models import (
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Site,
    Workflow,
    WorkflowPage,
)

from editorial import roles
from editorial.models import IndependentApprovalTask

pytestmark = pytest.mark.django_db

migration = importlib.import_module("editorial.migrations.0001_groups_and_workflow")


# What this migration grants, by group: (app label, codename) of model, page and collection permissions. Later
# migrations may grant the groups more (translations, for example); that is theirs to roll back.
GRANTED = {
    group: {(app_label, codename) for app_label, _, codename in model + collection}
    | {("wagtailcore", codename) for codename in page}
    for group, model, page, collection in [
        (
            roles.EDITORS,
            roles.EDITOR_PERMISSIONS,
            roles.EDITOR_PAGE_PERMISSIONS,
            roles.EDITOR_COLLECTION_PERMISSIONS,
        ),
        (
            roles.APPROVERS,
            roles.APPROVER_PERMISSIONS,
            roles.APPROVER_PAGE_PERMISSIONS,
            roles.APPROVER_COLLECTION_PERMISSIONS,
        ),
    ]
}


def granted(group, app_label, codename):
    return (app_label, codename) in GRANTED.get(group, ())


def newsroom():
    """What the migration is responsible for, without database ids that a re-run may change."""
    home = Site.objects.get(is_default_site=True).root_page  # other languages' home pages get theirs later
    page_permissions = GroupPagePermission.objects.filter(page=home).values_list(
        "group__name", "page__url_path", "permission__content_type__app_label", "permission__codename"
    )
    collection_permissions = GroupCollectionPermission.objects.values_list(
        "group__name", "collection__name", "permission__content_type__app_label", "permission__codename"
    )
    return {
        "groups": {
            group.name: sorted(
                (app_label, codename)
                for app_label, codename in group.permissions.values_list("content_type__app_label", "codename")
                if granted(group.name, app_label, codename)
            )
            for group in Group.objects.filter(name__in=[roles.EDITORS, roles.APPROVERS])
        },
        "page permissions": sorted(row for row in page_permissions if granted(row[0], *row[2:])),
        "collection permissions": sorted(row for row in collection_permissions if granted(row[0], *row[2:])),
        "workflows": sorted(
            (workflow.name, workflow.active, [task.name for task in workflow.tasks])
            for workflow in Workflow.objects.all()
        ),
        # Whichever type (0004 changes it): this migration is responsible for who approves.
        "approvers": sorted(
            [*GroupApprovalTask.objects.values_list("name", "groups__name")]
            + [*IndependentApprovalTask.objects.values_list("name", "groups__name")]
        ),
        "site-wide workflow": sorted(WorkflowPage.objects.values_list("page__depth", "workflow__name")),
    }


def test_running_it_again_changes_nothing():
    before = newsroom()
    assert before["groups"] == {
        roles.EDITORS: sorted((app_label, codename) for app_label, _, codename in roles.EDITOR_PERMISSIONS),
        roles.APPROVERS: sorted((app_label, codename) for app_label, _, codename in roles.APPROVER_PERMISSIONS),
    }
    assert before["site-wide workflow"] == [(1, roles.WORKFLOW)]
    migration.create_roles(apps, None)
    assert newsroom() == before


def test_it_rolls_back_to_wagtails_defaults_and_forward_again():
    before = newsroom()
    migration.remove_roles(apps, None)
    removed = newsroom()
    assert removed["groups"] == {}
    assert removed["page permissions"] == removed["collection permissions"] == []
    assert roles.WORKFLOW not in [name for name, _, _ in removed["workflows"]]
    assert removed["site-wide workflow"] == [(1, "Moderators approval")]
    migration.create_roles(apps, None)
    assert newsroom() == before


def test_the_workflow_moves_to_the_independent_approval_step_and_back():
    """0004 changes the type of the existing step in place: same task, same groups, pages in moderation keep it."""
    retyping = importlib.import_module("editorial.migrations.0004_workflow_uses_independent_approval")
    workflow = Workflow.objects.get(name=roles.WORKFLOW)
    [task] = workflow.tasks
    assert isinstance(task.specific, IndependentApprovalTask)
    retyping.backwards(apps, connection.schema_editor())
    [task] = Workflow.objects.get(name=roles.WORKFLOW).tasks
    assert type(task.specific) is GroupApprovalTask
    assert [group.name for group in task.specific.groups.all()] == [roles.APPROVERS]
    retyping.forwards(apps, connection.schema_editor())
    [again] = Workflow.objects.get(name=roles.WORKFLOW).tasks
    assert again.pk == task.pk and isinstance(again.specific, IndependentApprovalTask)
    assert [group.name for group in again.specific.groups.all()] == [roles.APPROVERS]

"""The newsroom translates too: editors and approvers get the same rights on the English home page (and so on
its sections, articles and campaigns) as on the Vietnamese one, and wagtail-localize's permission to start and
sync translations. Publishing stays with the approvers: a translation goes through "Duyệt tin bài" like any page.
Idempotent, and reversible."""

from django.db import migrations

from editorial import roles

SUBMIT_TRANSLATION = ("wagtail_localize", "translation", "submit_translation")


def translated_home_pages(apps):
    """The home pages of other languages than Vietnamese, which has its rights from 0001."""
    Page = apps.get_model("wagtailcore.Page")
    return list(
        Page.objects.filter(depth=2, content_type__app_label="home")
        .exclude(locale__language_code="vi")
        .order_by("path")
    )


def page_permission(apps, codename):
    Permission = apps.get_model("auth.Permission")
    return Permission.objects.get(content_type__app_label="wagtailcore", content_type__model="page", codename=codename)


def submit_translation_permission(apps):
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    app_label, model, codename = SUBMIT_TRANSLATION
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": "Can submit translations"}
    )
    return permission


def grant(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    homes = translated_home_pages(apps)
    for name, codenames in [
        (roles.EDITORS, roles.EDITOR_PAGE_PERMISSIONS),
        (roles.APPROVERS, roles.APPROVER_PAGE_PERMISSIONS),
    ]:
        group = Group.objects.filter(name=name).first()
        if group is None:
            continue
        group.permissions.add(submit_translation_permission(apps))
        for home in homes:
            for codename in codenames:
                GroupPagePermission.objects.get_or_create(
                    group=group, page=home, permission=page_permission(apps, codename)
                )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    groups = Group.objects.filter(name__in=[roles.EDITORS, roles.APPROVERS])
    GroupPagePermission.objects.filter(group__in=groups, page__in=translated_home_pages(apps)).delete()
    permission = submit_translation_permission(apps)
    for group in groups:
        group.permissions.remove(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0001_groups_and_workflow"),
        ("home", "0003_english_home_page"),
        ("wagtail_localize", "0006_create_submit_translation_permission"),
    ]

    operations = [migrations.RunPython(grant, revoke)]

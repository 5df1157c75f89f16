"""What readers searched for (DailySearch, search/log.py), and the permissions of editors and approvers to see it
and to choose promoted results (editorial/roles.py SEARCH_PERMISSIONS). Reversible."""

from django.db import migrations, models

from editorial import roles


def permission(apps, app_label: str, model: str, codename: str):  # noqa: ANN201 (a historical model)
    ContentType = apps.get_model("contenttypes.ContentType")
    Permission = apps.get_model("auth.Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    # Django creates model permissions after all migrations (post_migrate); create any missing one now.
    found, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": codename.replace("_", " ").capitalize()}
    )
    return found


def grant(apps, schema_editor) -> None:
    for group in apps.get_model("auth.Group").objects.filter(name__in=[roles.EDITORS, roles.APPROVERS]):
        group.permissions.add(*(permission(apps, *spec) for spec in roles.SEARCH_PERMISSIONS))


def revoke(apps, schema_editor) -> None:
    for group in apps.get_model("auth.Group").objects.filter(name__in=[roles.EDITORS, roles.APPROVERS]):
        group.permissions.remove(*(permission(apps, *spec) for spec in roles.SEARCH_PERMISSIONS))


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0004_synonyms"),
        ("editorial", "0001_groups_and_workflow"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
    ]

    operations = [
        migrations.CreateModel(
            name="DailySearch",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("day", models.DateField(verbose_name="ngày")),
                ("query", models.CharField(max_length=200, verbose_name="cụm từ tìm kiếm")),
                ("searches", models.PositiveIntegerField(default=0, verbose_name="số lượt tìm")),
                ("empty_searches", models.PositiveIntegerField(default=0, verbose_name="số lượt không có kết quả")),
                ("results", models.PositiveIntegerField(default=0, verbose_name="số kết quả (lần gần nhất)")),
            ],
            options={
                "verbose_name": "lượt tìm kiếm trong ngày",
                "verbose_name_plural": "lượt tìm kiếm trong ngày",
                "constraints": [
                    models.UniqueConstraint(fields=("day", "query"), name="search_daily_search_day_query")
                ],
            },
        ),
        migrations.RunPython(grant, revoke),
    ]

"""What readers searched for (DailySearch, search/log.py); editorial/0007 lets editors and approvers see it."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0004_synonyms"),
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
    ]

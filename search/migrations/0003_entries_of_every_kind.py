"""Search entries of every kind of thing readers may find, not only pages: an entry has its own id, a key naming
its thing, the page it lives with (if any), its kind, period and address. The index is derived data: the tables
are made afresh, and `python manage.py rebuild_search_entries` fills them (docs/search.md)."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0002_default_abbreviations"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.DeleteModel(name="SearchTerm"),
        migrations.DeleteModel(name="SearchEntry"),
        migrations.CreateModel(
            name="SearchEntry",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("key", models.CharField(max_length=120, unique=True)),
                (
                    "page",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to=settings.WAGTAIL_PAGE_MODEL,
                    ),
                ),
                (
                    "locale",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="+", to="wagtailcore.locale"
                    ),
                ),
                ("kind", models.CharField(help_text="the model's search_kind, labelled by search.kinds", max_length=40)),
                ("title", models.TextField()),
                ("section", models.CharField(blank=True, max_length=255)),
                ("published", models.DateField(null=True)),
                (
                    "period",
                    models.CharField(blank=True, help_text="shown instead of a date: a plan's years", max_length=40),
                ),
                (
                    "url",
                    models.CharField(blank=True, help_text="the address, when it is not the page's own", max_length=500),
                ),
                ("text", models.TextField(help_text="lead and body, NFC, for snippets")),
                ("folded", models.TextField()),
                ("keyed", models.TextField()),
                ("folded_title", models.TextField(help_text="for suggestions as the reader types")),
                ("length", models.PositiveIntegerField()),
            ],
            options={"indexes": [models.Index(fields=["locale", "published"], name="search_sear_locale__988fc7_idx")]},
        ),
        migrations.CreateModel(
            name="SearchTerm",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("term", models.CharField(max_length=64)),
                ("weight", models.FloatField()),
                (
                    "entry",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="terms", to="search.searchentry"
                    ),
                ),
                (
                    "locale",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="+", to="wagtailcore.locale"
                    ),
                ),
            ],
            options={
                "indexes": [
                    models.Index(fields=["term", "locale", "entry", "weight"], name="search_term_postings"),
                ]
            },
        ),
    ]

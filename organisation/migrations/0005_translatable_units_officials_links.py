"""Units, officials and links become translatable (wagtail-localize), as the pages that show them are: the rows that
exist are given a translation key and the site's language (Vietnamese), the way Wagtail documents for models that
become translatable, then the fields are made required and unique per language."""

import uuid

import django.db.models.deletion
from django.db import migrations, models
from wagtail.models import BootstrapLocaleField, BootstrapTranslatableModel, BootstrapTranslationKeyField

MODELS = ["organisation.Unit", "organisation.Official", "organisation.RelatedLink"]


def required(model_name):
    return [
        migrations.AlterField(
            model_name=model_name,
            name="locale",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AlterField(
            model_name=model_name,
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterUniqueTogether(name=model_name, unique_together={("translation_key", "locale")}),
    ]


class Migration(migrations.Migration):
    dependencies = [
        ("organisation", "0004_related_link_permissions"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        *[operation for model in MODELS for operation in (BootstrapLocaleField(model), BootstrapTranslationKeyField(model))],
        *[BootstrapTranslatableModel(model) for model in MODELS],
        *[operation for model in MODELS for operation in required(model.split(".")[1].lower())],
    ]

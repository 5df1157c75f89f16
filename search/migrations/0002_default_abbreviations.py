"""The abbreviations of the trade-union press that a fresh database starts with; administrators edit them."""

from django.db import migrations

from search.text import ABBREVIATIONS


def add_defaults(apps, schema_editor):
    Abbreviation = apps.get_model("search", "Abbreviation")
    for short, expansion in ABBREVIATIONS.items():
        Abbreviation.objects.get_or_create(short=short, defaults={"expansion": expansion})


def remove_defaults(apps, schema_editor):
    Abbreviation = apps.get_model("search", "Abbreviation")
    for short, expansion in ABBREVIATIONS.items():
        Abbreviation.objects.filter(short=short, expansion=expansion).delete()


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(add_defaults, remove_defaults)]

"""The organisation's identity starts with what every page showed until now: the site's name, and the managing
body the footer named ("Cơ quan chủ quản: Liên đoàn Lao động tỉnh Lào Cai.", in English "Published by the Lao Cai
Provincial Federation of Labour."), so that pages look the same after the upgrade; administrators fill in the rest
(Settings › Thông tin cơ quan). A site that has its row already keeps it. Reversible: the rows are deleted."""

from django.db import migrations

MANAGING_BODY = "Liên đoàn Lao động tỉnh Lào Cai"
MANAGING_BODY_EN = "Lao Cai Provincial Federation of Labour"


def from_footer(apps, schema_editor):
    Site = apps.get_model("wagtailcore", "Site")
    OrganisationSettings = apps.get_model("organisation", "OrganisationSettings")
    for site in Site.objects.all():
        OrganisationSettings.objects.get_or_create(
            site=site,
            defaults={
                "name": site.site_name or "",
                "managing_body": MANAGING_BODY,
                "managing_body_en": MANAGING_BODY_EN,
            },
        )


def remove(apps, schema_editor):
    apps.get_model("organisation", "OrganisationSettings").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("organisation", "0008_organisation_settings"),
        ("home", "0003_english_home_page"),
    ]

    operations = [migrations.RunPython(from_footer, remove)]

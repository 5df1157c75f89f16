"""A fresh database gets the portal's home page (instead of Wagtail's "Welcome" page), a default site, and the
English locale beside Vietnamese (created by Wagtail from LANGUAGE_CODE)."""

import uuid

from django.db import migrations

SITE_NAME = "Liên đoàn Lao động tỉnh Lào Cai"


def create_homepage(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Locale = apps.get_model("wagtailcore.Locale")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("home.HomePage")

    vietnamese, _ = Locale.objects.get_or_create(language_code="vi")
    Locale.objects.get_or_create(language_code="en")

    # Wagtail's initial data: a plain "Welcome" page at depth 2 and a site pointing at it (the site cascades).
    Page.objects.filter(content_type__app_label="wagtailcore", content_type__model="page", depth=2).delete()
    if HomePage.objects.exists():
        return

    content_type, _ = ContentType.objects.get_or_create(app_label="home", model="homepage")
    root = Page.objects.get(depth=1)
    homepage = HomePage.objects.create(
        title="Trang chủ",
        draft_title="Trang chủ",
        slug="trang-chu",
        content_type=content_type,
        path=f"{root.path}0001",
        depth=2,
        numchild=0,
        url_path="/trang-chu/",
        locale=vietnamese,
        translation_key=uuid.uuid4(),
        live=True,
    )
    root.numchild = Page.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])
    Site.objects.create(
        hostname="localhost", port=80, site_name=SITE_NAME, root_page_id=homepage.pk, is_default_site=True
    )


def remove_homepage(apps, schema_editor):
    HomePage = apps.get_model("home.HomePage")
    HomePage.objects.filter(depth=2, slug="trang-chu").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailcore", "0054_initial_locale"),
    ]

    operations = [migrations.RunPython(create_homepage, remove_homepage)]

"""The English home page beside the Vietnamese one, so that /en/ serves English from a fresh install: Wagtail
serves a language's pages under the translation of the site's home page (same translation key, that locale),
and without one it would serve the Vietnamese home page under /en/. A database that already has an English home
page (translated in the admin) keeps it."""

from django.db import migrations

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"  # treebeard's materialised-path alphabet, 4 characters a step
TITLE = "Home"
SLUG = "home"


def next_child_path(parent_path, last_child_path):
    number = 0
    if last_child_path:
        for character in last_child_path[-4:]:
            number = number * len(ALPHABET) + ALPHABET.index(character)
    number += 1
    step = ""
    for _ in range(4):
        number, digit = divmod(number, len(ALPHABET))
        step = ALPHABET[digit] + step
    return parent_path + step


def create_english_home(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Locale = apps.get_model("wagtailcore.Locale")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("home.HomePage")

    english = Locale.objects.filter(language_code="en").first()
    site = Site.objects.filter(is_default_site=True).first()
    if english is None or site is None:
        return
    vietnamese_home = Page.objects.get(pk=site.root_page_id)
    if Page.objects.filter(translation_key=vietnamese_home.translation_key, locale=english).exists():
        return

    root = Page.objects.get(depth=1)
    last = Page.objects.filter(depth=2).order_by("-path").values_list("path", flat=True).first()
    slug = SLUG
    while Page.objects.filter(depth=2, slug=slug).exists():
        slug += "-en"
    content_type, _ = ContentType.objects.get_or_create(app_label="home", model="homepage")
    HomePage.objects.create(
        title=TITLE,
        draft_title=TITLE,
        slug=slug,
        content_type=content_type,
        path=next_child_path(root.path, last),
        depth=2,
        numchild=0,
        url_path=f"/{slug}/",
        locale=english,
        translation_key=vietnamese_home.translation_key,
        live=True,
    )
    root.numchild = Page.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])


def remove_english_home(apps, schema_editor):
    Page = apps.get_model("wagtailcore.Page")
    HomePage = apps.get_model("home.HomePage")
    HomePage.objects.filter(depth=2, locale__language_code="en", numchild=0).delete()
    root = Page.objects.get(depth=1)
    root.numchild = Page.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])


class Migration(migrations.Migration):
    dependencies = [("home", "0002_create_homepage_and_locales")]

    operations = [migrations.RunPython(create_english_home, remove_english_home)]

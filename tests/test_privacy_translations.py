"""A page's privacy is its translations' privacy (editorial/privacy.py): a view restriction set on the Vietnamese
page keeps its English translation from readers too, in the page itself, listings, search, feeds and the sitemap,
whichever language it was set from; lifting it lifts it everywhere; deleting a page never makes a translation
public."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from search.models import SearchEntry

pytestmark = pytest.mark.django_db


def is_public(client, page):
    """What an anonymous reader finds of the page: the page itself, and the page in its section's listing, the
    site's feed in its language and the sitemap."""
    response = client.get(page.url)
    # A login restriction redirects to the login page; a password one answers its form, without the article.
    found = {"page": response.status_code == 200 and 'class="article__lead"' in response.content.decode()}
    section = page.get_parent().specific
    found["listing"] = page.url in client.get(section.url).content.decode()
    prefix = "/en" if page.locale.language_code == "en" else ""
    found["feed"] = page.full_url in client.get(f"{prefix}/rss/").content.decode()
    found["sitemap"] = page.full_url in client.get("/sitemap.xml").content.decode()
    found["search"] = SearchEntry.objects.filter(page_id=page.pk).exists()
    return found


@pytest.mark.parametrize("kind", [PageViewRestriction.LOGIN, PageViewRestriction.PASSWORD])
@pytest.mark.parametrize("restricted_language", ["vi", "en"])
def test_a_restriction_set_in_one_language_applies_to_the_other(
    client, seed_article, english_article, kind, restricted_language
):
    assert is_public(client, english_article)["page"]
    restricted = seed_article if restricted_language == "vi" else english_article
    PageViewRestriction.objects.create(page=restricted, restriction_type=kind, password="mat-khau")
    for page in (seed_article, english_article):
        page.refresh_from_db()
        assert not any(is_public(client, page).values()), page.url
        assert PageViewRestriction.objects.filter(page=page, restriction_type=kind).count() == 1


def test_lifting_it_in_one_language_lifts_it_in_both(client, seed_article, english_article):
    restriction = PageViewRestriction.objects.create(page=seed_article, restriction_type=PageViewRestriction.LOGIN)
    restriction.delete()
    assert not PageViewRestriction.objects.filter(page__in=[seed_article, english_article]).exists()
    assert client.get(english_article.url).status_code == 200


def test_a_group_restriction_keeps_its_groups_in_the_translation(seed_article, english_article):
    restriction = PageViewRestriction.objects.create(page=seed_article, restriction_type=PageViewRestriction.GROUPS)
    group = Group.objects.create(name="Ban Thường vụ")
    restriction.groups.add(group)
    mirrored = PageViewRestriction.objects.get(page=english_article)
    assert list(mirrored.groups.all()) == [group]


def test_a_translation_made_after_the_restriction_is_restricted_from_the_start(client, section, english):
    from articles.models import ArticlePage

    article = next(page for page in ArticlePage.objects.live().child_of(section) if not page.has_translation(english))
    PageViewRestriction.objects.create(page=article, restriction_type=PageViewRestriction.LOGIN)
    translation = article.copy_for_translation(english, copy_parents=True)
    translation.save_revision().publish()
    assert PageViewRestriction.objects.filter(page=translation).exists()
    assert client.get(translation.url).status_code == 302  # to the login page


def test_deleting_the_restricted_page_leaves_its_translation_restricted(
    client, seed_article, english_article, django_capture_on_commit_callbacks
):
    PageViewRestriction.objects.create(page=seed_article, restriction_type=PageViewRestriction.LOGIN)
    with django_capture_on_commit_callbacks(execute=True):
        seed_article.delete()
    assert PageViewRestriction.objects.filter(page=english_article).exists()
    assert client.get(english_article.url).status_code == 302


def test_the_admin_privacy_form_restricts_both_languages(admin_client, seed_article, english_article):
    response = admin_client.post(
        f"/admin/pages/{seed_article.pk}/privacy/",
        {"restriction_type": "login", "password": "", "groups": []},
    )
    assert response.status_code == 200, response.content[:500]
    assert PageViewRestriction.objects.filter(page=english_article, restriction_type="login").exists()


def test_the_migration_restricts_translations_of_pages_restricted_before(client, seed_article, english_article):
    import importlib

    from django.apps import apps

    migration = importlib.import_module("editorial.migrations.0006_restrictions_follow_translations")
    # Made as before this release: bulk_create sends no signal, so nothing is mirrored.
    PageViewRestriction.objects.bulk_create([PageViewRestriction(page=seed_article, restriction_type="login")])
    assert not PageViewRestriction.objects.filter(page=english_article).exists()
    migration.mirror_existing_restrictions(apps, None)
    assert PageViewRestriction.objects.filter(page=english_article, restriction_type="login").exists()
    assert client.get(english_article.url).status_code == 302

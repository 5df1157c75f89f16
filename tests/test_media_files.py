"""A photo's file reaches readers only once something published shows it (images/views.py): an editor's upload,
its admin thumbnails and the sizes a preview of a draft renders answer 404 to readers until an approver
publishes what shows it; every photo a public page shows answers 200; a photo only restricted pages show goes
only to those who pass the restriction."""

import re

import pytest
from django.test import Client
from wagtail.models import Collection, Page, PageViewRestriction

from articles.models import ArticlePage
from images.models import CaptionedImage
from tests.factories import png

pytestmark = pytest.mark.django_db

MEDIA_URL = re.compile(r"""(?:src|srcset|href|content)="(/media/[^" ,]+)""")


def login(user):
    client = Client()
    client.force_login(user)
    return client


def photo(name="anh-cho-duyet.png"):
    return png(name, "navy", size=(64, 48))


def media_addresses(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return set(MEDIA_URL.findall(response.content.decode()))


def status(client, address):
    return client.get(address).status_code


@pytest.fixture
def uploaded(editor):
    """A photo an editor uploads through the admin, and whose admin thumbnail they then see."""
    writer = login(editor)
    response = writer.post(
        "/admin/images/add/",
        {"title": "Ảnh chờ duyệt", "file": photo(), "collection": Collection.get_first_root_node().pk},
    )
    assert response.status_code == 302, response.content.decode()[:1000]
    image = CaptionedImage.objects.get(title="Ảnh chờ duyệt")
    assert writer.get("/admin/images/").status_code == 200  # renders the thumbnail
    return image


def test_every_photo_a_public_page_shows_is_served_to_readers(home, seed_article, campaign, section):
    from organisation.models import LeadershipPage

    reader = Client()
    pages = [home.url, seed_article.url, campaign.url, section.url, LeadershipPage.objects.get(locale=home.locale).url]
    addresses = set().union(*(media_addresses(reader, url) for url in pages))
    assert len(addresses) >= 5  # the demo's photos, several sizes
    for address in addresses:
        response = reader.get(address)
        assert response.status_code == 200, address
        assert "public" in response["Cache-Control"]
        assert response["Content-Type"].startswith("image/")


def test_an_upload_and_its_thumbnails_are_not_public_until_something_published_shows_them(
    editor, approver, uploaded, section
):
    addresses = {uploaded.file.url, *(rendition.url for rendition in uploaded.renditions.all())}
    assert len(addresses) >= 2  # the original and the admin's thumbnail
    reader = Client()
    assert {address: status(reader, address) for address in addresses} == dict.fromkeys(addresses, 404)
    # People of the admin see it (thumbnails, review), and no shared cache keeps it.
    response = login(editor).get(uploaded.file.url)
    assert response.status_code == 200 and "private" in response["Cache-Control"]

    # Chosen in a new article and previewed: the preview renders the article's sizes; still not public.
    article = ArticlePage(title="Tin có ảnh mới", slug="tin-co-anh-moi", lead="Tóm tắt.", feature_image=uploaded)
    article.live = False
    section.add_child(instance=article)
    article.save_revision(user=editor)
    assert article.make_preview_request().status_code == 200  # Wagtail's preview, as the editor's panel makes it
    rendered = {rendition.url for rendition in uploaded.renditions.all()} - addresses
    assert rendered
    addresses |= rendered
    assert {address: status(reader, address) for address in addresses} == dict.fromkeys(addresses, 404)

    # The approver publishes: the sizes the article shows are public now, and only what something shows.
    article.get_latest_revision().publish(user=approver)
    shown = media_addresses(reader, ArticlePage.objects.get(pk=article.pk).url)
    assert shown & rendered
    assert {address: status(reader, address) for address in shown} == dict.fromkeys(shown, 200)


def test_a_photo_only_a_restricted_page_shows_goes_to_those_who_pass_the_restriction(
    editor, uploaded, section, django_user_model
):
    page = ArticlePage(title="Tin nội bộ có ảnh", slug="tin-noi-bo-co-anh", lead="Nội bộ.", feature_image=uploaded)
    section.add_child(instance=page)
    page.save_revision().publish()
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    assert status(Client(), uploaded.file.url) == 404
    member = django_user_model.objects.create_user("doan-vien", password="x")  # signed in, not of the admin
    assert status(login(member), uploaded.file.url) == 200
    PageViewRestriction.objects.filter(page=page).delete()
    assert status(Client(), uploaded.file.url) == 200


@pytest.mark.parametrize(
    "address",
    [
        "/media/documents/bao-cao.pdf",  # files go through /documents/<id>/<name>
        "/media/original_images/khong-co.png",
        "/media/images/khong-co.width-800.png",
        "/media/../config/settings/base.py",
        "/media/%2e%2e/manage.py",
        "/media/",
    ],
)
def test_anything_else_under_media_is_not_found(address):
    assert status(Client(), address) == 404


def test_a_deleted_page_takes_its_only_photo_out_of_readers_reach(approver, uploaded, section):
    page = ArticlePage(title="Tin sẽ xoá", slug="tin-se-xoa", lead="Sẽ xoá.", feature_image=uploaded)
    section.add_child(instance=page)
    page.save_revision().publish()
    assert status(Client(), uploaded.file.url) == 200
    Page.objects.get(pk=page.pk).delete()
    assert status(Client(), uploaded.file.url) == 404


def test_behind_nginx_django_decides_and_nginx_sends_the_file(settings, uploaded, editor):
    settings.MEDIA_ACCEL_REDIRECT = "/protected-media/"
    response = login(editor).get(uploaded.file.url)
    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == "/protected-media/" + uploaded.file.name
    assert not response.content
    assert status(Client(), uploaded.file.url) == 404


def test_admin_users_avatars_are_for_the_admin_only(editor):
    from django.core.files.storage import default_storage

    name = default_storage.save("avatar_images/avatar_x_bientap.png", photo("bientap.png"))
    address = "/media/" + name
    assert status(Client(), address) == 404
    response = login(editor).get(address)
    assert response.status_code == 200 and "private" in response["Cache-Control"]

"""The factories of tests/factories.py make what they say: valid objects, published or draft as asked, that
readers, editors and the search see as they would see the same thing made in the admin."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Site

from editorial import roles
from tests.factories import (
    AbbreviationFactory,
    ApproverFactory,
    ArticleIndexPageFactory,
    ArticlePageFactory,
    CampaignPageFactory,
    CaptionedImageFactory,
    EditorFactory,
    HomePageFactory,
    OfficialDocumentFactory,
    ReaderMessagesHandlerFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def search_urls(client, query):
    return [result["url"] for result in client.get("/search/", {"q": query, "format": "json"}).json()["results"]]


def test_an_article_is_published_through_a_revision_and_read_in_its_section(client):
    section = ArticleIndexPageFactory(title="Chuyên mục của bài kiểm tra")
    article = ArticlePageFactory(parent=section, title="Hội thao công nhân khu công nghiệp")
    article.full_clean()
    assert article.live and article.get_parent().specific == section
    assert article.latest_revision is not None and not article.has_unpublished_changes
    page = client.get(article.url)
    assert page.status_code == 200
    assert "Hội thao công nhân khu công nghiệp" in page.content.decode() and article.lead in page.content.decode()
    assert article.title in client.get(section.url).content.decode()
    assert article.url in search_urls(client, "hoi thao cong nhan")


def test_a_draft_article_is_not_public_but_the_editor_opens_it(client, editor):
    article = ArticlePageFactory(published=False)
    assert not article.live and article.latest_revision is not None
    assert client.get(article.get_parent().url + article.slug + "/").status_code == 404
    client.force_login(editor)
    assert client.get(f"/admin/pages/{article.pk}/edit/").status_code == 200


def test_an_article_carries_its_photo_tags_and_cited_documents(client):
    document = OfficialDocumentFactory(number="77/KH-LĐLĐ")
    article = ArticlePageFactory(with_photo=True, tags=["Tháng Công nhân"], documents=[document])
    image = article.feature_image
    assert image.caption and image.credit and image.collection.is_root()
    image.full_clean()
    content = client.get(article.url).content.decode()
    assert image.caption in content and image.credit in content
    assert "Tháng Công nhân" in content
    assert "77/KH" in content
    assert list(article.tags.names()) == ["Tháng Công nhân"] and list(article.documents.all()) == [document]


def test_a_campaign_is_published_under_the_home_page(client, home):
    campaign = CampaignPageFactory(title="Phong trào Xanh - Sạch - Đẹp", start_year=2026, end_year=2028)
    campaign.full_clean()
    assert campaign.get_parent().specific == home and campaign.live
    response = client.get(campaign.url)
    assert response.status_code == 200 and "Phong trào Xanh - Sạch - Đẹp" in response.content.decode()


def test_official_documents_are_published_or_left_a_draft(client):
    published = OfficialDocumentFactory(summary="Kế hoạch tổ chức Tháng hành động về an toàn lao động")
    draft = OfficialDocumentFactory(published=False)
    published.full_clean()
    assert published.live and published.latest_revision is not None
    assert not draft.live and draft.latest_revision is not None
    response = client.get(f"/van-ban/{published.pk}/")
    assert response.status_code == 200 and published.summary in response.content.decode()
    assert client.get(f"/van-ban/{draft.pk}/").status_code == 404


def test_an_abbreviation_is_valid_and_unique():
    abbreviation, other = AbbreviationFactory(short="TVLĐ", expansion="tư vấn lao động"), AbbreviationFactory()
    abbreviation.full_clean()
    assert abbreviation.short != other.short


def test_a_captioned_image_is_a_real_file_in_the_root_collection():
    image = CaptionedImageFactory(caption="Lễ mít tinh", credit="Hà Anh")
    image.full_clean()
    assert image.file.size > 0 and (image.width, image.height) == (800, 500)
    assert image.collection.is_root() and (image.caption, image.credit) == ("Lễ mít tinh", "Hà Anh")


@pytest.mark.parametrize(
    ("factory", "group"),
    [
        (EditorFactory, roles.EDITORS),
        (ApproverFactory, roles.APPROVERS),
        (ReaderMessagesHandlerFactory, roles.READER_MESSAGES),
    ],
)
def test_newsroom_accounts_are_in_their_groups_and_reach_the_admin(client, factory, group):
    user = factory()
    assert list(user.groups.values_list("name", flat=True)) == [group]
    login = client.post(reverse("wagtailadmin_login"), {"username": user.username, "password": "password"})
    assert login.status_code == 302
    assert client.get("/admin/").status_code == 200


def test_a_plain_account_is_in_the_groups_given_and_not_in_the_admin(client):
    user = UserFactory(groups=[roles.EDITORS, roles.APPROVERS])
    assert set(user.groups.all()) == set(Group.objects.filter(name__in=[roles.EDITORS, roles.APPROVERS]))
    plain = UserFactory()
    client.force_login(plain)
    assert client.get("/admin/").status_code == 302  # no access_admin: back to the login page


def test_a_second_home_page_is_served_by_a_site_of_its_own(client):
    home = HomePageFactory(title="Công đoàn ngành thử nghiệm")
    Site.objects.create(hostname="nganh.example.invalid", root_page=home, site_name="Ngành")
    response = client.get("/", HTTP_HOST="nganh.example.invalid")
    assert response.status_code == 200 and "Công đoàn ngành thử nghiệm" in response.content.decode()

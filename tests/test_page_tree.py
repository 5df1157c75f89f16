"""Editors can only put pages where they belong."""

import pytest
from wagtail.models import Page

from articles.models import ArticleIndexPage, ArticlePage
from campaigns.models import CampaignPage
from home.models import HomePage

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("page_class", "allowed_parents"),
    [
        (HomePage, {Page}),
        (ArticleIndexPage, {HomePage}),
        (ArticlePage, {ArticleIndexPage}),
        (CampaignPage, {HomePage}),
    ],
)
def test_each_page_type_says_where_it_lives(page_class, allowed_parents):
    assert set(page_class.allowed_parent_page_models()) == allowed_parents


def test_articles_go_in_sections_only(home, section, campaign, seed_article):
    assert ArticlePage.can_create_at(section)
    assert not ArticlePage.can_create_at(home)
    assert not ArticlePage.can_create_at(campaign)
    assert not ArticlePage.can_create_at(seed_article)


def test_sections_and_campaigns_go_under_the_home_page(home, section):
    assert ArticleIndexPage.can_create_at(home) and CampaignPage.can_create_at(home)
    assert not ArticleIndexPage.can_create_at(section)
    assert not CampaignPage.can_create_at(section)


def test_admin_refuses_an_article_outside_a_section(admin_client, home, section):
    assert admin_client.get(f"/admin/pages/add/articles/articlepage/{section.pk}/").status_code == 200
    response = admin_client.get(f"/admin/pages/add/articles/articlepage/{home.pk}/")
    assert response.status_code in (302, 403)
    assert not ArticlePage.objects.child_of(home).exists()

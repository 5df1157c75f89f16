"""The cited-documents chooser of articles ("Văn bản được dẫn") and campaigns ("Căn cứ"): the page's language only,
one entry per document, full citations, searchable; saving through it keeps the page's citations."""

import re

import pytest
from django.test import Client
from wagtail.models import Locale

from articles.models import ArticlePage
from official_documents.models import OfficialDocument
from search.text import fold
from tests.factories import article_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(editor):
    client = Client()
    client.force_login(editor)
    return client


def offered(html):
    """The document ids the chooser offers, in order."""
    block = html.split("data-cited-documents>", 1)[1].split("data-cited-documents-nothing", 1)[0]
    return [int(pk) for pk in re.findall(r'type="checkbox" name="[a-z_]+" value="(\d+)"', block)], block


def english_translation_of(document):
    english = Locale.objects.get(language_code="en")
    existing = OfficialDocument.objects.filter(translation_key=document.translation_key, locale=english).first()
    if existing is None:
        existing = document.copy_for_translation(english)
        existing.save()
    return existing


def test_an_article_offers_each_document_once_in_its_language_cited_first(editor_client, seed_article):
    cited = list(seed_article.documents.all())
    assert cited, "the demo article cites documents"
    english_translation_of(cited[0])
    ids, block = offered(editor_client.get(f"/admin/pages/{seed_article.pk}/edit/").content.decode())
    vietnamese = set(OfficialDocument.objects.filter(locale=seed_article.locale).values_list("pk", flat=True))
    assert set(ids) == vietnamese and len(ids) == len(set(ids))
    assert set(ids[: len(cited)]) == {document.pk for document in cited}
    for document in cited:  # the whole citation, and the text the search box looks in
        assert document.citation in block
        assert fold(document.citation) in block


def test_a_campaign_offers_its_legal_basis_the_same_way(editor_client, campaign):
    ids, block = offered(editor_client.get(f"/admin/pages/{campaign.pk}/edit/").content.decode())
    assert {document.pk for document in campaign.legal_basis.all()} <= set(ids)
    assert len(ids) == len(set(ids))
    assert "cited-documents.js" in editor_client.get(f"/admin/pages/{campaign.pk}/edit/").content.decode()


def test_citations_chosen_in_the_editor_are_saved(editor_client, section):
    documents = list(OfficialDocument.objects.filter(locale__language_code="vi")[:2])
    editor_client.post(f"/admin/pages/add/articles/articlepage/{section.pk}/", article_form("Tin có dẫn", "tin-co-dan"))
    page = ArticlePage.objects.get(slug="tin-co-dan")
    data = article_form("Tin có dẫn", page.slug)
    data["documents"] = [str(document.pk) for document in documents]  # the checked boxes
    editor_client.post(f"/admin/pages/{page.pk}/edit/", data)
    saved = ArticlePage.objects.get(pk=page.pk).get_latest_revision_as_object()
    assert {document.pk for document in saved.documents.all()} == {document.pk for document in documents}

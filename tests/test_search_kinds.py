"""One search for everything readers may see: articles, plans, official documents, legal answers and the
organisation's pages, each result labelled by its kind; never a draft, an unpublished or a private thing; a change
shows at once, through the page cache too."""

import pytest
from django.test import Client
from wagtail.models import PageViewRestriction

from campaigns.models import CampaignPage
from legal_qa.models import LegalQAPage, LegalQuestion, Status, Topic
from official_documents.models import OfficialDocument
from organisation.models import IntroductionPage, LeadershipPage, Official, StructurePage

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    """Every search here goes through the whole-page cache, which keys search pages by their address (q)."""
    settings.PAGE_CACHE_SECONDS = 60


def results(query, language=""):
    response = Client().get(f"{language}/search/", {"q": query, "format": "json"})
    assert response.status_code == 200
    return response.json()["results"]


def urls(query, language=""):
    return [result["url"] for result in results(query, language)]


def html(query, language=""):
    response = Client().get(f"{language}/search/", {"q": query})
    assert response.status_code == 200
    return response.content.decode()


def result_item(page, url):
    """The <li> of the result linking to url."""
    start = page.index(f'<a href="{url}"', page.index('<ol class="search-results"'))
    return page[page.rindex("<li>", 0, start) : page.index("</li>", start)]


@pytest.fixture
def document(db):
    return OfficialDocument.objects.get(locale__language_code="vi", number="01-KL/TW")


@pytest.fixture
def answer(db):
    return LegalQuestion.objects.filter(status=Status.PUBLISHED, question__contains="thử việc").get()


def new_document(summary, live=True, number="99-KL/TW"):
    document = OfficialDocument(number=number, issuer="Bộ Chính trị", summary=summary, live=live)
    document.save()
    return document


def test_every_kind_is_found_and_labelled(home, seed_article, campaign, document, answer):
    page = html("Kết luận 01-KL/TW")
    assert '<span class="search-kind">Văn bản</span>' in result_item(page, f"/van-ban/{document.pk}/")
    page = html("hợp đồng thử việc hai lần")
    qa_page = LegalQAPage.objects.child_of(home).get()
    answer_url = f"{qa_page.url}?question={answer.pk}#cau-hoi-{answer.pk}"
    item = result_item(page, answer_url)
    assert '<span class="search-kind">Hỏi đáp pháp luật</span>' in item and "Hợp đồng lao động" in item
    page = html("Học tập và làm theo Bác")
    assert '<span class="search-kind">Tin bài</span>' in result_item(page, seed_article.url)
    item = result_item(page, campaign.url)
    assert '<span class="search-kind">Kế hoạch</span>' in item
    # A plan is dated by its period, never by the day it was first published.
    assert "Giai đoạn 2021-2025" in item and "<time" not in item
    for query, model in (("giới thiệu chức năng nhiệm vụ", IntroductionPage), ("cơ cấu tổ chức", StructurePage)):
        target = model.objects.get(locale__language_code="vi")
        item = result_item(html(query), target.url)
        assert '<span class="search-kind">Tổ chức</span>' in item and "<time" not in item


def test_the_json_and_the_suggestions_carry_the_kind(campaign, document):
    found = {result["url"]: result for result in results("01-KL/TW")}
    assert found[f"/van-ban/{document.pk}/"]["kind"] == "document"
    assert found[f"/van-ban/{document.pk}/"]["kind_label"] == "Văn bản"
    assert found[f"/van-ban/{document.pk}/"]["published"] == document.issued_on.isoformat()
    plan = {result["url"]: result for result in results("làm theo Bác")}[campaign.url]
    assert (plan["kind"], plan["kind_label"], plan["period"], plan["published"]) == (
        "campaign",
        "Kế hoạch",
        "2021-2025",
        None,
    )
    suggestions = Client().get("/search/suggest/", {"q": "lanh da"}).json()["suggestions"]
    leadership = LeadershipPage.objects.get(locale__language_code="vi")
    assert {"title": "Lãnh đạo", "url": leadership.url, "kind": "organisation", "kind_label": "Tổ chức"} in suggestions


@pytest.mark.parametrize("query", ["01-KL/TW", "01-kl/tw", "01 KL TW", "KL 01", "kết luận 01", "ket luan so 01"])
def test_a_document_number_puts_the_documents_page_first_then_the_articles_citing_it(query, document, seed_article):
    found = urls(query)
    assert found[0] == f"/van-ban/{document.pk}/"
    assert seed_article.url in found[1:]


def test_a_documents_number_ranks_it_above_articles_that_repeat_the_number(section):
    from tests.factories import publish_article

    article = publish_article(section, "Quán triệt Kết luận 05-CT/TW và 05-CT/TW", "quan-triet-05-ct-tw")
    document = OfficialDocument.objects.get(locale__language_code="vi", number="05-CT/TW")
    found = urls("05-CT/TW")
    assert found[0] == f"/van-ban/{document.pk}/" and article.url in found


def test_organisation_pages_are_found_by_the_people_and_units_they_list():
    leadership = LeadershipPage.objects.get(locale__language_code="vi")
    structure = StructurePage.objects.get(locale__language_code="vi")
    assert {leadership.url, structure.url} <= set(urls("Nguyễn Văn Mẫu"))
    assert structure.url in urls("LĐLĐ huyện")


def test_a_draft_document_is_never_found_and_one_published_is_found_at_once():
    assert urls("zortanium") == []
    stored = Client().get("/search/", {"q": "zortanium", "format": "json"})
    assert stored["X-Page-Cache"] == "hit"  # the answer is kept by the page cache, until the content changes
    draft = new_document("Về vật liệu zortanium", live=False)
    assert urls("zortanium") == []
    draft.save_revision().publish()
    assert urls("zortanium") == [f"/van-ban/{draft.pk}/"]


def test_an_edit_of_a_published_document_shows_once_published_and_not_as_a_draft():
    document = new_document("Về quavmobil")
    assert urls("quavmobil") == [f"/van-ban/{document.pk}/"]
    document.summary = "Về blipcar"
    revision = document.save_revision()  # an editor's draft: readers still see the published text
    assert urls("quavmobil") == [f"/van-ban/{document.pk}/"] and urls("blipcar") == []
    revision.publish()
    assert urls("blipcar") == [f"/van-ban/{document.pk}/"] and urls("quavmobil") == []


def test_an_unpublished_or_deleted_document_is_no_longer_found():
    document = new_document("Về vexalon")
    other = new_document("Về vexalon nhỏ", number="98-KL/TW")
    assert set(urls("vexalon")) == {f"/van-ban/{document.pk}/", f"/van-ban/{other.pk}/"}
    document.unpublish()
    assert urls("vexalon") == [f"/van-ban/{other.pk}/"]
    other.delete()
    assert urls("vexalon") == []


def test_legal_answers_are_found_once_published_never_waiting_or_declined(home):
    qa_page = LegalQAPage.objects.child_of(home).get()
    question = LegalQuestion.objects.create(
        topic=Topic.WAGES, question="Thợ lặn snorkex có được phụ cấp độc hại không?"
    )
    assert urls("snorkex") == []
    question.answer = "<p>Có, theo danh mục nghề nặng nhọc.</p>"
    question.status = Status.PUBLISHED
    question.save()
    link = f"{qa_page.url}?question={question.pk}#cau-hoi-{question.pk}"
    assert urls("snorkex") == [link]
    # The link shows that answer on the Q&A page.
    listed = Client().get(link.split("#")[0]).content.decode()
    assert f'id="cau-hoi-{question.pk}"' in listed and listed.count('class="qa"') == 1
    question.answer = "<p>Có, phụ cấp nặng nhọc theo danh mục nghề.</p>"
    question.save()
    assert "nặng nhọc" in results("snorkex")[0]["snippet"]
    question.status = Status.DECLINED
    question.save()
    assert urls("snorkex") == []
    question.status = Status.PUBLISHED
    question.save()
    assert urls("snorkex") == [link]
    question.delete()
    assert urls("snorkex") == []


def test_answers_go_with_their_page_unpublished_or_private(home, answer):
    qa_page = LegalQAPage.objects.child_of(home).get()
    query = "hợp đồng thử việc hai lần"
    assert any(f"question={answer.pk}" in url for url in urls(query))
    restriction = PageViewRestriction.objects.create(page=qa_page, restriction_type="password", password="x")
    assert not any("question=" in url for url in urls(query))
    restriction.delete()
    assert any(f"question={answer.pk}" in url for url in urls(query))
    qa_page.unpublish()
    assert not any("question=" in url for url in urls(query))


def test_private_or_unpublished_plans_and_organisation_pages_are_never_found(campaign):
    introduction = IntroductionPage.objects.get(locale__language_code="vi")
    assert campaign.url in urls("làm theo Bác") and introduction.url in urls("giới thiệu chức năng nhiệm vụ")
    PageViewRestriction.objects.create(page=campaign, restriction_type="password", password="x")
    PageViewRestriction.objects.create(page=introduction, restriction_type="password", password="x")
    assert campaign.url not in urls("làm theo Bác")
    found = urls("giới thiệu chức năng nhiệm vụ cơ cấu tổ chức lãnh đạo")
    # Under the restricted introduction, its subpages are private too.
    assert not {introduction.url, *(page.url for page in introduction.get_children())} & set(found)


def test_an_unpublished_plan_and_a_draft_article_are_never_found(campaign, section):
    from articles.models import ArticlePage

    section.add_child(instance=ArticlePage(title="Bản nháp về wumpalo", slug="ban-nhap-ca-voi", live=False))
    assert urls("wumpalo") == []
    CampaignPage.objects.get(pk=campaign.pk).unpublish()
    assert campaign.url not in urls("làm theo Bác")


def test_an_officials_published_change_shows_on_the_organisation_pages():
    leadership = LeadershipPage.objects.get(locale__language_code="vi")
    assert leadership.url not in urls("Hoàng Thị Mới")
    official = Official.objects.get(locale__language_code="vi", name="Nguyễn Văn Mẫu")
    official.name = "Hoàng Thị Mới"
    revision = official.save_revision()
    assert leadership.url not in urls("Hoàng Thị Mới")  # a draft
    revision.publish()
    assert leadership.url in urls("Hoàng Thị Mới")


def test_english_results_are_labelled_in_english(campaign, document, english):
    english_document = document.get_translation(english)
    english_campaign = campaign.get_translation(english)
    page = html("01-KL/TW", "/en")
    assert '<span class="search-kind">Document</span>' in result_item(page, f"/en/van-ban/{english_document.pk}/")
    item = result_item(html(english_campaign.title, "/en"), english_campaign.url)
    assert '<span class="search-kind">Plan</span>' in item and "Period 2021-2025" in item
    about = IntroductionPage.objects.get(locale=english)
    assert '<span class="search-kind">Organisation</span>' in result_item(html(about.title, "/en"), about.url)
    # Vietnamese legal answers are not English results.
    assert not any("question=" in url for url in urls("hợp đồng thử việc", "/en"))

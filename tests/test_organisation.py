"""The "Giới thiệu" section: the introduction, the units as an ordered tree of nested lists with each unit's
officials, the leadership page, and where these pages may live."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.models import HomePage
from organisation.models import IntroductionPage, LeadershipPage, Official, StructurePage, Unit, UnitKind

pytestmark = pytest.mark.django_db


@pytest.fixture
def introduction(home):
    return IntroductionPage.objects.child_of(home).get()


@pytest.fixture
def structure(introduction):
    return StructurePage.objects.child_of(introduction).get()


@pytest.fixture
def leadership(introduction):
    return LeadershipPage.objects.child_of(introduction).get()


def text(response):
    assert response.status_code == 200
    return response.content.decode()


def test_introduction_shows_functions_tasks_history_and_its_subpages(client, introduction, structure, leadership):
    content = text(client.get(introduction.url))
    for heading in ("Chức năng", "Nhiệm vụ", "Lịch sử"):
        assert f">{heading}</h2>" in content
    assert structure.url in content and leadership.url in content


def test_structure_is_nested_lists_in_display_order(client, structure):
    root = Unit.objects.get(parent__isnull=True, locale__language_code="vi")
    Unit.objects.create(name="Ban Thứ Nhất", parent=root, sort_order=1)
    last = Unit.objects.create(name="Ban Cuối Cùng", parent=root, sort_order=9999)
    Unit.objects.create(name="Tổ Công đoàn cấp dưới", parent=last, kind=UnitKind.OTHER)
    content = text(client.get(structure.url))
    tree = content[content.index('<ul class="unit-tree">') :]
    # the root's <li> contains a <ul> holding the departments, in order
    assert tree.index(root.name) < tree.index("Ban Thứ Nhất") < tree.index("Văn phòng") < tree.index("Ban Cuối Cùng")
    nested = re.search(
        r"Ban Cuối Cùng</p>.*?<ul>\s*<li[^>]*>\s*<p class=\"unit__name\">Tổ Công đoàn cấp dưới", tree, re.S
    )
    assert nested, "a unit's children are a list inside its item"
    assert tree.count("<ul") >= 3


def test_each_unit_lists_its_officials(client, structure):
    unit = Unit.objects.get(name="Ban Chính sách - Pháp luật", locale__language_code="vi")
    Official.objects.create(name="Đỗ Văn Kiểm Tra", position="Phó Trưởng ban", unit=unit, phone="0214 1234 567")
    content = text(client.get(structure.url))
    item = content[content.index(f'id="don-vi-{unit.pk}"') :]
    item = item[: item.index("</li>\n</li>") if "</li>\n</li>" in item else len(item)]
    assert "Đỗ Văn Kiểm Tra" in item and "Phó Trưởng ban" in item and 'href="tel:+842141234567"' in item


def test_leadership_page_lists_leaders_only_in_order(client, leadership):
    root = Unit.objects.get(parent__isnull=True, locale__language_code="vi")
    Official.objects.create(name="Người Đứng Đầu", position="Chủ tịch", unit=root, is_leader=True, sort_order=0)
    Official.objects.create(name="Không Phải Lãnh Đạo", position="Chuyên viên", unit=root)
    content = text(client.get(leadership.url))
    assert "Người Đứng Đầu" in content and "Không Phải Lãnh Đạo" not in content
    assert content.index("Người Đứng Đầu") < content.index("Nguyễn Văn Mẫu")
    assert "chutich@laocai.example" in content
    assert re.search(r'<img[^>]+alt="Nguyễn Văn Mẫu"', content)


def test_structure_and_leadership_queries_do_not_grow_with_units_and_officials(client, structure, leadership):
    def count(url):
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    before = {url: count(url) for url in (structure.url, leadership.url)}
    root = Unit.objects.get(parent__isnull=True, locale__language_code="vi")
    photo = Official.objects.exclude(photo=None).first().photo
    for number in range(10):
        unit = Unit.objects.create(name=f"Đơn vị thử {number}", parent=root)
        Official.objects.create(name=f"Cán bộ {number}", position="Trưởng ban", unit=unit, is_leader=True, photo=photo)
    after = {url: count(url) for url in (structure.url, leadership.url)}
    assert after == before
    assert max(after.values()) <= 15


def test_organisation_pages_live_under_the_home_page_only(home, introduction, section):
    assert set(IntroductionPage.allowed_parent_page_models()) == {HomePage}
    assert set(StructurePage.allowed_parent_page_models()) == {IntroductionPage}
    assert set(LeadershipPage.allowed_parent_page_models()) == {IntroductionPage}
    assert not IntroductionPage.can_create_at(section)
    assert not IntroductionPage.can_create_at(home)  # one per home page, and the demo has it


def test_editors_maintain_units_and_officials_in_the_admin(client, editor):
    client.force_login(editor)
    assert client.get("/admin/snippets/organisation/unit/").status_code == 200
    response = client.post(
        "/admin/snippets/organisation/unit/add/",
        {
            "name": "Ban Mới",
            "kind": "department",
            "parent": "",
            "address": "",
            "phone": "",
            "email": "",
            "sort_order": "5",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Unit.objects.filter(name="Ban Mới").exists()


def test_a_unit_cannot_be_its_own_ancestor(admin_client):
    root = Unit.objects.get(parent__isnull=True, locale__language_code="vi")
    child = Unit.objects.filter(parent=root).first()
    response = admin_client.post(
        f"/admin/snippets/organisation/unit/edit/{root.pk}/",
        {
            "name": root.name,
            "kind": root.kind,
            "parent": child.pk,
            "address": "",
            "phone": "",
            "email": "",
            "sort_order": "1",
        },
    )
    assert response.status_code == 200
    assert "Một đơn vị không thể trực thuộc chính nó" in response.content.decode()
    assert Unit.objects.get(pk=root.pk).parent_id is None


def test_demo_content_is_idempotent(home):
    from django.core.management import call_command

    counts = (Unit.objects.count(), Official.objects.count(), IntroductionPage.objects.count())
    call_command("load_demo_content", verbosity=0)
    assert (Unit.objects.count(), Official.objects.count(), IntroductionPage.objects.count()) == counts
    assert counts[0] >= 2 * 10 and counts[1] == 2 * 6  # in Vietnamese and in English


def test_the_links_box_is_in_every_footer_and_follows_edits(client, home, structure):
    from organisation.models import RelatedLink

    for url in (home.url, structure.url):
        content = text(client.get(url))
        footer = content[content.index('<footer class="site-footer">') :]
        assert "Liên kết website" in footer and 'href="https://congdoan.vn/"' in footer
    link = RelatedLink.objects.get(url="https://congdoan.vn/", locale__language_code="vi")
    link.title = "Tổng LĐLĐ Việt Nam (đã sửa)"
    link.save()
    assert "Tổng LĐLĐ Việt Nam (đã sửa)" in text(client.get(home.url))


def test_the_links_box_costs_no_query_once_cached(client, home):
    client.get(home.url)
    with CaptureQueriesContext(connection) as captured:
        client.get(home.url)
    assert not any("organisation_relatedlink" in query["sql"] for query in captured)


@pytest.mark.parametrize(
    ("url", "heading"),
    [
        ("/en/about/", "About us"),
        ("/en/about/structure/", "Organisational structure"),
        ("/en/about/leadership/", "Leadership"),
        ("/en/contact/", "Contact"),
        ("/en/legal-qa/", "Legal Q&amp;A"),
    ],
)
def test_the_organisation_pages_are_in_english_too(client, url, heading):
    content = text(client.get(url))
    assert '<html lang="en">' in content and f'<h1 class="page-title">{heading}</h1>' in content


def test_the_english_introduction_is_translated(client):
    content = text(client.get("/en/about/"))
    assert "Representing, caring for and protecting" in content and ">Functions</h2>" in content


def test_the_english_structure_shows_the_units_translated_in_the_same_tree(client, structure):
    english = text(client.get("/en/about/structure/"))
    vietnamese = text(client.get(structure.url))
    tree = english[english.index('<ul class="unit-tree">') :]
    assert re.findall(r'unit__name">([^<]*)', tree)[:3] == [
        "Lào Cai Provincial Federation of Labour",
        "Office",
        "Organisation Department",
    ]
    assert "Văn phòng" not in tree and "Ban Tổ chức" not in tree
    assert tree.count('class="unit"') == vietnamese.count('class="unit"') >= 10
    assert "Hoàng Liên Street" in tree and "0214 3820 001" in tree  # translated address, synchronised phone
    assert re.search(
        r"Policy and Law Department</p>.*?Phạm Thị Ví Dụ</span>, <span[^>]*>Head of Department", tree, re.S
    )


def test_the_english_leadership_page_translates_positions_and_units_not_names(client):
    content = text(client.get("/en/about/leadership/"))
    assert 'Nguyễn Văn Mẫu</span>, <span class="official__position">Chair</span> · Lào Cai Provincial' in content
    assert "Phó Chủ tịch" not in content


def test_a_unit_not_translated_yet_shows_in_vietnamese_on_english_pages(client, structure):
    root = Unit.objects.get(parent__isnull=True, locale__language_code="vi")
    Unit.objects.create(name="Ban Mới Thành Lập", parent=root, sort_order=1)
    content = text(client.get("/en/about/structure/"))
    assert re.search(r"Lào Cai Provincial Federation of Labour</p>.*?<ul>\s*<li[^>]*>\s*<p[^>]*>Ban Mới", content, re.S)


def test_an_edit_to_a_unit_reaches_its_english_translation_when_synced(structure):
    from wagtail_localize.models import TranslationSource

    unit = Unit.objects.get(name="Văn phòng", locale__language_code="vi")
    unit.phone = "0214 3999 999"
    unit.save()
    source, _created = TranslationSource.update_or_create_from_instance(unit)
    for translation in source.translations.all():
        translation.save_target()
    english = unit.get_translation(source.translations.get().target_locale)
    assert english.phone == "0214 3999 999" and english.name == "Office"


def test_the_english_footer_links_are_translated(client):
    footer = text(client.get("/en/"))
    footer = footer[footer.index('<footer class="site-footer">') :]
    assert ">Vietnam General Confederation of Labour</a>" in footer
    assert footer.count('href="https://congdoan.vn/"') == 1


def test_editors_translate_officials_and_their_units_in_the_admin(client, editor):
    from django.urls import reverse
    from wagtail.models import Locale

    unit = Unit.objects.create(name="Ban Thử Dịch")
    official = Official.objects.create(name="Cán Bộ Thử Dịch", position="Chuyên viên", unit=unit)
    client.force_login(editor)
    url = reverse("wagtail_localize:submit_snippet_translation", args=["organisation", "official", official.pk])
    assert client.get(url).status_code == 200
    english = Locale.objects.get(language_code="en")
    assert client.post(url, {"locales": [english.pk]}).status_code == 302
    translated = Official.objects.get(translation_key=official.translation_key, locale=english)
    assert translated.unit.translation_key == unit.translation_key and translated.unit.locale == english

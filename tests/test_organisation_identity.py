"""The organisation's identity (Settings › Thông tin cơ quan): the emblem and name in every page's header, the lines
Vietnamese portals carry in their footer (managing body, person responsible, address, phone, e-mail, fax, licence)
in the reader's language, phones and e-mails as links everywhere; edited by administrators only, shown at once
with every cache on. And the main menu's entries for the document library (issue 19, items 1 and 2)."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import Site

from organisation.models import OrganisationSettings

pytestmark = pytest.mark.django_db


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def footer(html):
    """The footer, read as text around the administrators' values (their marking span left out)."""
    part = html[html.index('<footer class="site-footer">') :]
    return re.sub(r'<span class="site-footer__value">(.*?)</span>', r"\1", part)


def header(html):
    return html[html.index('<header class="site-header">') : html.index("</header>")]


@pytest.fixture
def identity(db):
    return OrganisationSettings.objects.get(site=Site.objects.get(is_default_site=True))


@pytest.fixture
def caches_on(settings):
    """Every cache on, as readers are served: the whole page, its parts (the footer is one), the cached data."""
    settings.PAGE_CACHE_SECONDS = 60
    settings.FRAGMENT_CACHE_SECONDS = 300
    settings.CONTENT_CACHE_SECONDS = 300


def test_the_footer_carries_the_lines_of_a_vietnamese_portal(client, home, seed_article):
    for url in (home.url, seed_article.url, "/van-ban/", "/search/?q=lao+%C4%91%E1%BB%99ng"):
        text = footer(page(client, url))
        assert '<p class="site-footer__name">Liên đoàn Lao động tỉnh Lào Cai</p>' in text, url
        assert "Cơ quan chủ quản: Liên đoàn Lao động tỉnh Lào Cai" in text
        assert "Chịu trách nhiệm chính: Nguyễn Văn Mẫu, Chủ tịch Liên đoàn Lao động tỉnh" in text
        assert "Địa chỉ: Đường Hoàng Liên, phường Cốc Lếu, thành phố Lào Cai" in text
        assert 'Điện thoại: <a href="tel:+842143820000">0214 3820 000</a>' in text
        assert "Fax: 0214 3820 009" in text
        assert 'Thư điện tử: <a href="mailto:ldld@laocai.example">ldld@laocai.example</a>' in text
        assert "Giấy phép số 12/GP-TTĐT ngày 15/03/2021 do Sở Thông tin và Truyền thông tỉnh Lào Cai cấp." in text


def test_english_pages_show_the_english_texts_and_the_vietnamese_where_none(client, identity):
    text = footer(page(client, "/en/"))
    assert '<p class="site-footer__name">Lao Cai Provincial Federation of Labour</p>' in text
    assert "Managing body: Lao Cai Provincial Federation of Labour" in text
    assert "Person responsible: Nguyễn Văn Mẫu, President of the Provincial Federation of Labour" in text
    assert "Address: Hoang Lien Street, Coc Leu Ward, Lao Cai City" in text
    assert 'Phone: <a href="tel:+842143820000">0214 3820 000</a>' in text
    assert 'E-mail: <a href="mailto:ldld@laocai.example">ldld@laocai.example</a>' in text
    assert (
        "Licence No. 12/GP-TTĐT issued on 15/03/2021 by the Lao Cai Department of Information and Communications."
        in text
    )
    assert "Cơ quan chủ quản" not in text and "Giấy phép" not in text
    assert "Lao Cai Provincial Federation of Labour" in header(page(client, "/en/"))

    identity.address_en = ""
    identity.save()
    assert "Address: Đường Hoàng Liên, phường Cốc Lếu" in footer(page(client, "/en/"))


def test_the_header_shows_the_emblem_beside_the_name(client, home, identity):
    html = header(page(client, home.url))
    logo = re.search(r'<img class="brand__logo"[^>]*>', html).group(0)
    # Inside the link that names the organisation: the emblem says nothing more (WCAG H2), so alt is empty.
    assert 'alt=""' in logo and 'height="48"' in logo and 'width="48"' in logo
    src = re.search(r'src="([^"]+)"', logo).group(1)
    rendition = identity.logo.get_rendition("height-96")
    assert src == rendition.url and rendition.height == 96
    assert '<span class="brand__name">Liên đoàn Lao động tỉnh Lào Cai</span>' in html

    identity.logo = None
    identity.save()
    assert "<img" not in header(page(client, home.url))


def test_without_settings_the_site_name_is_shown_and_nothing_is_created(client, home, identity):
    identity.delete()
    html = page(client, home.url)
    assert '<span class="brand__name">Liên đoàn Lao động tỉnh Lào Cai</span>' in header(html)  # the site's name
    assert '<p class="site-footer__name">Liên đoàn Lao động tỉnh Lào Cai</p>' in footer(html)
    assert "Cơ quan chủ quản" not in html and "tel:" not in footer(html)
    assert not OrganisationSettings.objects.exists()  # a reader's request writes nothing


def test_phones_and_e_mails_are_links_on_the_contact_and_organisation_pages(client, home):
    from contact.models import ContactPage
    from organisation.models import LeadershipPage, StructurePage

    contact = page(client, ContactPage.objects.get(locale=home.locale).url)
    main = contact[contact.index('<main id="main"') : contact.index("</main>")]
    assert '<a href="tel:+842143820000">0214 3820 000</a>' in main
    assert '<a href="mailto:ldld@laocai.example">ldld@laocai.example</a>' in main
    assert "Giờ làm việc" in main  # the page's own text follows
    for page_class in (StructurePage, LeadershipPage):
        html = page(client, page_class.objects.get(locale=home.locale).url)
        main = html[html.index('<main id="main"') : html.index("</main>")]
        phones = re.findall(r'<a href="(tel:[^"]*)">([^<]*)</a>', main)
        assert phones and all(href == "tel:+84" + number.replace(" ", "")[1:] for href, number in phones), phones
        assert re.search(r'<a href="mailto:[^"@]+@laocai\.example">', main)


@pytest.mark.parametrize(
    ("phone", "href"),
    [
        ("0214 3820 000", "tel:+842143820000"),
        ("+84 214 3820 000", "tel:+842143820000"),
        ("(+84) 214.3820.000", "tel:+842143820000"),
        ("1900 9000", "tel:19009000"),
        ("", ""),
    ],
)
def test_phone_numbers_become_numbers_a_phone_dials(phone, href):
    from organisation.templatetags.organisation_tags import tel_href

    assert tel_href(phone) == href


def test_a_change_of_the_settings_shows_at_once_with_every_cache_on(
    client, admin_client, home, identity, caches_on, django_capture_on_commit_callbacks
):
    for url in (home.url, "/en/", "/van-ban/"):
        assert "0214 3820 000" in page(client, url)  # stored: the page, its footer, the cached identity
    assert client.get(home.url)["X-Page-Cache"] == "hit"

    url = reverse("wagtailsettings:edit", args=["organisation", "organisationsettings", identity.site_id])
    form = {
        "logo": identity.logo_id,
        "name": "Liên đoàn Lao động tỉnh Lào Cai",
        "name_en": "Lao Cai Provincial Federation of Labour",
        "managing_body": "Tổng Liên đoàn Lao động Việt Nam",
        "managing_body_en": "Vietnam General Confederation of Labour",
        "address": "Số 1 đường Mới, Lào Cai",
        "address_en": "1 New Street, Lao Cai",
        "phone": "0214 3999 999",
        "fax": "",
        "email": "moi@laocai.example",
        "responsible_person": "Trần Văn Mới, Chủ tịch",
        "responsible_person_en": "Trần Văn Mới, President",
        "licence_number": "99/GP-TTĐT",
        "licence_date": "01/02/2026",
        "licence_issuer": "Sở Khoa học và Công nghệ tỉnh Lào Cai",
        "licence_issuer_en": "",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(url, form)
    assert response.status_code == 302, response.content.decode()[:2000]

    vietnamese = footer(page(client, home.url))
    assert "Cơ quan chủ quản: Tổng Liên đoàn Lao động Việt Nam" in vietnamese
    assert 'Điện thoại: <a href="tel:+842143999999">0214 3999 999</a>' in vietnamese
    assert "0214 3820 000" not in vietnamese and "Fax:" not in vietnamese
    assert "Giấy phép số 99/GP-TTĐT ngày 01/02/2026 do Sở Khoa học và Công nghệ tỉnh Lào Cai cấp." in vietnamese
    english = footer(page(client, "/en/"))
    assert "Managing body: Vietnam General Confederation of Labour" in english
    assert "Address: 1 New Street, Lao Cai" in english
    assert "by Sở Khoa học và Công nghệ tỉnh Lào Cai." in english  # no English given: the Vietnamese
    assert 'href="mailto:moi@laocai.example"' in footer(page(client, "/van-ban/"))


def test_administrators_edit_the_identity_in_vietnamese(admin_client, identity):
    url = reverse("wagtailsettings:edit", args=["organisation", "organisationsettings", identity.site_id])
    html = page(admin_client, url)
    for label in ("Biểu trưng (logo)", "Tên cơ quan", "Cơ quan chủ quản", "Chịu trách nhiệm chính", "Số giấy phép"):
        assert label in html, label
    assert "Thông tin cơ quan" in html
    assert "/admin/settings/organisation/organisationsettings/" in page(admin_client, "/admin/")  # the menu's entry


def test_editors_may_not_edit_the_identity(editor, approver, identity):
    url = reverse("wagtailsettings:edit", args=["organisation", "organisationsettings", identity.site_id])
    for user in (editor, approver):
        client = Client()
        client.force_login(user)
        assert client.get(url).status_code in (302, 403)
        client.post(url, {"name": "Tên khác", "phone": "0000"})
        assert "organisationsettings" not in page(client, "/admin/")  # no menu entry either
    identity.refresh_from_db()
    assert identity.name == "Liên đoàn Lao động tỉnh Lào Cai" and identity.phone == "0214 3820 000"


def test_the_main_menu_lists_the_document_library_in_the_page_s_language(client, home):
    def menu(url):
        html = page(client, url)
        return html[html.index('<nav class="main-nav"') : html.index("</nav>", html.index('<nav class="main-nav"'))]

    vietnamese = menu(home.url)
    assert '<a href="/van-ban/">Văn bản</a>' in vietnamese
    assert '<a href="/van-ban/cong-khai-tai-chinh/">Công khai tài chính</a>' in vietnamese
    assert "<summary" in vietnamese  # the menu folds on phones, without script
    english = menu("/en/")
    assert '<a href="/en/van-ban/">Documents</a>' in english
    assert '<a href="/en/van-ban/cong-khai-tai-chinh/">Financial disclosure</a>' in english
    assert '<a href="/van-ban/" aria-current="page">Văn bản</a>' in menu("/van-ban/")
    assert '<a href="/van-ban/cong-khai-tai-chinh/" aria-current="page">' in menu("/van-ban/cong-khai-tai-chinh/")
    assert 'aria-current="page">Văn bản' not in menu("/search/?q=lao")


def test_titles_and_social_tags_name_the_organisation_in_the_page_s_language(client, identity, english_article):
    identity.name, identity.name_en = "Liên đoàn Lao động tỉnh Lào Cai", "Lao Cai Provincial Federation of Labour"
    identity.save()
    html = page(client, english_article.url)
    assert re.search(r"<title>[^<]* \| Lao Cai Provincial Federation of Labour</title>", html)
    assert '<meta property="og:site_name" content="Lao Cai Provincial Federation of Labour">' in html
    assert "<title>Trang chủ | Liên đoàn Lao động tỉnh Lào Cai</title>" in page(client, "/") or re.search(
        r"<title>[^<]* \| Liên đoàn Lao động tỉnh Lào Cai</title>", page(client, "/")
    )

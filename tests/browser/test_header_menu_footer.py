"""The header, the main menu and the footer as readers see them (issue 19, items 1 and 2): on a desktop the menu,
"Văn bản" included, holds on one line; on a phone it is folded behind a button that works without script, so that
the news starts on the first screen; every footer carries the organisation's address with its phone and e-mail as
links.

The phone is 412 x 915 CSS pixels (the common Android size the issue measured on). The header with the folded menu
must end within HEADER_LIMIT of it: with the menu unfolded it took about 430 px, nearly half the first screen; 200
px leaves more than three quarters of that screen to the news, and the compact header takes about 170 (its
emblem, the name on two lines, the search box and the menu's button, each a comfortable tap target)."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

PHONE = {"width": 412, "height": 915}
HEADER_LIMIT = 200


@pytest.fixture
def addresses(home, seed_article):
    """Requested before the browser starts (Django's queries must run in the test's transaction)."""
    from contact.models import ContactPage

    return {
        "home": home.url,
        "article": seed_article.url,
        "contact": ContactPage.objects.get(locale=home.locale).url,
        "documents": "/van-ban/",
        "english home": "/en/",
    }


MENU_ITEMS = (
    "() => [...document.querySelectorAll('.main-nav__list > li')].map(item => item.getBoundingClientRect().top)"
)


@pytest.mark.parametrize("width", [1366, 1280])
def test_the_menu_holds_on_one_line_on_a_desktop(addresses, routed_site, width):
    page = routed_site.new_page(viewport={"width": width, "height": 800})
    for name, url in addresses.items():
        page.goto(routed_site.url + url)
        tops = page.evaluate(MENU_ITEMS)
        assert len(tops) >= 6 and len(set(tops)) == 1, f"{name}: items' tops {tops}"
        assert not page.locator(".main-nav__toggle").is_visible(), name  # no button: the menu is shown
        documents = page.locator(".main-nav__list a[href$='/van-ban/']")
        assert documents.is_visible(), name
        # Reached from the keyboard, as any link.
        documents.focus()
        assert page.evaluate("() => document.activeElement.matches('.main-nav__list a')"), name


def test_on_a_phone_the_menu_is_folded_and_the_news_starts_on_the_first_screen(addresses, routed_site):
    page = routed_site.new_page(viewport=PHONE, device_scale_factor=2.625, is_mobile=True, has_touch=True)
    for name in ("home", "article", "english home"):
        page.goto(routed_site.url + addresses[name])
        header_bottom = page.evaluate("() => document.querySelector('.site-header').getBoundingClientRect().bottom")
        assert header_bottom <= HEADER_LIMIT, f"{name}: the header ends at {header_bottom} px"
        assert not page.locator(".main-nav__list a").first.is_visible(), name
        first_heading = page.evaluate("() => document.querySelector('main h1, main h2').getBoundingClientRect().top")
        assert first_heading < HEADER_LIMIT + 120, f"{name}: the content starts at {first_heading} px"

    page.goto(routed_site.url + addresses["home"])
    toggle = page.locator(".main-nav__toggle")
    assert toggle.is_visible()
    toggle.tap()
    assert page.locator(".main-nav__list a[href='/van-ban/']").is_visible()
    assert page.evaluate("() => document.querySelector('.main-nav__menu').open")
    toggle.tap()
    assert not page.locator(".main-nav__list a").first.is_visible()

    # From the keyboard: the button is reached with Tab and opened with Enter, and says it is expanded.
    page.reload()
    for _ in range(20):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.matches('.main-nav__toggle')"):
            break
    else:
        pytest.fail("the menu's button is not reached with Tab")
    assert toggle_state(page) == ("DisclosureTriangle", False)
    page.keyboard.press("Enter")
    assert page.locator(".main-nav__list a").first.is_visible()
    assert toggle_state(page) == ("DisclosureTriangle", True)


def toggle_state(page):
    """The menu's button as assistive technologies get it from Chromium: its role (a <summary> is a disclosure
    button, announced with its state) and whether it is expanded."""
    cdp = page.context.new_cdp_session(page)
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": ".main-nav__toggle"})["nodeId"]
    found = cdp.send("Accessibility.getPartialAXTree", {"nodeId": node, "fetchRelatives": False})["nodes"][0]
    states = {item["name"]: item["value"]["value"] for item in found.get("properties", [])}
    return found["role"]["value"], states.get("expanded", False)


def test_the_menu_opens_without_script(addresses, routed_site):
    page = routed_site.new_page(viewport=PHONE, is_mobile=True, java_script_enabled=False)
    page.goto(routed_site.url + addresses["home"])
    page.locator(".main-nav__toggle").click()
    assert page.locator(".main-nav__list a[href='/van-ban/']").is_visible()


@pytest.mark.parametrize("viewport", [{"width": 1366, "height": 800}, PHONE])
def test_every_footer_shows_the_address_with_phone_and_e_mail_links(addresses, routed_site, viewport):
    page = routed_site.new_page(viewport=viewport)
    for name, url in addresses.items():
        page.goto(routed_site.url + url)
        footer = page.locator(".site-footer")
        address = footer.locator("address")
        assert address.is_visible(), name
        expected = "Hoang Lien Street" if name == "english home" else "Đường Hoàng Liên"
        assert expected in address.inner_text(), name
        assert address.locator("a[href='tel:+842143820000']").is_visible(), name
        assert address.locator("a[href='mailto:ldld@laocai.example']").is_visible(), name
        emblem = page.locator(".site-header .brand__logo")
        box = emblem.bounding_box()
        assert emblem.is_visible() and box["height"] in (40, 48), (name, box)
        # Loaded, and drawn at the size its width and height attributes promise (no layout shift).
        assert page.evaluate("() => document.querySelector('.brand__logo').naturalWidth") == 96, name

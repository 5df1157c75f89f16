"""Layout facts of the document table and the campaign's year bar, on a phone 412 px wide and on a desktop."""

import pytest
from django.urls import reverse

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@pytest.fixture
def urls(campaign):
    return {"library": reverse("official_documents:list"), "campaign": campaign.url}


def test_the_document_table_is_a_table_on_a_desktop_and_stacked_rows_on_a_phone(urls, routed_site):
    desktop = routed_site.new_page(viewport={"width": 1366, "height": 900})
    desktop.goto(routed_site.url + urls["library"])
    assert desktop.eval_on_selector(".document-table thead", "head => getComputedStyle(head).display") == (
        "table-header-group"
    )
    phone = routed_site.new_page(viewport={"width": 412, "height": 915}, device_scale_factor=2, is_mobile=True)
    phone.goto(routed_site.url + urls["library"])
    widths = phone.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert widths[0] <= widths[1], widths
    row = phone.eval_on_selector(
        ".document-table tbody tr",
        "row => ({display: getComputedStyle(row).display, width: row.getBoundingClientRect().width,"
        " label: getComputedStyle(row.querySelector('td'), '::before').content})",
    )
    assert row["display"] == "block" and row["width"] <= 412
    assert row["label"].startswith('"Ngày ban hành')


def test_the_year_bar_stays_in_view_and_a_year_link_lands_below_it(urls, routed_site):
    phone = routed_site.new_page(viewport={"width": 412, "height": 915}, device_scale_factor=2, is_mobile=True)
    phone.goto(routed_site.url + urls["campaign"])
    bar = phone.locator(".year-nav")
    assert bar.evaluate("bar => bar.scrollWidth <= bar.clientWidth + 1")  # five years fit on one row
    phone.click(".year-nav a[href='#nam-2024']")
    phone.wait_for_function("() => location.hash === '#nam-2024'")
    box = bar.bounding_box()
    assert box["y"] == pytest.approx(0, abs=1) and box["height"] < 80  # stuck at the top, one row
    heading = phone.locator("#nam-2024 .timeline__heading").bounding_box()
    assert box["y"] + box["height"] <= heading["y"] < 200  # the year's heading shows right below the bar

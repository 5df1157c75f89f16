"""The campaign page on a phone: a year navigation (links to each year's section, the current year marked) and a
separator between a cited document and its summary in "Căn cứ"."""

import datetime
import re
from types import SimpleNamespace

import pytest
from wagtail.models import Locale

from tests.markup import unwrap_document_numbers

pytestmark = pytest.mark.django_db


def year_nav(html):
    nav = re.search(r'<nav class="year-nav"[^>]*>(.*?)</nav>', html, re.S)
    assert nav, "no year navigation"
    return re.findall(r'<a href="#([^"]+)"([^>]*)>(.*?)</a>', nav.group(1), re.S)


def test_year_links_jump_to_the_sections_of_the_years(client, campaign):
    html = client.get(campaign.url).content.decode()
    links = year_nav(html)
    section_ids = re.findall(r'<li class="timeline__year[^"]*" id="([^"]+)"', html)
    assert [anchor for anchor, _attributes, _text in links] == section_ids
    assert section_ids == [f"nam-{year}" for year in range(2021, 2026)]
    assert [re.sub(r"<[^>]+>", "", text).strip() for _anchor, _attributes, text in links] == [
        str(year) for year in range(2021, 2026)
    ]


@pytest.mark.parametrize("year", [2021, 2023, 2025])
def test_the_current_year_is_marked(client, campaign, monkeypatch, year):
    """The current year in Asia/Ho_Chi_Minh: 1 January 2023 there is still 31 December 2022 in UTC."""
    monkeypatch.setattr("campaigns.models.timezone", SimpleNamespace(localdate=lambda: datetime.date(year, 1, 1)))
    html = client.get(campaign.url).content.decode()
    marked = [(anchor, text) for anchor, attributes, text in year_nav(html) if 'aria-current="date"' in attributes]
    assert len(marked) == 1 and marked[0][0] == f"nam-{year}"
    assert "Năm nay" in marked[0][1]  # a visible mark, not colour alone
    english = campaign.get_translation(Locale.objects.get(language_code="en"))
    english_html = client.get(english.url).content.decode()
    assert [text for _anchor, attributes, text in year_nav(english_html) if "aria-current" in attributes] == [
        f'{year} <span class="year-nav__mark">This year</span>'
    ]


def test_no_year_is_marked_outside_the_period(client, campaign, monkeypatch):
    monkeypatch.setattr("campaigns.models.timezone", SimpleNamespace(localdate=lambda: datetime.date(2030, 6, 1)))
    html = client.get(campaign.url).content.decode()
    assert len(year_nav(html)) == 5 and not [link for link in year_nav(html) if "aria-current" in link[1]]


def test_legal_basis_parts_the_citation_from_the_summary(client, campaign):
    html = unwrap_document_numbers(client.get(campaign.url).content.decode())
    basis = html.split('id="basis-title"', 1)[1].split("</section>", 1)[0]
    items = re.findall(r"<li>(.*?)</li>", basis, re.S)
    assert items
    separated = r'<a href="/van-ban/\d+/">[^<]+</a>&nbsp;— <span class="legal-basis__summary">[^<]+</span>'
    for item in items:
        assert re.fullmatch(separated, item), item
    assert 'của Bộ Chính trị</a>&nbsp;— <span class="legal-basis__summary">Về tiếp tục' in basis

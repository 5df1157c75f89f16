"""The search box in a real browser: titles are suggested as the reader types, without marks, and the
results page marks the words found."""

import pytest

from articles.importer import ArticleImporter
from tests.factories import article_record, jsonl

TITLE = "Huấn luyện an toàn vệ sinh lao động cho công nhân thủy điện"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_search_box_suggests_titles_and_finds_them(live_site, home):
    from playwright.sync_api import expect  # here, so that without Playwright the fixtures skip (or fail in CI)

    ArticleImporter(home, publish=True).import_line(jsonl([article_record(900, slug="huan-luyen", title=TITLE)]))
    page = live_site.new_page(viewport={"width": 360, "height": 800})
    page.goto(live_site.url + "/")
    page.locator("#site-search").press_sequentially("huan luy", delay=30)
    expect(page.locator(f'#search-suggestions option[value="{TITLE}"]')).to_have_count(1)

    page.locator("#site-search").fill("huan luyen an toan")
    page.locator("#site-search").press("Enter")
    page.wait_for_url("**/search/?q=huan+luyen+an+toan")
    result = page.locator(".search-results li").first
    expect(result.get_by_role("link")).to_have_text(TITLE)
    expect(page.locator(".search-results mark").first).to_be_visible()

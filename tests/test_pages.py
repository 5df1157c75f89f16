"""Every page type renders the demo content as a reader should see it."""

import json
import re
from pathlib import Path

import pytest
from django.test import RequestFactory
from django.utils import timezone
from django.utils.html import escape
from django.views.defaults import server_error

from demo.management.commands.load_demo_content import DEMO_DIR
from tests.conftest import SEED_SLUG
from tests.markup import unwrap_document_numbers

SEED_FILE = Path(__file__).resolve().parent.parent.parent / "shared" / "seed" / "seed-article.txt"

pytestmark = pytest.mark.django_db


def html(response):
    return unwrap_document_numbers(response.content.decode())


def test_home_page_links_to_the_seed_article_and_the_campaign(client, seed_article, campaign):
    response = client.get("/")
    assert response.status_code == 200
    assert f'href="{seed_article.url}"' in html(response)
    assert f'href="{campaign.url}"' in html(response)
    assert "Thông tin mới nhất" not in html(response)  # the home page lists the news itself


def test_home_page_shows_a_block_per_section(client, home):
    content = html(client.get("/"))
    for title in ["Tin hoạt động", "Học tập và làm theo Bác", "Chính sách - Pháp luật", "Đời sống công nhân"]:
        assert title in content


def test_seed_article_is_published_as_in_the_old_portal(client, seed_article):
    response = client.get(seed_article.url)
    assert response.status_code == 200
    content = html(response)
    assert "<h1" in content and seed_article.title in content
    assert "10/09/2021" in content
    assert "Tiến Sỹ - LĐLĐ tỉnh" in content
    assert "Lượt xem: 32" in content
    assert (
        "<figcaption>Đ/c Nguyễn Hữu Long, Bí thư Chi Bộ LĐLĐ tỉnh phát biểu tại Đại hội Chi bộ LĐLĐ tỉnh lần thứ X, "
        'nhiệm kỳ 2020-2025. <span class="credit">Ảnh: PT (LĐLĐ tỉnh)</span></figcaption>'
    ) in content
    for start in ["Năm 2021: Xây dựng", "Năm 2022: Triển khai", "Năm 2023:", "Năm 2024:", "Năm 2025:", "Các cấp công"]:
        assert start in content
    assert "Thông tin mới nhất" in content


def test_seed_article_shows_every_paragraph_of_the_seed(client, seed_article):
    seed = json.loads((DEMO_DIR / "seed.json").read_text(encoding="utf-8"))["article"]
    content = html(client.get(seed_article.url))
    assert escape(seed["lead"]) in content
    paragraphs = [block["text"] for block in seed["body"] if block["type"] == "paragraph"]
    assert len(paragraphs) == 8
    for text in paragraphs:
        assert escape(text) in content


@pytest.mark.skipif(not SEED_FILE.exists(), reason="the original seed article is in ../shared, outside the repo")
def test_demo_seed_is_the_original_article():
    original = SEED_FILE.read_text(encoding="utf-8")
    seed = json.loads((DEMO_DIR / "seed.json").read_text(encoding="utf-8"))["article"]
    assert original.splitlines()[0].strip() == seed["title"]
    for text in [seed["lead"]] + [block["text"] for block in seed["body"] if block["type"] == "paragraph"]:
        assert text in original


def test_article_links_the_documents_it_cites(client, seed_article):
    content = html(client.get(seed_article.url))
    document = seed_article.documents.get(number="01-KL/TW")
    citation = "Kết luận số 01-KL/TW, ngày 18/5/2021 của Bộ Chính trị"
    assert f'<a href="{document.get_absolute_url()}">{citation}</a>' in content
    detail = client.get(document.get_absolute_url())
    assert detail.status_code == 200
    assert seed_article.title in html(detail)


def test_article_shows_tags_related_articles_and_campaign(client, seed_article, campaign):
    content = html(client.get(seed_article.url))
    assert "Học tập và làm theo Bác" in content
    assert "Tin liên quan" in content
    assert f'href="{campaign.url}"' in content


def test_section_lists_its_articles_newest_first_and_paginates(client, section):
    response = client.get(section.url)
    assert response.status_code == 200
    dates = re.findall(r'<time datetime="(\d{4}-\d\d-\d\d)">', html(response).split('class="sidebar"')[0])
    assert dates and dates == sorted(dates, reverse=True)


@pytest.mark.parametrize("page", ["abc", "999", "-1", "1.5", ""])
def test_section_pagination_never_fails_on_bad_input(client, section, page):
    assert client.get(section.url, {"page": page}).status_code == 200


def test_campaign_shows_five_years_in_order_with_their_articles(client, campaign, seed_article):
    response = client.get(campaign.url)
    assert response.status_code == 200
    content = html(response)
    positions = [content.index(f'id="nam-{year}"') for year in range(2021, 2026)]
    assert positions == sorted(positions)
    assert "19/05/2025" in content and "23/09/2023" in content
    assert "hoàn thành ngay trong quý III năm 2021" in content
    year_2021 = content[positions[0] : positions[1]]
    assert seed_article.title in year_2021
    assert "Kết luận số 01-KL/TW" in content  # legal basis


def test_campaign_marks_the_current_year(client, campaign):
    this_year = timezone.localdate().year
    campaign.start_year, campaign.end_year = this_year - 1, this_year + 1
    campaign.years = [
        ("year", {"year": year, "activities": [], "milestones": []}) for year in range(this_year - 1, this_year + 2)
    ]
    campaign.save_revision().publish()
    content = html(client.get(campaign.url))
    marked = re.findall(r'<li class="timeline__year timeline__year--current" id="nam-(\d+)"', content)
    assert marked == [str(this_year)]
    assert content.count("timeline__year--current") == 1


def test_document_library_lists_the_seed_documents(client):
    content = html(client.get("/van-ban/"))
    for number in ["01-KL/TW", "05-CT/TW", "260/KH-LĐLĐ", "67/HD-LĐLĐ"]:
        assert number in content


def test_unknown_page_gets_the_vietnamese_404(client):
    response = client.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    assert "Không tìm thấy trang" in html(response)


def test_server_error_page_is_in_vietnamese():
    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    assert "Hệ thống đang gặp sự cố" in response.content.decode()


def test_search_finds_the_seed_article_and_answers_json(client, seed_article):
    assert seed_article.title in html(client.get("/search/", {"q": "Kết luận"}))
    data = client.get("/search/", {"q": "Kết luận", "format": "json"}).json()
    assert any(result["url"].rstrip("/").endswith(SEED_SLUG) for result in data["results"])


def test_login_link_leads_to_the_admin(client):
    assert 'href="/admin/login/"' in html(client.get("/"))


def test_section_pages_go_back_in_time(client, section, home):
    from articles.importer import ArticleImporter
    from tests.factories import article_record, jsonl

    importer = ArticleImporter(home, publish=True)
    for number in range(12):
        importer.import_line(jsonl([article_record(200 + number, published=f"2020-01-{number + 1:02d}")]))
    first = client.get(section.url).content.decode()
    second = client.get(section.url, {"page": 2}).content.decode()
    assert "Trang 1/2" in first and 'rel="next"' in first
    assert "Trang 2/2" in second and "Bài thử nghiệm số 200 " in second  # the oldest, on the last page
    assert "Bài thử nghiệm số 200 " not in first.split('class="sidebar"')[0]

"""`manage.py import_articles`: idempotent by slug, bad lines reported by number without losing the others."""

import pytest
from django.core.management import CommandError, call_command

from articles.models import ArticleIndexPage, ArticlePage
from official_documents.models import OfficialDocument
from tests.factories import article_record, jsonl

pytestmark = pytest.mark.django_db


@pytest.fixture
def write(tmp_path):
    def write(records, name="articles.jsonl"):
        path = tmp_path / name
        path.write_text(records if isinstance(records, str) else jsonl(records), encoding="utf-8")
        return str(path)

    return write


def run(*args):
    from io import StringIO

    out, err = StringIO(), StringIO()
    try:
        call_command("import_articles", *args, stdout=out, stderr=err)
    except CommandError as error:
        return out.getvalue(), err.getvalue() + str(error)
    return out.getvalue(), err.getvalue()


def test_import_creates_published_articles_with_everything(write):
    record = article_record(1, category="Chuyên mục mới", documents=["01-kl/tw"])
    out, _ = run(write([record]), "--publish")
    assert "1 tạo mới" in out
    page = ArticlePage.objects.get(slug="bai-thu-nghiem-1")
    assert page.live and page.title == record["title"] and page.lead == record["lead"]
    assert page.byline == "Phóng viên - LĐLĐ tỉnh"
    assert page.get_parent().title == "Chuyên mục mới"
    assert sorted(tag.name for tag in page.tags.all()) == ["Chủ đề 1", "Thử nghiệm"]
    assert [document.number for document in page.documents.all()] == ["01-KL/TW"]  # the demo's document, reused
    assert OfficialDocument.objects.filter(number="01-KL/TW", locale__language_code="vi").count() == 1
    images = [block.value for block in page.body if block.block_type == "image"]
    assert images[0]["image"].caption == "Ảnh minh họa bài 1" and images[0]["image"].credit == "Phóng viên"
    assert page.feature_image.pk == images[0]["image"].pk


def test_reimport_updates_and_never_duplicates(write):
    path = write([article_record(1), article_record(2)])
    run(path, "--publish")
    revisions = ArticlePage.objects.get(slug="bai-thu-nghiem-1").revisions.count()
    out, _ = run(path, "--publish")
    assert "0 tạo mới, 0 cập nhật, 2 không đổi" in out
    assert ArticlePage.objects.filter(slug__startswith="bai-thu-nghiem-").count() == 2
    assert ArticlePage.objects.get(slug="bai-thu-nghiem-1").revisions.count() == revisions

    out, _ = run(write([article_record(1, title="Tiêu đề đã sửa")], "again.jsonl"), "--publish")
    assert "1 cập nhật" in out
    assert ArticlePage.objects.get(slug="bai-thu-nghiem-1").title == "Tiêu đề đã sửa"
    assert ArticlePage.objects.filter(slug="bai-thu-nghiem-1").count() == 1


def test_bad_lines_are_reported_by_number_and_good_lines_still_imported(write):
    lines = "\n".join(
        [
            jsonl([article_record(1)]).strip(),
            "{not json",
            jsonl([article_record(3, published="2024-13-45")]).strip(),
            jsonl([article_record(4, slug="bài-có-dấu")]).strip(),
            jsonl([article_record(5, title="")]).strip(),
            jsonl([article_record(6)]).strip(),
        ]
    )
    out, err = run(write(lines), "--publish")
    assert "Dòng 2: JSON không hợp lệ" in err
    assert "Dòng 3: ngày “2024-13-45” không đúng dạng YYYY-MM-DD" in err
    assert "Dòng 4: slug “bài-có-dấu”" in err
    assert "Dòng 5: thiếu trường “title”" in err
    assert "2 tạo mới" in err and "4 lỗi" in err and "Các dòng lỗi: 2, 3, 4, 5." in err
    assert set(ArticlePage.objects.filter(slug__startswith="bai-thu-nghiem-").values_list("slug", flat=True)) == {
        "bai-thu-nghiem-1",
        "bai-thu-nghiem-6",
    }


def test_without_publish_articles_are_drafts_and_not_public(write, client):
    run(write([article_record(7)]))
    page = ArticlePage.objects.get(slug="bai-thu-nghiem-7")
    assert not page.live
    assert client.get(page.get_parent().url).content.decode().count(page.title) == 0


def test_section_option_puts_every_article_in_that_section(write, section):
    run(write([article_record(8, category="Khác hẳn")]), "--section", section.slug, "--publish")
    assert ArticlePage.objects.get(slug="bai-thu-nghiem-8").get_parent().pk == section.pk
    assert not ArticleIndexPage.objects.filter(title="Khác hẳn").exists()


def test_unknown_section_and_missing_file_are_clear_errors(write):
    _, err = run(write([article_record(9)]), "--section", "khong-co")
    assert "Không có chuyên mục với slug “khong-co”." in err
    _, err = run("/khong/co/tep.jsonl")
    assert "Không đọc được tệp /khong/co/tep.jsonl" in err


def test_decomposed_text_is_stored_composed(write):
    import unicodedata

    run(write([article_record(10, title=unicodedata.normalize("NFD", "Công đoàn cơ sở"))]), "--publish")
    assert ArticlePage.objects.get(slug="bai-thu-nghiem-10").title == unicodedata.normalize("NFC", "Công đoàn cơ sở")


def state(slug):
    """What a re-import must leave as it was: the page row as saved, its revisions and its live revision."""
    page = ArticlePage.objects.get(slug=slug)
    return {
        "revisions": list(page.revisions.values_list("pk", flat=True)),
        "row": {
            name: getattr(page, name)
            for name in (
                "title",
                "latest_revision_id",
                "live_revision_id",
                "last_published_at",
                "latest_revision_created_at",
                "has_unpublished_changes",
                "live",
                "path",
            )
        },
        "tags": sorted(page.tags.values_list("name", flat=True)),
    }


@pytest.mark.parametrize("publish", [True, False], ids=["published", "drafts"])
def test_a_slug_repeated_in_one_file_is_reported_and_the_last_line_wins_once(write, publish):
    path = write(
        [
            article_record(1, title="Bản thứ nhất của bài"),
            article_record(2),
            article_record(1, title="Bản giữa của bài"),
            article_record(1, title="Bản cuối cùng của bài", tags=["Cuối"]),
        ]
    )
    options = ["--publish"] if publish else []
    out, err = run(path, *options)
    message = "Dòng 1, 3, 4: cùng slug “bai-thu-nghiem-1”; chỉ dòng 4 (dòng cuối) được nhập."
    assert message in err
    assert "2 tạo mới" in out and "2 dòng trùng slug bỏ qua" in out
    page = ArticlePage.objects.get(slug="bai-thu-nghiem-1")
    assert page.get_latest_revision_as_object().title == "Bản cuối cùng của bài"
    assert page.revisions.count() == 1
    before = [state("bai-thu-nghiem-1"), state("bai-thu-nghiem-2")]
    for _ in range(2):
        out, err = run(path, *options)
        assert "0 tạo mới, 0 cập nhật, 2 không đổi" in out and message in err
        assert [state("bai-thu-nghiem-1"), state("bai-thu-nghiem-2")] == before

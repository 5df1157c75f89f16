"""backup_site writes one archive (the database as the database dumps it, and the media folder); restore_site puts
it back: after a backup, a wipe and a restore, every page, revision, image (record and file), rendition and
statistic is found again, exactly. A bad archive is refused before anything is changed.

The restore replaces the whole database, so these tests are transactional: they start from the demo content
(serialized rollback, see django_db_setup in tests/conftest.py) and the database is emptied after them, as after
the live-server tests."""

import datetime
import hashlib
import io
import json
import tarfile
from pathlib import Path

import pytest
from django.apps import apps
from django.core.files.images import ImageFile
from django.core.management import CommandError, call_command
from django.test import Client
from PIL import Image
from wagtail.models import Page, Revision

from articles.models import ArticlePage
from images.models import CaptionedImage, CaptionedImageRendition
from visits.models import DailyPageViews, VisitStatisticsSettings

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36"

transactional = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def content_types_cached(transactional_db):
    """A restore empties this process's content type cache (ids may differ in the archive). The next transactional
    test reloads the demo content, whose save signals look content types up: with the cache empty they would be
    created before the serialized rows that carry them. Filled again here from the restored database (the demo's
    own ids), as a restarted web process would, before the database is emptied (this fixture depends on it)."""
    yield
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.get_for_models(*apps.get_models())


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    Path(settings.MEDIA_ROOT).mkdir()
    return Path(settings.MEDIA_ROOT)


def png(color):
    buffer = io.BytesIO()
    Image.new("RGB", (640, 480), color).save(buffer, "PNG")
    return ImageFile(buffer, name="anh-sao-luu.png")


def digest(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def add_content(media):
    """Beyond the demo content: an article with two revisions, a photo with a rendition, views counted."""
    photo = CaptionedImage.objects.create(
        title="Ảnh sao lưu", file=png("#a30d11"), caption="Đại hội công đoàn cơ sở", credit="Phóng viên"
    )
    rendition = photo.get_rendition("fill-320x240")
    section = Page.objects.get(slug="tin-hoat-dong").specific
    article = ArticlePage(
        title="Bài viết được sao lưu", slug="bai-viet-duoc-sao-luu", lead="Tóm tắt.", body=[], feature_image=photo
    )
    section.add_child(instance=article)
    article.save_revision().publish()
    article.title = "Bài viết được sao lưu (bản nháp sửa)"
    article.save_revision()
    reader = Client(HTTP_USER_AGENT=BROWSER, REMOTE_ADDR="203.0.113.20")
    assert reader.get(article.url).status_code == 200
    DailyPageViews.objects.create(page=article, day=datetime.date(2025, 1, 2), views=41)
    settings_row = VisitStatisticsSettings.objects.first()
    assert settings_row is not None and settings_row.initial_total > 0, "the demo sets the old portal's total"
    assert (media / rendition.file.name).is_file()
    return article


def snapshot(media):
    """Everything the test expects back, by value."""
    return {
        "pages": sorted(
            Page.objects.values_list(
                "id",
                "title",
                "url_path",
                "path",
                "depth",
                "numchild",
                "live",
                "locale_id",
                "translation_key",
                "latest_revision_id",
                "live_revision_id",
            )
        ),
        "revisions": sorted(
            (revision.id, revision.object_id, revision.created_at, json.dumps(revision.content, sort_keys=True))
            for revision in Revision.objects.all()
        ),
        "images": sorted(
            (image.id, image.title, image.caption, image.credit, image.file.name, digest(media / image.file.name))
            for image in CaptionedImage.objects.all()
            if (media / image.file.name).is_file()
        ),
        "image records": sorted(CaptionedImage.objects.values_list("id", "file")),
        "renditions": sorted(
            (rendition.image_id, rendition.filter_spec, rendition.file.name, digest(media / rendition.file.name))
            for rendition in CaptionedImageRendition.objects.all()
        ),
        "views": sorted(DailyPageViews.objects.values_list("page_id", "day", "views")),
        "visit settings": sorted(VisitStatisticsSettings.objects.values_list("site_id", "initial_total")),
        "rows per table": {model._meta.label: model._default_manager.count() for model in apps.get_models()},
        "media files": sorted(
            (str(path.relative_to(media)), digest(path)) for path in media.rglob("*") if path.is_file()
        ),
    }


@transactional
def test_backup_wipe_restore_finds_everything_again(media, tmp_path, content_types_cached):
    article = add_content(media)
    before = snapshot(media)
    assert before["images"] and before["renditions"] and before["views"], "the test has something to lose"

    call_command("backup_site", output=str(tmp_path / "backups"), stdout=io.StringIO())
    [archive] = (tmp_path / "backups").glob("portal-backup-*.tar.gz")

    # Every table emptied, migrations' rows included (no post_migrate to put content types back).
    call_command("flush", interactive=False, inhibit_post_migrate=True)
    for path in sorted(media.rglob("*"), reverse=True):
        path.unlink() if path.is_file() else path.rmdir()
    assert not Page.objects.exists() and not any(media.iterdir())

    output = io.StringIO()
    call_command("restore_site", str(archive), interactive=False, stdout=output)
    assert "Đã khôi phục từ" in output.getvalue()

    after = snapshot(media)
    for part in before:
        assert after[part] == before[part], part
    response = Client().get(article.url)
    assert response.status_code == 200
    assert "Bài viết được sao lưu" in response.content.decode()


@transactional
def test_restore_replaces_what_was_added_after_the_backup(media, tmp_path, content_types_cached):
    call_command("backup_site", output=str(tmp_path), stdout=io.StringIO())
    [archive] = tmp_path.glob("portal-backup-*.tar.gz")
    pages = Page.objects.count()
    add_content(media)
    assert Page.objects.count() == pages + 1

    call_command("restore_site", str(archive), interactive=False, stdout=io.StringIO())
    assert Page.objects.count() == pages
    assert not ArticlePage.objects.filter(slug="bai-viet-duoc-sao-luu").exists()
    assert not CaptionedImage.objects.filter(title="Ảnh sao lưu").exists()
    assert not any(path.is_file() for path in media.rglob("*")), "the photo added later is gone too"


@pytest.mark.django_db
def test_a_bad_archive_is_refused_before_anything_changes(tmp_path, media):
    pages = Page.objects.count()
    not_an_archive = tmp_path / "portal-backup-hong.tar.gz"
    not_an_archive.write_bytes(b"not a tar file")
    with pytest.raises(CommandError, match="không phải là bản sao lưu của cổng thông tin"):
        call_command("restore_site", str(not_an_archive), interactive=False)

    no_manifest = tmp_path / "khong-co-manifest.tar.gz"
    with tarfile.open(no_manifest, "w:gz") as tar:
        tar.add(__file__, arcname="database.sqlite3")
    with pytest.raises(CommandError, match="thiếu hoặc sai manifest.json"):
        call_command("restore_site", str(no_manifest), interactive=False)

    other_vendor = tmp_path / "csdl-khac.tar.gz"
    manifest = json.dumps({"format": 1, "vendor": "oracle", "counts": {}}).encode()
    with tarfile.open(other_vendor, "w:gz") as tar:
        info = tarfile.TarInfo("manifest.json")
        info.size = len(manifest)
        tar.addfile(info, io.BytesIO(manifest))
    with pytest.raises(CommandError, match="là của cơ sở dữ liệu oracle"):
        call_command("restore_site", str(other_vendor), interactive=False)

    with pytest.raises(CommandError, match="không có tệp này"):
        call_command("restore_site", str(tmp_path / "khong-ton-tai.tar.gz"), interactive=False)
    assert Page.objects.count() == pages


@pytest.mark.django_db
def test_restore_asks_first_and_changes_nothing_unless_told_yes(tmp_path, media, monkeypatch):
    call_command("backup_site", output=str(tmp_path), stdout=io.StringIO())
    [archive] = tmp_path.glob("portal-backup-*.tar.gz")
    with tarfile.open(archive) as tar:
        names = tar.getnames()
    assert {"manifest.json", "media"} <= set(names)
    assert "database.sqlite3" in names or "database.pgdump" in names

    pages = Page.objects.count()
    Page.objects.get(slug="tin-hoat-dong").specific.add_child(
        instance=ArticlePage(title="Bài sau sao lưu", slug="bai-sau-sao-luu", lead="Tóm tắt.", body=[])
    )
    questions = []
    monkeypatch.setattr("builtins.input", lambda question: questions.append(question) or "no")
    with pytest.raises(CommandError, match="Đã huỷ khôi phục"):
        call_command("restore_site", str(archive))
    assert "XOÁ toàn bộ dữ liệu" in questions[0]
    assert Page.objects.count() == pages + 1

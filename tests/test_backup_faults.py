"""A restore either completes or changes nothing: archives damaged in every way we could think of are refused with
a clear message (Vietnamese and English, no traceback, non-zero exit status), and afterwards the database (table
list, rows, titles) and the media folder (every file, byte for byte) are exactly as before; verify_backup says the
same without touching anything; and a restore killed with SIGKILL at each step leaves the old state or, once the
next run has settled it, the new one, never a mix.

Each test runs on the suite's database: SQLite in memory (the kill tests on a file database of their own), or
PostgreSQL when DATABASE_URL is a postgres URL (the kill tests on a scratch database of their own)."""

import hashlib
import io
import json
import os
import re
import secrets
import sqlite3
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.models import Group, User
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command
from django.db import connection
from wagtail.models import Page, Revision

from images.models import CaptionedImage
from operations.backup import extract_checked
from visits.models import DailyPageViews

BASE_DIR = Path(__file__).resolve().parent.parent
NOTHING_CHANGED = "Không có gì bị thay đổi. / Nothing was changed."


def vendor():
    return connection.vendor


def files(root):
    """Every file under root with its bytes' digest, and every folder."""
    root = Path(root)
    if not root.exists():
        return None
    return sorted(
        (str(path.relative_to(root)), hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "dir")
        for path in root.rglob("*")
    )


@pytest.fixture
def media(settings, tmp_path):
    root = tmp_path / "media"
    (root / "original_images").mkdir(parents=True)
    (root / "original_images" / "dai-hoi.png").write_bytes(b"\x89PNG photo of the congress" * 50)
    (root / "documents").mkdir()
    (root / "documents" / "ke-hoach.pdf").write_bytes(b"%PDF-1.4 plan" * 20)
    settings.MEDIA_ROOT = str(root)
    return root


@pytest.fixture
def archive(db, media, tmp_path):
    """A good archive of the demo content and the media above; then the live site moves on, so that a restore
    that wrongly went ahead would show."""
    call_command("backup_site", output=str(tmp_path / "backups"), stdout=io.StringIO())
    [path] = (tmp_path / "backups").glob("portal-backup-*.tar.gz")
    (media / "original_images" / "anh-moi.png").write_bytes(b"uploaded after the backup")
    (media / "documents" / "ke-hoach.pdf").write_bytes(b"%PDF-1.4 plan, amended")
    Page.objects.filter(slug="tin-hoat-dong").update(title="Tin hoạt động (sửa sau sao lưu)")
    return path


def live_state(media):
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
    return {
        "tables": tables,
        "rows": {
            model._meta.label: model._default_manager.count()
            for model in (Page, Revision, CaptionedImage, DailyPageViews, User, Group, ContentType)
        },
        "titles": sorted(Page.objects.values_list("id", "title")),
        "media": files(media),
        # Nothing left beside the media folder (staging, old folders) and nothing written outside it.
        "beside": sorted(path.name for path in media.parent.iterdir() if path.name != ".media-restore.lock"),
    }


def read_members(path):
    with tarfile.open(path, "r:gz") as tar:
        return [[member, tar.extractfile(member).read() if member.isfile() else None] for member in tar.getmembers()]


def write_members(path, entries):
    with tarfile.open(path, "w:gz") as tar:
        for member, data in entries:
            if data is not None:
                member.size = len(data)
            tar.addfile(member, io.BytesIO(data) if data is not None else None)
    return path


def entry(entries, name):
    return next(item for item in entries if item[0].name == name)


def dump_name():
    return "database.sqlite3" if vendor() == "sqlite" else "database.pgdump"


def edit_manifest(change):
    def edit(entries):
        item = entry(entries, "manifest.json")
        manifest = json.loads(item[1])
        change(manifest)
        item[1] = json.dumps(manifest).encode()

    return edit


def without_digest(change):
    """The dump's damage with its size and digest taken out of the manifest (as in an archive from before they
    were listed, or a manifest rewritten to match): the dump's own checks must still find it."""

    def edit(entries):
        change(entries)
        edit_manifest(lambda manifest: manifest.pop("database"))(entries)

    return edit


def cut_dump(where):
    @without_digest
    def edit(entries):
        item = entry(entries, dump_name())
        data = item[1]
        item[1] = data[: where(data)]

    return edit


@without_digest
def garbage_dump(entries):
    item = entry(entries, dump_name())
    item[1] = secrets.token_bytes(len(item[1]))


@without_digest
def zero_the_middle(entries):
    """Same size, the header intact, 16 KB in the middle zeroed (a bad disk block)."""
    item = entry(entries, dump_name())
    middle = len(item[1]) // 2 // 4096 * 4096
    item[1] = item[1][:middle] + bytes(16384) + item[1][middle + 16384 :]


def flip_a_byte(entries):
    item = entry(entries, dump_name())
    data = bytearray(item[1])
    data[len(data) // 2] ^= 0x20
    item[1] = bytes(data)


def between_tables(data):
    """A cut at a clean boundary: between two data blocks of a PostgreSQL custom dump, between two pages of an
    SQLite file, halfway through."""
    if data.startswith(b"SQLite format 3\x00"):
        page_size = int.from_bytes(data[16:18], "big") or 65536
        return len(data) // page_size // 2 * page_size
    return pgdump_block_starts(data)[len(pgdump_block_starts(data)) // 2]


def pgdump_block_starts(data, _cache={}):  # noqa: B006 (memoised: the search below runs pg_restore ~20 times)
    key = hashlib.sha256(data).hexdigest()
    if key in _cache:
        return _cache[key]
    # The table of contents ends where pg_restore --list first succeeds on a prefix.
    probe = Path(django_settings.MEDIA_ROOT).parent / "probe.pgdump"
    low, high = 1, len(data)
    while low < high:
        middle = (low + high) // 2
        probe.write_bytes(data[:middle])
        listed = subprocess.run(  # noqa: S603
            ["pg_restore", "--list", str(probe)],  # noqa: S607
            capture_output=True,
            check=False,
        )
        low, high = (low, middle) if listed.returncode == 0 else (middle + 1, high)
    probe.unlink()
    int_size = data[8]  # header: "PGDMP", version (3 bytes), int size, offset size, ...

    def read_int(offset):
        value = int.from_bytes(data[offset + 1 : offset + 1 + int_size], "little")
        return (-value if data[offset] else value), offset + 1 + int_size

    starts, offset = [], low
    while offset < len(data):  # block: type byte, dump id, then chunks (length, bytes) ending with length 0
        starts.append(offset)
        _dump_id, offset = read_int(offset + 1)
        while True:
            length, offset = read_int(offset)
            if length == 0:
                break
            offset += length
    assert offset == len(data) and len(starts) > 10, "the custom format parsed to its end"
    _cache[key] = starts
    return starts


@without_digest
def other_kind(entries):
    """The other database's dump under this database's name."""
    item = entry(entries, dump_name())
    if vendor() == "sqlite":
        item[1] = b"PGDMP\x01\x0e\x00\x04\x08\x01\x01" + secrets.token_bytes(4000)
    else:
        path = Path(django_settings.MEDIA_ROOT).parent / "other.sqlite3"
        with sqlite3.connect(path) as other:
            other.execute("CREATE TABLE wagtailcore_page (id integer)")
        item[1] = path.read_bytes()
        path.unlink()


def add_member(name, kind=tarfile.REGTYPE, data=b"pwned", **attributes):
    def edit(entries):
        member = tarfile.TarInfo(name)
        member.type = kind
        for key, value in attributes.items():
            setattr(member, key, value)
        entries.append([member, data if kind == tarfile.REGTYPE else None])

    return edit


def drop_members(predicate):
    def edit(entries):
        entries[:] = [item for item in entries if not predicate(item[0].name)]

    return edit


def change_media_file(entries):
    item = entry(entries, "media/documents/ke-hoach.pdf")
    item[1] = item[1].replace(b"plan", b"PLAN")  # same size, other bytes


def first_table(manifest):
    manifest["tables"]["wagtailcore_page"] += 1


DAMAGES = {
    # The database dump
    "dump cut early": (cut_dump(lambda data: len(data) // 50), "dump|SQLite|cắt cụt"),
    "dump cut in the middle": (cut_dump(lambda data: len(data) // 2), "dump|SQLite|cắt cụt"),
    "dump cut late": (cut_dump(lambda data: len(data) - 100), "dump|SQLite|cắt cụt"),
    "dump cut between tables": (cut_dump(between_tables), "dump|SQLite|cắt cụt"),
    "dump empty": (cut_dump(lambda data: 0), "dump|SQLite|cắt cụt"),
    "dump is garbage": (garbage_dump, "dump|SQLite|cắt cụt"),
    "dump with a zeroed block": (zero_the_middle, "dump|SQLite"),
    "dump with one byte changed": (flip_a_byte, "khác với manifest"),
    "dump of the other database kind": (other_kind, "dump|SQLite|cắt cụt"),
    "dump missing": (drop_members(lambda name: name == dump_name()), "thiếu tệp cơ sở dữ liệu"),
    # The manifest
    "manifest missing": (drop_members(lambda name: name == "manifest.json"), "thiếu hoặc sai manifest.json"),
    "manifest not JSON": (lambda entries: entry(entries, "manifest.json").__setitem__(1, b"{not json"), "không phải"),
    "manifest of another format": (edit_manifest(lambda m: m.update(format=2)), "manifest.json"),
    "manifest of the other database kind": (
        edit_manifest(lambda m: m.update(vendor="postgresql" if m["vendor"] == "sqlite" else "sqlite")),
        "là của cơ sở dữ liệu",
    ),
    "manifest page count altered": (
        edit_manifest(lambda m: m["counts"].update({"wagtailcore.Page": m["counts"]["wagtailcore.Page"] + 1})),
        "mâu thuẫn|wagtailcore_page",
    ),
    "manifest table count altered": (edit_manifest(first_table), "wagtailcore_page"),
    "manifest counts missing": (edit_manifest(lambda m: m.pop("counts")), "manifest.json"),
    "manifest media digest altered": (
        edit_manifest(lambda m: m["media"][0].update(sha256="0" * 64)),
        "tệp media .* khác",
    ),
    # The media
    "media missing": (drop_members(lambda name: name.split("/")[0] == "media"), "--keep-media"),
    "a media file missing": (drop_members(lambda name: name == "media/documents/ke-hoach.pdf"), "thiếu tệp media"),
    "a media file altered": (change_media_file, "tệp media .* khác"),
    "an unlisted media file": (add_member("media/original_images/them.png"), "tệp media lạ"),
    # Hostile members
    "path traversal": (add_member("media/../../evil.txt"), "thoát ra ngoài"),
    "path traversal at the top": (add_member("../evil.txt"), "thoát ra ngoài"),
    "absolute path": (add_member(f"/tmp/portal-evil-{secrets.token_hex(4)}.txt"), "tuyệt đối"),  # noqa: S108
    "symbolic link": (
        add_member("media/original_images/passwd.png", tarfile.SYMTYPE, linkname="/etc/passwd"),
        "liên kết",
    ),
    "symbolic link out of the folder": (
        add_member("media/up", tarfile.SYMTYPE, linkname="../../.."),
        "liên kết",
    ),
    "hard link": (add_member("media/manifest-copy", tarfile.LNKTYPE, linkname="manifest.json"), "liên kết"),
    "device": (add_member("media/null", tarfile.CHRTYPE, devmajor=1, devminor=3), "thiết bị"),
    "fifo": (add_member("media/pipe", tarfile.FIFOTYPE), "thiết bị"),
    "unexpected member": (add_member("cai-dat.sh", data=b"#!/bin/sh\nrm -rf /\n"), "tệp lạ"),
    "a member twice": (add_member("manifest.json", data=b"{}"), "hai lần"),
}


@pytest.mark.parametrize("damage", DAMAGES)
def test_a_damaged_archive_is_refused_and_nothing_changes(damage, archive, media, tmp_path):
    change, message = DAMAGES[damage]
    entries = read_members(archive)
    change(entries)
    damaged = write_members(tmp_path / "backups" / "damaged.tar.gz", entries)
    before = live_state(media)

    with pytest.raises(CommandError) as refused:
        call_command("restore_site", str(damaged), interactive=False, stdout=io.StringIO())

    text = str(refused.value)
    assert "Bản sao lưu không dùng được / The backup cannot be used" in text
    assert text.endswith(NOTHING_CHANGED)
    assert re.search(message, text), text
    assert live_state(media) == before
    assert not list(Path("/tmp").glob("portal-evil-*")), "nothing written at an absolute path"  # noqa: S108
    assert not (tmp_path.parent / "evil.txt").exists(), "nothing written outside"


@pytest.mark.parametrize("cut", [0.5, 0.9])
def test_a_truncated_or_garbage_archive_file_is_refused(cut, archive, media, tmp_path):
    data = archive.read_bytes()
    damaged = tmp_path / "backups" / "cut.tar.gz"
    damaged.write_bytes(data[: int(len(data) * cut)])
    garbage = tmp_path / "backups" / "garbage.tar.gz"
    garbage.write_bytes(secrets.token_bytes(len(data)))
    before = live_state(media)
    for path in (damaged, garbage):
        with pytest.raises(CommandError, match="cắt cụt, hỏng") as refused:
            call_command("restore_site", str(path), interactive=False, stdout=io.StringIO())
        assert str(refused.value).endswith(NOTHING_CHANGED)
    assert live_state(media) == before


def test_verify_backup_passes_a_good_archive_and_fails_damaged_ones(archive, media, tmp_path):
    before = live_state(media)
    output = io.StringIO()
    call_command("verify_backup", str(archive), stdout=output)
    assert "dùng được" in output.getvalue() and "The backup is usable" in output.getvalue()
    assert "2 media files" in output.getvalue()

    for damage in ("dump cut in the middle", "manifest page count altered", "a media file missing", "symbolic link"):
        entries = read_members(archive)
        DAMAGES[damage][0](entries)
        damaged = write_members(tmp_path / "backups" / "damaged.tar.gz", entries)
        with pytest.raises(CommandError, match=DAMAGES[damage][1]):
            call_command("verify_backup", str(damaged), stdout=io.StringIO())
    assert live_state(media) == before, "verify_backup never touches the live data"


def test_an_archive_from_before_the_media_list_is_still_verified(archive, media, tmp_path):
    entries = read_members(archive)
    edit_manifest(lambda manifest: [manifest.pop("media"), manifest.pop("tables")])(entries)
    old = write_members(tmp_path / "backups" / "old.tar.gz", entries)
    output = io.StringIO()
    call_command("verify_backup", str(old), stdout=output)
    assert "manifest không liệt kê tệp media" in output.getvalue()

    edit_manifest(lambda manifest: manifest["counts"].update({"wagtailcore.Revision": 0}))(entries)
    with pytest.raises(CommandError, match="wagtailcore_revision"):
        call_command("verify_backup", str(write_members(tmp_path / "backups" / "old.tar.gz", entries)))


# In a subprocess, as an operator runs it: exit status and output, and SIGKILL at each step.


def manage(*arguments, database_url, media_root, kill_at=None):
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.development",
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(media_root),
    }
    environment.pop("PORTAL_RESTORE_TEST_KILL_AT", None)
    if kill_at:
        environment["PORTAL_RESTORE_TEST_KILL_AT"] = kill_at
    return subprocess.run(  # noqa: S603 (this interpreter, fixed arguments)
        [sys.executable, "manage.py", *arguments],
        cwd=BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=180,
        start_new_session=True,  # its own process group: the "database" fault kills psql with it
        check=False,
    )


class LiveDatabase:
    """A database of the test's own that the subprocess restores into: the old state is the archive's content
    with a changed title and an extra row, the new state the archive's content."""

    def __init__(self, archive, tmp_path):
        self.tmp_path = tmp_path
        with tarfile.open(archive, "r:gz") as tar:
            extract_checked(tar, [tar.getmember(dump_name())], tmp_path / "unpacked")
        dump = tmp_path / "unpacked" / dump_name()
        if vendor() == "sqlite":
            self.path = tmp_path / "live.sqlite3"
            self.path.write_bytes(dump.read_bytes())
            self.url = f"sqlite:///{self.path}"
        else:
            self.name = f"portal_kill_{secrets.token_hex(6)}"
            server = connection.settings_dict
            self.url = (
                f"postgres://{server['USER']}:{server['PASSWORD']}@{server['HOST'] or '127.0.0.1'}:"
                f"{server['PORT'] or 5432}/{self.name}"
            )
            self.admin(f'CREATE DATABASE "{self.name}" TEMPLATE template0')
            environment = {**os.environ, "PGHOST": server["HOST"] or "127.0.0.1", "PGPORT": str(server["PORT"] or 5432)}
            environment.update(PGUSER=server["USER"] or "", PGPASSWORD=server["PASSWORD"] or "")
            subprocess.run(  # noqa: S603
                [  # noqa: S607 (Debian's client, as operations/backup.py finds it)
                    "pg_restore",
                    "--single-transaction",
                    "--no-owner",
                    "--no-privileges",
                    f"--dbname={self.name}",
                    str(dump),
                ],
                env=environment,
                check=True,
                capture_output=True,
            )
        self.new = self.state()
        self.execute(
            "UPDATE wagtailcore_page SET title = title || ' (cũ)'",
            "INSERT INTO taggit_tag (name, slug) VALUES ('Trước khi khôi phục', 'truoc-khi-khoi-phuc')",
        )
        self.old = self.state()
        assert self.old != self.new

    def connect(self):
        if vendor() == "sqlite":
            return sqlite3.connect(self.path)
        params = {**connection.get_connection_params(), "dbname": self.name}
        raw = connection.get_new_connection(params)
        raw.autocommit = True
        return raw

    def admin(self, statement):
        raw = connection.get_new_connection(connection.get_connection_params())
        raw.autocommit = True
        try:
            with raw.cursor() as cursor:
                cursor.execute(statement)
        finally:
            raw.close()

    def execute(self, *statements):
        raw = self.connect()
        try:
            cursor = raw.cursor()
            for statement in statements:
                cursor.execute(statement)
            raw.commit()
        finally:
            raw.close()

    def state(self):
        from operations.backup import postgresql_table_counts, sqlite_table_counts

        raw = self.connect()
        try:
            cursor = raw.cursor()
            if vendor() == "sqlite":
                assert cursor.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
                rows = sqlite_table_counts(raw)
            else:
                rows = postgresql_table_counts(cursor)
            cursor.execute("SELECT id, title FROM wagtailcore_page ORDER BY id")
            return {"rows": rows, "titles": cursor.fetchall()}
        finally:
            raw.close()

    def drop(self):
        if vendor() == "postgresql":
            self.admin(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


@pytest.fixture
def live_database(archive, tmp_path):
    database = LiveDatabase(archive, tmp_path)
    yield database
    database.drop()


@pytest.fixture
def live_media(tmp_path):
    root = tmp_path / "live-media"
    (root / "original_images").mkdir(parents=True)
    (root / "original_images" / "anh-cu.jpg").write_bytes(b"an older photo")
    (root / "documents").mkdir()
    (root / "documents" / "ke-hoach.pdf").write_bytes(b"%PDF-1.4 an older plan")
    return root


def archive_media(archive):
    with tarfile.open(archive, "r:gz") as tar:
        return sorted(
            (
                member.name.removeprefix("media/"),
                hashlib.sha256(tar.extractfile(member).read()).hexdigest() if member.isfile() else "dir",
            )
            for member in tar.getmembers()
            if member.name.startswith("media/")
        )


@pytest.mark.slow  # manage.py in a subprocess
def test_a_refused_restore_exits_non_zero_with_a_message_and_no_traceback(archive, live_database, live_media):
    entries = read_members(archive)
    cut_dump(lambda data: len(data) // 2)(entries)
    damaged = write_members(archive.with_name("damaged.tar.gz"), entries)
    old_media = files(live_media)
    done = manage("restore_site", str(damaged), "--noinput", database_url=live_database.url, media_root=live_media)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "The backup cannot be used" in done.stderr and NOTHING_CHANGED in done.stderr
    done = manage("verify_backup", str(damaged), database_url=live_database.url, media_root=live_media)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert live_database.state() == live_database.old and files(live_media) == old_media


# Where the restore is killed, and what must be found once the next run has settled it.
KILLS = {
    None: "new",  # not killed: the restore completes
    "verified": "old",  # archive verified and staged, pending record written, nothing live touched
    "database": "old",  # mid-copy (SQLite) or mid-transaction, psql killed too (PostgreSQL)
    "committed": "new",  # database committed, media not yet swapped
    "media": "new",  # between the two renames: the live media folder moved aside, the staged one not yet in
}


@pytest.mark.slow  # a subprocess killed, then another that settles
@pytest.mark.parametrize("kill_at", KILLS)
def test_a_restore_killed_at_any_step_leaves_the_old_state_or_the_new(kill_at, archive, live_database, live_media):
    old_media, new_media = files(live_media), archive_media(archive)
    restore = manage(
        "restore_site",
        str(archive),
        "--noinput",
        database_url=live_database.url,
        media_root=live_media,
        kill_at=kill_at,
    )
    pending = live_media.parent / ".live-media-restore.json"
    if kill_at is None:
        assert restore.returncode == 0, restore.stderr
        assert not pending.exists()
    else:
        assert restore.returncode == -9, (restore.stdout, restore.stderr)
        assert pending.exists()

    # Right after the kill: the database whole, old or new; the media folder old, new, or (killed between the
    # renames) moved aside whole while the new database is committed.
    database = live_database.state()
    assert database in (live_database.old, live_database.new)
    if kill_at == "media":
        assert database == live_database.new and not live_media.exists()
    else:
        assert files(live_media) in (old_media, new_media)

    settled = manage("restore_site", database_url=live_database.url, media_root=live_media)
    assert settled.returncode == 0, settled.stderr
    expected = KILLS[kill_at]
    if kill_at is not None:
        assert ("now complete" if expected == "new" else "are as they were") in settled.stdout
    assert live_database.state() == (live_database.new if expected == "new" else live_database.old)
    assert files(live_media) == (new_media if expected == "new" else old_media)
    assert sorted(path.name for path in live_media.parent.iterdir() if path.name.startswith(".live-media")) == [
        ".live-media-restore.lock"
    ], "no staging or old folder, no pending record left"


@pytest.fixture
def content_types_cached(transactional_db):
    """As in tests/test_backup.py: the restore empties this process's content type cache; filled again from the
    restored database before it is emptied for the next test."""
    yield
    from django.apps import apps

    ContentType.objects.get_for_models(*apps.get_models())


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_keep_media_restores_the_database_and_leaves_the_media_folder_alone(media, tmp_path, content_types_cached):
    call_command("backup_site", output=str(tmp_path / "backups"), stdout=io.StringIO())
    [archive] = (tmp_path / "backups").glob("portal-backup-*.tar.gz")
    entries = read_members(archive)
    drop_members(lambda name: name.split("/")[0] == "media")(entries)
    without_media = write_members(tmp_path / "backups" / "no-media.tar.gz", entries)
    titles = sorted(Page.objects.values_list("id", "title"))
    Page.objects.filter(slug="tin-hoat-dong").update(title="Sửa sau sao lưu")
    (media / "original_images" / "anh-moi.png").write_bytes(b"uploaded after the backup")
    kept = files(media)

    output = io.StringIO()
    call_command("restore_site", str(without_media), interactive=False, keep_media=True, stdout=output)
    assert "The media folder was kept as it was" in output.getvalue()
    assert sorted(Page.objects.values_list("id", "title")) == titles
    assert files(media) == kept


@pytest.mark.parametrize("has_filters", [True, False], ids=["python with extraction filters", "python 3.11.2"])
def test_unpacking_keeps_no_owner_and_no_dangerous_mode_from_the_archive(monkeypatch, tmp_path, has_filters):
    """Debian 12's Python 3.11.2 has no extraction filters: a restore failed there with a TypeError. Where they
    are missing, unpacking does by hand what the "data" filter does to the members already checked."""
    if not has_filters:
        monkeypatch.delattr(tarfile, "data_filter", raising=False)
    archive = tmp_path / "a.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        for name, kind, mode in [("media", tarfile.DIRTYPE, 0o777), ("media/a.jpg", tarfile.REGTYPE, 0o4777)]:
            member = tarfile.TarInfo(name)
            member.type, member.mode, member.uid, member.uname = kind, mode, 12345, "someone"
            member.size = 3 if kind == tarfile.REGTYPE else 0
            tar.addfile(member, io.BytesIO(b"jpg") if kind == tarfile.REGTYPE else None)
    (tmp_path / "out").mkdir()
    with tarfile.open(archive, "r:gz") as tar:
        extract_checked(tar, tar.getmembers(), tmp_path / "out")
    unpacked = tmp_path / "out" / "media" / "a.jpg"
    assert unpacked.read_bytes() == b"jpg"
    for path in (unpacked, unpacked.parent):
        mode = path.stat().st_mode
        assert not mode & 0o7022  # no setuid, setgid, sticky; no write for group or others
        assert path.stat().st_uid == os.getuid()

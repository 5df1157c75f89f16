"""Replacing the live database and media folder with an archive's, all or nothing (docs/backup.md).

1. The archive is verified in full (operations/backup.py, Archive.verify), unpacked into a staging folder beside
   MEDIA_ROOT. Nothing live has been touched; any problem ends here.
2. A pending record (a small JSON file beside MEDIA_ROOT) says which restore is under way.
3. The database is replaced in one transaction, which also writes this restore's id into a marker table: the
   commit point. SQLite: the backup API copies the verified file over the live database inside one write
   transaction (a kill leaves a hot journal that the next connection rolls back). PostgreSQL: one psql session,
   --single-transaction, that drops every table, replays the script pg_restore wrote to a file (its exit status
   checked first) and writes the marker; a killed psql leaves the server to roll the transaction back.
4. The media folder is swapped by two renames (live -> old, staged -> live), then the old one removed.
5. The pending record is removed, then the marker table.

A kill anywhere before the commit leaves the old database and media; after it, the next `restore_site` (with or
without an archive) finds the pending record and the marker and finishes the media swap (roll forward); without
the marker it only removes the staging folder (roll back). `settle` is that decision."""

import fcntl
import json
import os
import secrets
import shutil
import signal
import sqlite3
import subprocess
import time
from contextlib import closing, contextmanager
from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError
from django.db import connections
from django.utils import timezone
from django.utils.translation import gettext as _

from operations.backup import (
    MARKER_TABLE,
    MEDIA,
    Archive,
    Problem,
    Refused,
    database_vendor,
    postgresql_environment,
    postgresql_tool,
    run,
)

# Fault injection for tests/test_backup_faults.py: the process kills itself with SIGKILL at the named point
# ("verified", "database" (mid-copy / mid-transaction), "committed", "media" (between the two renames)).
KILL_AT = "PORTAL_RESTORE_TEST_KILL_AT"
SQLITE_PAGES_PER_STEP = 256


def media_root():
    # absolute(), not resolve(): a MEDIA_ROOT that is a symbolic link is swapped as the link, not its target.
    return Path(settings.MEDIA_ROOT).absolute()


def beside_media(kind, restore_id=""):
    root = media_root()
    return root.parent / f".{root.name}-{kind}{restore_id}"


def pending_path():
    return beside_media("restore.json")


def fault(point):
    if os.environ.get(KILL_AT) == point:
        os.kill(os.getpid(), signal.SIGKILL)


def fsync_folder(path):
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


@contextmanager
def restore_lock():
    """One restore at a time; the lock goes with the process, so a killed restore never leaves it held."""
    parent = media_root().parent
    parent.mkdir(parents=True, exist_ok=True)
    with open(beside_media("restore.lock"), "a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise CommandError(
                _("Một lần khôi phục khác đang chạy.") + " / Another restore is running. "
                f"({beside_media('restore.lock')})"
            ) from None
        yield


def read_pending():
    try:
        return json.loads(pending_path().read_text())
    except FileNotFoundError:
        return None
    except ValueError:
        return {}  # a record cut short while being written: written before anything live was touched


def write_pending(record):
    path = pending_path()
    partial = path.with_suffix(".partial")
    with open(partial, "w") as handle:
        json.dump(record, handle)
        handle.flush()
        os.fsync(handle.fileno())
    partial.replace(path)
    fsync_folder(path.parent)


def database_marker(alias):
    connection = connections[alias]
    with connection.cursor() as cursor:
        if MARKER_TABLE not in connection.introspection.table_names(cursor):
            return None
        cursor.execute(f"SELECT restore_id FROM {MARKER_TABLE}")  # noqa: S608 (a constant)
        return {row[0] for row in cursor.fetchall()}


def remove_stale():
    """Staging and old folders of restores that no pending record names any more (killed before writing it, or
    while removing them)."""
    root = media_root()
    for path in root.parent.glob(f".{root.name}-restore-*"):
        shutil.rmtree(path, ignore_errors=True)
    for path in root.parent.glob(f".{root.name}-old-*"):
        shutil.rmtree(path, ignore_errors=True)
    beside_media("restore.json").with_suffix(".partial").unlink(missing_ok=True)


def settle(alias="default"):
    """Finishes or undoes a restore that a pending record names, by whether its marker is in the database.
    Returns None (nothing pending), or the record with "outcome": "completed" or "rolled back"."""
    record = read_pending()
    if record is None:
        remove_stale()
        return None
    restore_id = record.get("id")
    committed = bool(restore_id) and restore_id in (database_marker(alias) or set())
    root = media_root()
    staged = Path(record["staging"]) / MEDIA if record.get("staging") else None
    if committed and staged is not None and not record.get("keep_media") and staged.is_dir():
        if root.exists() or root.is_symlink():
            aside = beside_media("old-", restore_id)
            if aside.exists():  # the live folder was already moved once: this one was created since
                aside = beside_media("old-", f"{restore_id}-{secrets.token_hex(4)}")
            os.rename(root, aside)
        fault("media")
        os.rename(staged, root)
        fsync_folder(root.parent)
    pending_path().unlink()
    fsync_folder(root.parent)
    remove_stale()
    if committed:
        with connections[alias].cursor() as cursor:
            cursor.execute(f"DROP TABLE IF EXISTS {MARKER_TABLE}")
        forget_cached_content()
    return {**record, "outcome": "completed" if committed else "rolled back"}


def settled_message(record):
    values = {"archive": record.get("archive", "?"), "started": record.get("started", "?")}
    if record["outcome"] == "completed":
        return (
            _(
                "Lần khôi phục trước (từ %(archive)s, lúc %(started)s) bị ngắt sau khi cơ sở dữ liệu đã được thay: "
                "đã hoàn tất (thư mục media của bản sao lưu đã vào chỗ)."
            )
            % values
            + " / The previous restore (from {archive}, at {started}) was interrupted after the database had been "
            "replaced: it is now complete (the backup's media folder is in place).".format(**values)
        )
    return (
        _(
            "Lần khôi phục trước (từ %(archive)s, lúc %(started)s) bị ngắt trước khi cơ sở dữ liệu được thay: cơ "
            "sở dữ liệu và thư mục media vẫn như trước nó; đã xoá các tệp tạm."
        )
        % values
        + " / The previous restore (from {archive}, at {started}) was interrupted before the database was "
        "replaced: the database and the media folder are as they were before it; its temporary files were "
        "removed.".format(**values)
    )


def forget_cached_content():
    """Whatever was cached describes the old content: pages and listings (the content version), and this
    process's content types, whose ids may differ in the archive. Running web processes keep theirs: restart
    them."""
    from django.contrib.contenttypes.models import ContentType

    from delivery import content_cache

    ContentType.objects.clear_cache()
    content_cache.new_version()


def restore_backup(path, alias="default", keep_media=False, confirm=None):
    """Verifies the archive, then replaces the database and (unless keep_media) the media folder. confirm(report)
    may raise CommandError to stop before anything is touched. Call under restore_lock(), after settle().
    Returns the verification report."""
    connection = connections[alias]
    archive = Archive(path, vendor=database_vendor(alias))
    root = media_root()
    if not keep_media and archive.has_media and root.exists() and os.path.ismount(root):
        raise Refused(
            archive.path,
            [
                Problem(
                    _("MEDIA_ROOT %(root)s là một điểm gắn kết (mount): không đổi tên được để thay nguyên khối")
                    % {"root": root},
                    f"MEDIA_ROOT {root} is a mount point: it cannot be swapped by a rename",
                )
            ],
        )
    restore_id = secrets.token_hex(8)
    staging = beside_media("restore-", restore_id)
    staging.mkdir(parents=True)
    pending = False
    try:
        report = archive.verify(staging, alias, require_media=not keep_media)
        if confirm is not None:
            confirm(report)
        if connection.in_atomic_block:
            raise CommandError(
                _("Không khôi phục được trong một giao dịch đang mở.")
                + " / Cannot restore inside an open transaction.\n"
                + _("Không có gì bị thay đổi.")
                + " / Nothing was changed."
            )
        record = {
            "id": restore_id,
            "archive": str(archive.path),
            "started": timezone.localtime().isoformat(timespec="seconds"),
            "staging": str(staging),
            "keep_media": keep_media or not archive.has_media,
        }
        write_pending(record)
        pending = True
        fault("verified")
        dump = staging / archive.database_file
        try:
            if archive.vendor == "sqlite":
                restore_sqlite(connection, dump, restore_id)
            else:
                restore_postgresql(connection, dump, restore_id, staging)
        except Exception as error:
            outcome = settle(alias)
            if outcome and outcome["outcome"] == "rolled back":
                raise CommandError(f"{error}\n" + _("Không có gì bị thay đổi.") + " / Nothing was changed.") from error
            # Committed after all (the connection lost after the commit, say): finished by settle.
            return report
        fault("committed")
        settle(alias)
        return report
    finally:
        if not pending:
            shutil.rmtree(staging, ignore_errors=True)


def restore_sqlite(connection, dump, restore_id):
    with closing(sqlite3.connect(dump)) as source:
        with source:
            source.execute(f"CREATE TABLE IF NOT EXISTS {MARKER_TABLE} (restore_id TEXT NOT NULL)")
            source.execute(f"DELETE FROM {MARKER_TABLE}")  # noqa: S608 (a constant)
            source.execute(f"INSERT INTO {MARKER_TABLE} VALUES (?)", [restore_id])  # noqa: S608

        def progress(status, remaining, total):
            if remaining > 0:
                fault("database")

        connection.ensure_connection()
        # Several steps, one write transaction on the live database: its lock and journal are held from the
        # first step to the last, so the copy commits whole or rolls back (the steps only let the tests stop it).
        source.backup(connection.connection, pages=SQLITE_PAGES_PER_STEP, progress=progress)


def restore_postgresql(connection, dump, restore_id, work):
    """One psql session, one transaction: every table of the schema dropped (pg_restore --clean would leave the
    tables the dump does not have, such as a newer migration's), the dump's script replayed, the marker written.
    The script is written to a file first and pg_restore's status checked, so psql never commits a script cut
    short by a failing producer."""
    script = Path(work) / "restore-script.sql"
    command = [postgresql_tool("pg_restore"), "--no-owner", "--no-privileges", f"--file={script}", str(dump)]
    error = run(command, connection)
    if error:
        raise CommandError(error)
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor, include_views=False)
        cursor.execute("SELECT current_schema()")
        marker = f"{quote(cursor.fetchone()[0])}.{MARKER_TABLE}"
    lines = [
        f"DROP TABLE IF EXISTS {', '.join(map(quote, tables))} CASCADE;" if tables else "",
        "\\ir restore-script.sql",
        f"DROP TABLE IF EXISTS {marker};",
        f"CREATE TABLE {marker} (restore_id text NOT NULL);",
        f"INSERT INTO {marker} VALUES ('{restore_id}');",  # noqa: S608 (hexadecimal digits only)
    ]
    killed_mid_transaction = os.environ.get(KILL_AT) == "database"
    if killed_mid_transaction:
        # The transaction held open at its end, and the server told to notice a vanished client at once.
        lines = ["SET client_connection_check_interval = '100ms';", *lines, "SELECT pg_sleep(30);"]
    wrapper = Path(work) / "restore.sql"
    wrapper.write_text("\n".join(lines) + "\n")
    connection.close()  # no lock of ours in the way; the next query reconnects
    psql = [postgresql_tool("psql"), "--no-psqlrc", "--quiet", "--single-transaction", "--set=ON_ERROR_STOP=1"]
    process = subprocess.Popen(  # noqa: S603 (a fixed tool, its arguments built here, no shell)
        [*psql, f"--file={wrapper}"],
        env=postgresql_environment(connection),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    if killed_mid_transaction:
        time.sleep(2)
        os.killpg(0, signal.SIGKILL)  # psql with it: the test runs the command in a process group of its own
    _output, errors = process.communicate()
    if process.returncode != 0:
        raise CommandError(f"psql: {errors.strip()[-2000:]}")

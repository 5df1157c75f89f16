"""Backups of the whole site: one .tar.gz holding the database as the database itself dumps it, and the media
folder (uploaded images and documents, and their renditions).

The database dump is native, not Django's dumpdata: SQLite's online backup API copies the database page by page
and PostgreSQL's pg_dump (custom format, restored with pg_restore) takes one consistent snapshot, so every table
comes back exactly, with its ids, sequences, Wagtail's page tree (paths, depth, numchild), revisions, translation
sources, search index entries and the migration history, without loading thousands of objects through the ORM.
The price: an archive restores into the same kind of database it came from.

Layout of an archive: manifest.json (format, database vendor, when, counts for a sanity check), database.sqlite3
or database.pgdump, and media/."""

import datetime
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management.base import CommandError
from django.db import connections
from django.utils import timezone
from django.utils.translation import gettext as _

FORMAT = 1
MANIFEST = "manifest.json"
MEDIA = "media"
DATABASE_FILES = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
# What the manifest counts, so that a restore can say what it brought back.
COUNTED_MODELS = ["wagtailcore.Page", "wagtailcore.Revision", "images.CaptionedImage", "visits.DailyPageViews"]


def database_vendor(alias="default"):
    vendor = connections[alias].vendor
    if vendor not in DATABASE_FILES:
        raise CommandError(_("Chưa hỗ trợ sao lưu cơ sở dữ liệu loại %(vendor)s.") % {"vendor": vendor})
    return vendor


def counts():
    return {label: apps.get_model(label)._default_manager.count() for label in COUNTED_MODELS}


def create_backup(output_dir, alias="default"):
    """Writes portal-backup-YYYYmmdd-HHMMSS.tar.gz into output_dir and returns its path."""
    vendor = database_vendor(alias)
    output_dir = Path(output_dir)
    output_dir.mkdir(parents=True, exist_ok=True)
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    archive = output_dir / f"portal-backup-{stamp}.tar.gz"
    with tempfile.TemporaryDirectory(prefix="portal-backup-") as work:
        dump = Path(work) / DATABASE_FILES[vendor]
        # The database first, then the files: a file uploaded in between is an extra file, never a missing one.
        (dump_sqlite if vendor == "sqlite" else dump_postgresql)(connections[alias], dump)
        manifest = {
            "format": FORMAT,
            "vendor": vendor,
            "created": timezone.localtime().isoformat(timespec="seconds"),
            "counts": counts(),
        }
        partial = archive.with_suffix(".partial")
        with tarfile.open(partial, "w:gz") as tar:
            add_bytes(tar, MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=2).encode())
            tar.add(dump, arcname=dump.name)
            media_root = Path(settings.MEDIA_ROOT)
            if media_root.is_dir():
                tar.add(media_root, arcname=MEDIA)
            else:
                add_directory(tar, MEDIA)
        partial.rename(archive)  # never a half-written archive under the final name
    return archive, manifest


def add_bytes(tar, name, data):
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(datetime.datetime.now().timestamp())
    info.mode = 0o644
    tar.addfile(info, io.BytesIO(data))


def add_directory(tar, name):
    info = tarfile.TarInfo(name)
    info.type = tarfile.DIRTYPE
    info.mode = 0o755
    tar.addfile(info)


def dump_sqlite(connection, path):
    connection.ensure_connection()
    target = sqlite3.connect(path)
    try:
        with target:
            connection.connection.backup(target)
    finally:
        target.close()


def postgresql_environment(connection):
    """pg_dump and pg_restore connect as Django does; the password goes through the environment, not argv."""
    settings_dict = connection.settings_dict
    environment = {**os.environ}
    for variable, key in [("PGHOST", "HOST"), ("PGPORT", "PORT"), ("PGUSER", "USER"), ("PGPASSWORD", "PASSWORD")]:
        if settings_dict.get(key):
            environment[variable] = str(settings_dict[key])
    environment["PGDATABASE"] = settings_dict["NAME"]
    return environment


def postgresql_tool(name):
    path = shutil.which(name)
    if path is None:
        raise CommandError(
            _("Không tìm thấy %(tool)s: cài gói postgresql-client (cùng phiên bản với máy chủ PostgreSQL).")
            % {"tool": name}
        )
    return path


def run(command, connection):
    result = subprocess.run(  # noqa: S603 (a fixed tool, its arguments built here, no shell)
        command, env=postgresql_environment(connection), capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise CommandError(f"{Path(command[0]).name}: {result.stderr.strip()}")


def dump_postgresql(connection, path):
    run([postgresql_tool("pg_dump"), "--format=custom", "--no-owner", "--no-privileges", f"--file={path}"], connection)


class Archive:
    """An archive opened for restoring: checked before anything is changed."""

    def __init__(self, path, alias="default"):
        self.path = Path(path)
        self.vendor = database_vendor(alias)
        if not self.path.is_file():
            raise CommandError(_("Không có tệp %(path)s.") % {"path": self.path})
        try:
            with tarfile.open(self.path, "r:gz") as tar:
                names = tar.getnames()
                manifest_file = tar.extractfile(MANIFEST) if MANIFEST in names else None
                self.manifest = json.load(manifest_file) if manifest_file else None
        except (tarfile.TarError, OSError, EOFError, ValueError) as error:
            raise CommandError(
                _("%(path)s không phải là bản sao lưu của cổng thông tin (%(error)s).")
                % {"path": self.path, "error": error}
            ) from error
        if not isinstance(self.manifest, dict) or self.manifest.get("format") != FORMAT:
            raise CommandError(
                _("%(path)s không phải là bản sao lưu của cổng thông tin (thiếu hoặc sai manifest.json).")
                % {"path": self.path}
            )
        if self.manifest.get("vendor") != self.vendor:
            raise CommandError(
                _(
                    "Bản sao lưu này là của cơ sở dữ liệu %(archive)s, còn trang đang dùng %(current)s: "
                    "không khôi phục được."
                )
                % {"archive": self.manifest.get("vendor"), "current": self.vendor}
            )
        self.database_file = DATABASE_FILES[self.vendor]
        if self.database_file not in names:
            raise CommandError(
                _("Bản sao lưu %(path)s thiếu tệp cơ sở dữ liệu %(name)s.")
                % {"path": self.path, "name": self.database_file}
            )

    def extract(self, destination):
        with tarfile.open(self.path, "r:gz") as tar:
            # The "data" filter refuses absolute paths, "..", links out of the folder and device files.
            tar.extractall(destination, filter="data")
        return Path(destination)


def restore_backup(archive, alias="default"):
    """Replaces the database and the media folder with the archive's. The database is replaced first: if that
    fails, the media folder is untouched."""
    connection = connections[alias]
    with tempfile.TemporaryDirectory(prefix="portal-restore-", dir=media_parent()) as work:
        extracted = archive.extract(work)
        dump = extracted / archive.database_file
        (restore_sqlite if archive.vendor == "sqlite" else restore_postgresql)(connection, dump)
        replace_media(extracted / MEDIA)
    # Whatever was cached describes the old content: pages and listings (the content version), and this process's
    # content types, whose ids may differ in the archive. Running web processes keep theirs: restart them.
    from django.contrib.contenttypes.models import ContentType

    from delivery import content_cache

    ContentType.objects.clear_cache()
    content_cache.new_version()


def media_parent():
    """The folder to unpack into: beside MEDIA_ROOT, so that files are moved in, not copied."""
    parent = Path(settings.MEDIA_ROOT).resolve().parent
    parent.mkdir(parents=True, exist_ok=True)
    return parent


def restore_sqlite(connection, dump):
    connection.ensure_connection()
    if connection.in_atomic_block:
        raise CommandError(_("Không khôi phục được trong một giao dịch đang mở."))
    source = sqlite3.connect(dump)
    try:
        # Copies every page of the dump over the live database (file or in memory): the result is the dump.
        source.backup(connection.connection)
    finally:
        source.close()


def restore_postgresql(connection, dump):
    """One transaction: every table of the schema is dropped (pg_restore --clean would leave the tables the dump
    does not have, such as a newer migration's), then the dump, as SQL from pg_restore, is replayed by psql. If
    anything fails, the database is as it was."""
    pg_restore, psql = postgresql_tool("pg_restore"), postgresql_tool("psql")
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor, include_views=False)
    drop = f"DROP TABLE IF EXISTS {', '.join(map(connection.ops.quote_name, tables))} CASCADE;" if tables else ""
    connection.close()  # no lock of ours in the way; the next query reconnects
    environment = postgresql_environment(connection)
    script = subprocess.Popen(  # noqa: S603 (fixed tools, arguments built here, no shell)
        [pg_restore, "--no-owner", "--no-privileges", "--file=-", str(dump)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=environment,
    )
    command = [psql, "--no-psqlrc", "--quiet", "--single-transaction", "--set=ON_ERROR_STOP=1"]
    if drop:
        command.append(f"--command={drop}")
    replay = subprocess.run(  # noqa: S603
        [*command, "--file=-"], stdin=script.stdout, capture_output=True, text=True, env=environment, check=False
    )
    script.stdout.close()
    script_errors = script.stderr.read().decode(errors="replace").strip()
    script.stderr.close()
    if script.wait() != 0:
        raise CommandError(f"pg_restore: {script_errors}")
    if replay.returncode != 0:
        raise CommandError(f"psql: {replay.stderr.strip()}")


def replace_media(restored):
    media_root = Path(settings.MEDIA_ROOT)
    media_root.mkdir(parents=True, exist_ok=True)
    for child in media_root.iterdir():
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child)
        else:
            child.unlink()
    if restored.is_dir():
        for child in restored.iterdir():
            shutil.move(child, media_root / child.name)

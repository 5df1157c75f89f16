"""Backups of the whole site: one .tar.gz holding the database as the database itself dumps it, and the media
folder (uploaded images and documents, and their renditions); and the checks that an archive must pass before
anything is restored from it (operations/restore.py replaces the live data, docs/backup.md tells the operator).

The database dump is native, not Django's dumpdata: SQLite's online backup API copies the database page by page
and PostgreSQL's pg_dump (custom format, restored with pg_restore) takes one consistent snapshot, so every table
comes back exactly, with its ids, sequences, Wagtail's page tree (paths, depth, numchild), revisions, translation
sources, search index entries and the migration history, without loading thousands of objects through the ORM.
The price: an archive restores into the same kind of database it came from.

Layout of an archive: manifest.json (format, database vendor, when, rows per table and for a few models, every
media file with its size and SHA-256), database.sqlite3 or database.pgdump, and media/. Archives written before
the per-table counts and the media list existed are still read: their checks are the model counts and the
presence of media/."""

import datetime
import hashlib
import io
import json
import os
import re
import secrets
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
import zlib
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
# What the manifest counts by model, so that a restore can say what it brought back.
COUNTED_MODELS = ["wagtailcore.Page", "wagtailcore.Revision", "images.CaptionedImage", "visits.DailyPageViews"]
# A table that a restore adds to the database it loads, in the same transaction: its presence after a kill tells
# the next run whether the new database was committed (operations/restore.py). Never counted.
MARKER_TABLE = "portal_restore_marker"
MAX_MANIFEST_BYTES = 16 * 1024 * 1024
SHA256 = re.compile(r"[0-9a-f]{64}")


class Problem:
    """One thing wrong with an archive, said in Vietnamese for the operator and in English for whoever helps."""

    def __init__(self, vietnamese, english):
        self.vietnamese, self.english = vietnamese, english

    def __str__(self):
        return f"{self.vietnamese} / {self.english}"


def extract_checked(tar, members, destination):
    """Unpacks members already checked (Archive.check_members: files and folders only, no link, no absolute or
    escaping path) with tarfile's "data" filter where this Python has it (3.11.4 and later); without it (Debian
    12's Python 3.11.2), to the same effect by hand: no owner taken from the archive, no setuid, setgid or sticky
    bit, no write for group or others, the owner may read and write. Before, such a Python failed the restore with
    a TypeError and a traceback."""
    if hasattr(tarfile, "data_filter"):
        tar.extractall(destination, members=members, filter="data")
        return
    for member in members:
        member.uid, member.gid, member.uname, member.gname = os.getuid(), os.getgid(), "", ""
        member.mode = (member.mode & 0o755) | (0o700 if member.isdir() else 0o600)
    tar.extractall(destination, members=members)  # noqa: S202 (members checked, and sanitised above)


class Refused(CommandError):
    """A restore or a verification that stopped: the problems, one a line, and whether anything was changed."""

    def __init__(self, path, problems, nothing_changed=True):
        self.problems = list(problems)
        lines = [
            _("Bản sao lưu không dùng được") + f" / The backup cannot be used: {path}",
            *(f"  - {problem}" for problem in self.problems[:20]),
        ]
        if len(self.problems) > 20:
            lines.append(f"  - ... (+{len(self.problems) - 20})")
        if nothing_changed:
            lines.append(_("Không có gì bị thay đổi.") + " / Nothing was changed.")
        super().__init__("\n".join(lines))


def damaged(path, vietnamese, english):
    return Refused(path, [Problem(vietnamese, english)])


def database_vendor(alias="default"):
    vendor = connections[alias].vendor
    if vendor not in DATABASE_FILES:
        raise CommandError(_("Chưa hỗ trợ sao lưu cơ sở dữ liệu loại %(vendor)s.") % {"vendor": vendor})
    return vendor


def counts():
    return {label: apps.get_model(label)._default_manager.count() for label in COUNTED_MODELS}


def model_counts(tables):
    """The manifest's counts by model, from rows per table (None for a table the dump does not have)."""
    return {label: tables.get(apps.get_model(label)._meta.db_table) for label in COUNTED_MODELS}


# Creating an archive


def create_backup(output_dir, alias="default"):
    """Writes portal-backup-YYYYmmdd-HHMMSS.tar.gz into output_dir and returns its path and manifest."""
    vendor = database_vendor(alias)
    output_dir = Path(output_dir)
    output_dir.mkdir(parents=True, exist_ok=True)
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    archive = output_dir / f"portal-backup-{stamp}.tar.gz"
    with tempfile.TemporaryDirectory(prefix="portal-backup-") as work:
        dump = Path(work) / DATABASE_FILES[vendor]
        # The database first, then the files: a file uploaded in between is an extra file, never a missing one.
        # The rows are counted in the dump's own snapshot, so that a busy site's counts match its dump.
        tables = (dump_sqlite if vendor == "sqlite" else dump_postgresql)(connections[alias], dump)
        media_root = Path(settings.MEDIA_ROOT)
        media_files = list_media(media_root)
        size, digest = file_digest(dump)
        manifest = {
            "format": FORMAT,
            "vendor": vendor,
            "created": timezone.localtime().isoformat(timespec="seconds"),
            "database": {"size": size, "sha256": digest},
            "counts": model_counts(tables),
            "tables": tables,
            "media": [{"path": path, "size": size, "sha256": digest} for path, (size, digest) in media_files.items()],
        }
        partial = archive.with_suffix(".partial")
        with tarfile.open(partial, "w:gz") as tar:
            add_bytes(tar, MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=2).encode())
            tar.add(dump, arcname=dump.name)
            add_directory(tar, MEDIA)
            folders = {parent for path in media_files for parent in Path(path).parents if parent != Path(".")}
            for folder in sorted(folders, key=lambda folder: folder.as_posix()):  # a folder before what it holds
                add_directory(tar, f"{MEDIA}/{folder.as_posix()}")
            for path in media_files:
                # Only what was listed and hashed, as regular files: a symbolic link in the media folder is stored
                # as the file it points to (a restore refuses links).
                with open(media_root / path, "rb") as source:
                    info = tar.gettarinfo(arcname=f"{MEDIA}/{path}", fileobj=source)
                    tar.addfile(info, source)
        partial.rename(archive)  # never a half-written archive under the final name
    return archive, manifest


def list_media(root):
    """{relative path: (size, sha256)} of every file under root, following links to files, not to folders."""
    found = {}
    if not root.is_dir():
        return found
    for directory, folders, files in os.walk(root):
        folders.sort()
        for name in sorted(files):
            path = Path(directory) / name
            if not path.is_file():
                continue  # a dangling link, a socket: nothing to keep
            found[path.relative_to(root).as_posix()] = file_digest(path)
    return found


def file_digest(path):
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as source:
        while chunk := source.read(1 << 20):
            digest.update(chunk)
            size += len(chunk)
    return size, digest.hexdigest()


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
    info.mtime = int(datetime.datetime.now().timestamp())
    tar.addfile(info)


def dump_sqlite(connection, path):
    connection.ensure_connection()
    target = sqlite3.connect(path)
    try:
        with target:
            connection.connection.backup(target)
        return sqlite_table_counts(target)
    finally:
        target.close()


def sqlite_table_counts(connection):
    names = [
        name
        for (name,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )
        if name != MARKER_TABLE
    ]
    return {name: connection.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names}  # noqa: S608


def postgresql_environment(connection, database=None):
    """pg_dump and pg_restore connect as Django does; the password goes through the environment, not argv."""
    settings_dict = connection.settings_dict
    environment = {**os.environ}
    for variable, key in [("PGHOST", "HOST"), ("PGPORT", "PORT"), ("PGUSER", "USER"), ("PGPASSWORD", "PASSWORD")]:
        if settings_dict.get(key):
            environment[variable] = str(settings_dict[key])
    environment["PGDATABASE"] = database or settings_dict["NAME"]
    return environment


def postgresql_tool(name):
    path = shutil.which(name)
    if path is None:
        raise CommandError(
            _("Không tìm thấy %(tool)s: cài gói postgresql-client (cùng phiên bản với máy chủ PostgreSQL).")
            % {"tool": name}
        )
    return path


def run(command, connection, database=None):
    """Runs a PostgreSQL client tool; its error output if it failed, else None."""
    result = subprocess.run(  # noqa: S603 (a fixed tool, its arguments built here, no shell)
        command, env=postgresql_environment(connection, database), capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        name, errors = Path(command[0]).name, result.stderr.strip()[-2000:]
        return errors if errors.startswith(f"{name}:") else f"{name}: {errors}"
    return None


def postgresql_raw_connection(connection, database=None):
    """A connection of its own, outside Django's transaction (a test's, or the caller's)."""
    params = connection.get_connection_params()
    if database:
        params["dbname"] = database
    raw = connection.get_new_connection(params)
    raw.autocommit = True
    return raw


def postgresql_table_counts(cursor):
    cursor.execute("SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = current_schema() ORDER BY 1")
    names = [name for (name,) in cursor.fetchall() if name != MARKER_TABLE]
    found = {}
    for name in names:
        cursor.execute(f'SELECT count(*) FROM "{name}"')  # noqa: S608 (names from the catalogue)
        found[name] = cursor.fetchone()[0]
    return found


def dump_postgresql(connection, path):
    """pg_dump in a snapshot exported by a transaction of ours, in which the rows are then counted."""
    raw = postgresql_raw_connection(connection)
    try:
        raw.autocommit = False
        with raw.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
            command = [postgresql_tool("pg_dump"), "--format=custom", "--no-owner", "--no-privileges"]
            error = run([*command, f"--snapshot={snapshot}", f"--file={path}"], connection)
            if error:
                raise CommandError(error)
            tables = postgresql_table_counts(cursor)
        raw.rollback()
    finally:
        raw.close()
    return tables


# Checking an archive before anything is restored from it


class Archive:
    """An archive opened for restoring or verifying. Opening it reads every member's header (so a truncated or
    garbled file is found here), refuses any member that is not what backup_site writes (an absolute path, "..",
    a link, a device, an unexpected name, a name twice) and reads the manifest. Nothing is written."""

    def __init__(self, path, vendor=None):
        self.path = Path(path)
        if not self.path.is_file():
            raise damaged(self.path, _("không có tệp này") + ".", "no such file.")
        try:
            with tarfile.open(self.path, "r:gz") as tar:
                self.members = tar.getmembers()  # reads the whole stream: a truncated archive fails here
                problems = self.check_members()
                if problems:
                    raise Refused(self.path, problems)
                manifest = self.by_name.get(MANIFEST)
                if manifest is None or manifest.size > MAX_MANIFEST_BYTES:
                    raise damaged(self.path, _("thiếu hoặc sai manifest.json."), "manifest.json missing or wrong.")
                self.manifest = json.load(tar.extractfile(manifest))
        except (tarfile.TarError, OSError, EOFError, zlib.error, ValueError) as error:
            raise damaged(
                self.path,
                _("không phải là bản sao lưu của cổng thông tin hoặc đã bị cắt cụt, hỏng (%(error)s).")
                % {"error": error},
                f"not a backup of the portal, or truncated or corrupted ({error}).",
            ) from error
        problems = self.check_manifest()
        if problems:
            raise Refused(self.path, problems)
        self.vendor = self.manifest["vendor"]
        if vendor is not None and self.vendor != vendor:
            raise damaged(
                self.path,
                _("bản sao lưu này là của cơ sở dữ liệu %(archive)s, còn trang đang dùng %(current)s.")
                % {"archive": self.vendor, "current": vendor},
                f"this backup is of a {self.vendor} database, the site uses {vendor}.",
            )
        self.database_file = DATABASE_FILES[self.vendor]
        if self.database_file not in self.by_name:
            raise damaged(
                self.path,
                _("thiếu tệp cơ sở dữ liệu %(name)s.") % {"name": self.database_file},
                f"the database file {self.database_file} is missing.",
            )
        self.has_media = MEDIA in self.by_name or any(name.startswith(f"{MEDIA}/") for name in self.by_name)
        self.size = sum(member.size for member in self.members)

    def check_members(self):
        """Every member's name and kind, checked one by one (the data filter of extraction is a second line)."""
        problems, self.by_name = [], {}
        for member in self.members:
            name = member.name
            parts = name.split("/")
            if name in self.by_name:
                problems.append(Problem(_("%(name)s có hai lần") % {"name": name}, f"{name} appears twice"))
            elif name.startswith("/") or re.match(r"^[A-Za-z]:", name):
                problems.append(Problem(_("đường dẫn tuyệt đối: %(name)s") % {"name": name}, f"absolute path: {name}"))
            elif any(part in {"", ".", ".."} for part in parts):
                problems.append(
                    Problem(_("đường dẫn thoát ra ngoài: %(name)s") % {"name": name}, f"path escapes: {name}")
                )
            elif member.issym() or member.islnk():
                problems.append(
                    Problem(
                        _("liên kết %(name)s -> %(target)s") % {"name": name, "target": member.linkname},
                        f"link {name} -> {member.linkname}",
                    )
                )
            elif not (member.isfile() or member.isdir()):
                problems.append(
                    Problem(_("tệp thiết bị hoặc đặc biệt: %(name)s") % {"name": name}, f"device or special: {name}")
                )
            elif not (
                (parts[0] == MEDIA and (len(parts) > 1 or member.isdir()))
                or (name in {MANIFEST, *DATABASE_FILES.values()} and member.isfile())
            ):
                problems.append(Problem(_("tệp lạ: %(name)s") % {"name": name}, f"unexpected member: {name}"))
            self.by_name[name] = member
        return problems

    def check_manifest(self):
        manifest = self.manifest

        def counts_ok(value):
            return isinstance(value, dict) and all(
                isinstance(key, str) and type(number) is int and number >= 0 for key, number in value.items()
            )

        wrong = []
        if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
            wrong.append("format")
        elif manifest.get("vendor") not in DATABASE_FILES:
            vendor = str(manifest.get("vendor"))[:40]
            return [
                Problem(
                    _("bản sao lưu này là của cơ sở dữ liệu %(vendor)s, không khôi phục được") % {"vendor": vendor},
                    f"this backup is of a {vendor} database, which cannot be restored",
                )
            ]
        else:
            if not counts_ok(manifest.get("counts")) or set(manifest["counts"]) != set(COUNTED_MODELS):
                wrong.append("counts")
            if "tables" in manifest and not counts_ok(manifest["tables"]):
                wrong.append("tables")
            database = manifest.get("database")
            if database is not None and not (
                isinstance(database, dict)
                and type(database.get("size")) is int
                and isinstance(database.get("sha256"), str)
                and SHA256.fullmatch(database["sha256"])
            ):
                wrong.append("database")
            media = manifest.get("media")
            if media is not None and not (
                isinstance(media, list)
                and all(
                    isinstance(entry, dict)
                    and isinstance(entry.get("path"), str)
                    and type(entry.get("size")) is int
                    and isinstance(entry.get("sha256"), str)
                    and SHA256.fullmatch(entry["sha256"])
                    for entry in media
                )
            ):
                wrong.append("media")
        if wrong:
            return [
                Problem(
                    _("thiếu hoặc sai manifest.json (%(fields)s)") % {"fields": ", ".join(wrong)},
                    f"manifest.json missing or wrong ({', '.join(wrong)})",
                )
            ]
        return []

    def extract(self, destination):
        """Unpacks the checked members into destination (which must exist)."""
        destination = Path(destination)
        free = shutil.disk_usage(destination).free
        if free < self.size * 1.1 + (64 << 20):
            raise damaged(
                self.path,
                _("không đủ chỗ trống trong %(folder)s để giải nén (%(size)d MB).")
                % {"folder": destination, "size": self.size >> 20},
                f"not enough free space in {destination} to unpack ({self.size >> 20} MB).",
            )
        try:
            with tarfile.open(self.path, "r:gz") as tar:
                members = tar.getmembers()
                if [member.get_info() for member in members] != [member.get_info() for member in self.members]:
                    raise tarfile.TarError("changed since it was checked")
                extract_checked(tar, members, destination)
        except (tarfile.TarError, OSError, EOFError, zlib.error) as error:
            raise damaged(
                self.path,
                _("không giải nén được (%(error)s).") % {"error": error},
                f"cannot be unpacked ({error}).",
            ) from error
        return destination

    def verify(self, destination, alias="default", require_media=True):
        """Unpacks into destination and checks everything against the manifest: the media files listed and
        hashed, the dump's digest, then the dump opened (SQLite: size, integrity check) or restored into a scratch
        database (PostgreSQL) and its rows counted. Returns a report (dict); raises Refused with the differences
        found (the dump is not restored when the cheap checks already failed)."""
        if not self.has_media and require_media:
            raise damaged(
                self.path,
                _(
                    "không có thư mục media/ (ảnh, tài liệu): khôi phục sẽ làm mất toàn bộ tệp hiện có. Nếu chỉ "
                    "muốn khôi phục cơ sở dữ liệu và giữ nguyên thư mục media hiện tại, dùng --keep-media."
                ),
                "there is no media/ folder (images, documents): restoring it would lose every current file. To "
                "restore the database only and keep the current media folder, use --keep-media.",
            )
        extracted = self.extract(destination)
        problems = []
        dump = extracted / self.database_file
        listed = self.manifest.get("database")
        media = list_media(extracted / MEDIA) if self.has_media else {}
        if self.has_media and "media" in self.manifest:
            problems += compare_media(self.manifest["media"], media)
        if listed is not None and file_digest(dump) != (listed["size"], listed["sha256"]):
            problems.append(
                Problem(
                    _("tệp dump %(name)s khác với manifest (cỡ hoặc SHA-256): bị cắt cụt hoặc bị sửa")
                    % {"name": self.database_file},
                    f"the dump {self.database_file} differs from the manifest (size or SHA-256): truncated or altered",
                )
            )
        if problems:  # found cheaply: the scratch restore would add nothing the operator needs
            raise Refused(self.path, problems)
        if self.vendor == "sqlite":
            tables, dump_problems = check_sqlite_dump(dump)
        else:
            tables, dump_problems = check_postgresql_dump(dump, connections[alias])
        problems += dump_problems
        if tables is not None:
            problems += compare_counts(self.manifest, tables)
        if problems:
            raise Refused(self.path, problems)
        return {
            "path": self.path,
            "created": self.manifest.get("created", "?"),
            "vendor": self.vendor,
            "counts": self.manifest["counts"],
            "tables": len(tables),
            "media files": len(media),
            "media bytes": sum(size for size, _digest in media.values()),
            "media listed": "media" in self.manifest,
        }


def check_sqlite_dump(path):
    """(rows per table, problems) of an SQLite file that nothing but this check has opened."""
    try:
        # Read-only, and no trust in the file's schema (views, triggers, virtual tables): it comes from outside.
        source = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as error:
        return None, [Problem(_("không mở được tệp SQLite: %(error)s") % {"error": error}, f"SQLite: {error}")]
    try:
        source.execute("PRAGMA trusted_schema = OFF")
        # A file cut short may still pass integrity_check when only unused bytes went: its size must be the page
        # count of its header (valid when the header's version-valid-for matches its change counter) in pages.
        with open(path, "rb") as raw:
            header = raw.read(100)
        size = path.stat().st_size
        page_size = int.from_bytes(header[16:18], "big") if len(header) == 100 else 0
        page_size = 65536 if page_size == 1 else page_size
        pages = int.from_bytes(header[28:32], "big") if len(header) == 100 else 0
        if not page_size or size % page_size or (header[24:28] == header[92:96] and pages * page_size != size):
            return None, [
                Problem(
                    _("tệp SQLite bị cắt cụt (%(size)d byte)") % {"size": size},
                    f"the SQLite file is truncated ({size} bytes)",
                )
            ]
        result = [row[0] for row in source.execute("PRAGMA integrity_check")]
        if result != ["ok"]:
            detail = "; ".join(result[:3])
            return None, [
                Problem(
                    _("tệp SQLite hỏng (integrity_check: %(detail)s)") % {"detail": detail},
                    f"the SQLite file is damaged (integrity_check: {detail})",
                )
            ]
        return sqlite_table_counts(source), []
    except sqlite3.Error as error:
        return None, [
            Problem(
                _("tệp cơ sở dữ liệu không phải SQLite hoặc bị hỏng: %(error)s") % {"error": error},
                f"the database file is not SQLite or is damaged: {error}",
            )
        ]
    finally:
        source.close()


def check_postgresql_dump(path, connection):
    """(rows per table, problems): the dump restored into a scratch database, all or nothing, then counted and
    the scratch database dropped. The live database is only used to reach the server."""
    if connection.vendor != "postgresql":
        return None, [
            Problem(
                _("cần PostgreSQL (DATABASE_URL) để kiểm tra bản sao lưu PostgreSQL"),
                "checking a PostgreSQL backup needs PostgreSQL (DATABASE_URL)",
            )
        ]
    scratch = f"portal_verify_{secrets.token_hex(8)}"
    quoted = connection.ops.quote_name(scratch)
    psql = [postgresql_tool("psql"), "--no-psqlrc", "--quiet", "--set=ON_ERROR_STOP=1"]
    error = run([*psql, f"--command=CREATE DATABASE {quoted} TEMPLATE template0"], connection)
    if error:
        return None, [Problem(_("không tạo được cơ sở dữ liệu tạm: %(error)s") % {"error": error}, error)]
    try:
        error = run(
            [
                postgresql_tool("pg_restore"),
                "--exit-on-error",
                "--single-transaction",
                "--no-owner",
                "--no-privileges",
                f"--dbname={scratch}",
                str(path),
            ],
            connection,
        )
        if error:
            return None, [
                Problem(
                    _("tệp dump PostgreSQL bị cắt cụt, hỏng hoặc không phải dump: %(error)s") % {"error": error},
                    f"the PostgreSQL dump is truncated, damaged or not a dump: {error}",
                )
            ]
        raw = postgresql_raw_connection(connection, scratch)
        try:
            with raw.cursor() as cursor:
                return postgresql_table_counts(cursor), []
        finally:
            raw.close()
    finally:
        run([*psql, f"--command=DROP DATABASE IF EXISTS {quoted} WITH (FORCE)"], connection)


def compare_counts(manifest, tables):
    problems = []
    expected = manifest.get("tables")
    compared = set(tables)
    if expected is None:  # an archive from before the per-table counts: the models' counts only
        expected = {apps.get_model(label)._meta.db_table: count for label, count in manifest["counts"].items()}
        compared = set()
    else:
        for label, count in manifest["counts"].items():
            table = apps.get_model(label)._meta.db_table
            if expected.get(table) != count:
                problems.append(
                    Problem(
                        _("manifest.json tự mâu thuẫn ở %(label)s") % {"label": label},
                        f"manifest.json contradicts itself on {label}",
                    )
                )
    for table in sorted(set(expected) | compared):
        if expected.get(table) != tables.get(table):
            problems.append(
                Problem(
                    _("bảng %(table)s: manifest ghi %(expected)s dòng, dump có %(found)s")
                    % {"table": table, "expected": expected.get(table, "-"), "found": tables.get(table, "-")},
                    f"table {table}: the manifest says {expected.get(table, '-')} rows, "
                    f"the dump has {tables.get(table, '-')}",
                )
            )
    return problems


def compare_media(listed, found):
    problems = []
    listed = {entry["path"]: (entry["size"], entry["sha256"]) for entry in listed}
    for path in sorted(set(listed) | set(found)):
        if path not in found:
            problems.append(Problem(_("thiếu tệp media %(path)s") % {"path": path}, f"media file missing: {path}"))
        elif path not in listed:
            problems.append(Problem(_("tệp media lạ %(path)s") % {"path": path}, f"unlisted media file: {path}"))
        elif listed[path] != found[path]:
            problems.append(
                Problem(
                    _("tệp media %(path)s khác (cỡ hoặc SHA-256)") % {"path": path},
                    f"media file {path} differs (size or SHA-256)",
                )
            )
    return problems

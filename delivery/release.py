"""The release being served, as a short fingerprint of the code, templates, translations and static files: part
of every cache key, so that a deploy that changes what a page looks like never serves pages or parts rendered by
the release before it, while a restart of the same release keeps them. RELEASE (for example the git commit the
deploy checked out) names it instead of the fingerprint."""

import functools
import hashlib
import os
from collections.abc import Iterator
from pathlib import Path

from django.conf import settings

SOURCE_SUFFIXES = {".py", ".html", ".txt", ".xml", ".css", ".js", ".svg", ".mo", ".json"}
SKIPPED_FOLDERS = {".venv", "node_modules", "media", "static", ".git", "tests", "__pycache__", "bench"}


@functools.cache
def version() -> str:
    if os.environ.get("RELEASE"):
        return os.environ["RELEASE"]
    root = Path(settings.BASE_DIR)
    digest = hashlib.sha256()
    for path in sorted(source_files(root)):
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def source_files(root: Path) -> Iterator[Path]:

    for folder, subfolders, files in os.walk(root):
        subfolders[:] = [name for name in subfolders if name not in SKIPPED_FOLDERS and not name.startswith(".")]
        for name in files:
            path = Path(folder) / name
            if path.suffix in SOURCE_SUFFIXES:
                yield path

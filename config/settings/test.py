"""Test settings: fast hashing, media in a temporary folder, SQLite in memory unless DATABASE_URL is set."""

import tempfile

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-secret-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = tempfile.mkdtemp(prefix="portal-test-media-")
STATIC_ROOT = tempfile.mkdtemp(prefix="portal-test-static-")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# The whole-page cache is off: tests read pages right after changing the database; tests/test_page_cache.py
# turns it on.
PAGE_CACHE_SECONDS = 0
# Each search is counted in the database at once (search/log.py), so that tests read it.
SEARCH_LOG_FLUSH_SECONDS = 0

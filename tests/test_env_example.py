""".env.example lists every environment variable the site reads, so that an operator finds each one there."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# How the settings and the code read a variable: os.environ, or the settings' env_* helpers.
READ = re.compile(
    r"""(?:os\.environ(?:\.get)?\(?\[?|env_(?:bool|list|int|networks)\(|require_env\()\s*["']([A-Z][A-Z0-9_]*)["']"""
)
NOT_THE_SITE = {".venv", "node_modules", "tests", "bench", "media", "static"}


def variables_read():
    found = {}
    for path in ROOT.rglob("*.py"):
        parts = path.relative_to(ROOT).parts
        if NOT_THE_SITE & set(parts) or "migrations" in parts:
            continue
        for name in READ.findall(path.read_text(encoding="utf-8")):
            found.setdefault(name, str(path.relative_to(ROOT)))
    return found


def test_every_variable_the_site_reads_is_in_env_example():
    listed = set(re.findall(r"^#? ?([A-Z][A-Z0-9_]*)=", (ROOT / ".env.example").read_text(encoding="utf-8"), re.M))
    read = variables_read()
    assert {"SECRET_KEY", "DATABASE_CONN_MAX_AGE", "REDIS_URL", "RELEASE"} <= read.keys()  # the search finds them
    missing = {name: where for name, where in read.items() if name not in listed}
    assert not missing, f"read but not in .env.example: {missing}"

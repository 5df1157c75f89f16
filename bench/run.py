#!/usr/bin/env python3
"""Load benchmark: the public pages under wrk, against a static file of the same size served by the same server.

    make load-bench                      # or: .venv/bin/python bench/run.py [--articles 10000] [--duration 20]

1. Fills a scratch PostgreSQL database (LOAD_BENCH_DATABASE_URL, default .../portal_load_bench; created if
   missing, kept for the next run) with the demo content and 10,000 generated articles (bench/fill.py).
2. Serves it with gunicorn in production settings (DEBUG off, WhiteNoise, Redis cache in database 5 of the local
   server), sync workers sized for the machine (2 x cores + 1), on loopback.
3. Drives each page with wrk (Debian's package, installed if missing) for a bounded time at 16 connections:
   the static copy of the article page (the ceiling), home, section, article, campaign and search; in four modes,
   each adding one cache layer to the one before, so that each layer's gain is the difference of two rows:
   - "off": every cache off (CONTENT_CACHE_SECONDS=0 too): the plain way, every request routed and rendered;
   - "cold": no cache of pages or of their parts (FRAGMENT_CACHE_SECONDS=0), every request renders everything
     but the site's cached data (menu, latest news, ...) and the route table;
   - "uncached": the whole-page cache off, the parts of pages cached (a reader the page cache does not answer:
     a logged-in editor, or any reader right after a publish elsewhere, whose page's own text is still cached);
   - "cached": the whole-page cache on.
   Prints requests/s, p50 and p99 latency, the ratio to the ceiling measured in the same mode, and the whole
   machine's CPU milliseconds per request (and the share of the cores the host took away, "stolen"), to tell a
   slow run from one the host took CPU away from or that left cores idle.

wrk sends no User-Agent, so its requests are not counted as views (robots are not); the extra row "article,
counted" sends a new browser user agent with every request, so that every request is a new visitor whose view is
counted (two writes), the worst case for view counting; the extra row "search, 28 queries" sends, one after the
other, the queries of every kind of search/benchmark_queries.py (accents or none, Telex, abbreviations, document
numbers, names), so that the search figure is not that of one query. wrk runs on the same machine and takes CPU from the
server: compare ratios, not absolute figures, and rerun on an idle machine."""

import argparse
import contextlib
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from search.benchmark_queries import QUERIES  # noqa: E402 (plain data, no Django)

PYTHON = sys.executable
PORT = 8765
BASE = f"http://127.0.0.1:{PORT}"
SEED = "/hoc-tap-va-lam-theo-bac/tiep-tuc-day-manh-hoc-tap-va-lam-theo-bac-giai-doan-2021-2025/"
COUNTED_VISITOR = """
counter = 0
request = function()
  counter = counter + 1
  local visitor = tostring(math.random(1, 1000000000)) .. "-" .. counter
  local agent = "Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0 bench-" .. visitor
  return wrk.format(nil, nil, {["User-Agent"] = agent})
end
"""


def search_url(query):
    return "/search/?q=" + urllib.parse.quote_plus(query)


# Each request the next of the search benchmark's queries, of every kind (search/benchmark_queries.py).
SEARCH_QUERIES = [query for queries in QUERIES.values() for query in queries]
VARIED_SEARCH = """
queries = {QUERIES}
counter = 0
request = function()
  counter = counter + 1
  return wrk.format(nil, queries[counter % #queries + 1])
end
""".replace("QUERIES", ", ".join(f'"{search_url(query)}"' for query in SEARCH_QUERIES))


# (mode, PAGE_CACHE_SECONDS, FRAGMENT_CACHE_SECONDS, CONTENT_CACHE_SECONDS): each mode adds one layer, so that
# each layer's gain is the difference between two rows (docs/delivery.md).
MODES = [("off", 0, 0, 0), ("cold", 0, 0, 300), ("uncached", 0, 300, 300), ("cached", 600, 300, 300)]


def run(*command, **kwargs):
    print("$", " ".join(command), flush=True)
    subprocess.run(command, cwd=ROOT, check=True, **kwargs)  # noqa: S603


def ensure_wrk():
    if shutil.which("wrk"):
        return
    if os.geteuid() != 0:
        sys.exit("wrk is missing: sudo apt-get install wrk")
    run("apt-get", "update", "-q")
    run("apt-get", "install", "-y", "-q", "wrk", env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})


def ensure_database(url):
    import psycopg2

    name = url.rsplit("/", 1)[1]
    connection = psycopg2.connect(url.rsplit("/", 1)[0] + "/postgres")
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if cursor.fetchone() is None:
            cursor.execute(f'CREATE DATABASE "{name}"')
    connection.close()


def environment(options, workdir):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": options.database,
        "REDIS_URL": options.redis,
        "SECURE_SSL_REDIRECT": "false",  # plain HTTP on loopback; behind the proxy in production
        "STATIC_ROOT": str(workdir / "static"),
        "MEDIA_ROOT": str(workdir / "media"),
        "DEBUG": "false",
    }


class Server:
    def __init__(self, env, workers, page_cache_seconds, fragment_seconds, content_seconds):
        self.env = {
            **env,
            "PAGE_CACHE_SECONDS": str(page_cache_seconds),
            "FRAGMENT_CACHE_SECONDS": str(fragment_seconds),
            "CONTENT_CACHE_SECONDS": str(content_seconds),
        }
        self.workers = workers

    def __enter__(self):
        subprocess.run(  # noqa: S603
            [PYTHON, "-c", "import redis, os; redis.Redis.from_url(os.environ['REDIS_URL']).flushdb()"],
            env=self.env,
            check=True,
        )
        command = [
            str(Path(PYTHON).parent / "gunicorn"),
            "config.wsgi",
            f"--workers={self.workers}",
            f"--bind=127.0.0.1:{PORT}",
            "--backlog=2048",
            "--log-level=warning",
        ]
        self.process = subprocess.Popen(command, cwd=ROOT, env=self.env, start_new_session=True)  # noqa: S603
        for _ in range(100):
            try:
                urllib.request.urlopen(BASE + "/static/bench/article.html", timeout=2).read()  # noqa: S310
                return self
            except OSError:
                time.sleep(0.3)
        raise RuntimeError("gunicorn did not start")

    def __exit__(self, *exc):
        os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait(timeout=30)


def vacuum(url):
    import psycopg2

    connection = psycopg2.connect(url)
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
        with contextlib.suppress(psycopg2.Error):  # superusers (and pg_checkpoint) only
            cursor.execute("CHECKPOINT")  # the fill's writes flushed now, not during a measurement
    connection.close()


def warm(url, times):
    for _ in range(times):
        with urllib.request.urlopen(BASE + url, timeout=30) as response:  # noqa: S310
            response.read()


def to_ms(text):
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]


def cpu_times():
    """(busy, stolen) seconds of the whole machine so far, from /proc/stat (Linux); None elsewhere. Busy is every
    process's user and system time (the server's workers, PostgreSQL, Redis and wrk alike); stolen is the time the
    host gave this machine's cores to others."""
    try:
        fields = [int(value) for value in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    except OSError:
        return None
    user, nice, system, _idle, _iowait, irq, softirq, steal = fields[:8]
    tick = os.sysconf("SC_CLK_TCK")
    return (user + nice + system + irq + softirq) / tick, steal / tick


def wrk(url, options, script=None):
    """Requests/s, p50 and p99 latency, and the machine's CPU milliseconds per request. On a saturated machine the
    latter is about cores x 1000 / rate, so it moves with the machine's speed as the rate does; what it adds is
    telling a slow run from a machine the host took away (stolen) or a run that left cores idle."""
    command = ["wrk", f"-t{options.threads}", f"-c{options.connections}", f"-d{options.duration}s", "--latency"]
    if script:
        command += ["-s", script]
    before = cpu_times()
    output = subprocess.run(command + [BASE + url], capture_output=True, text=True, check=True).stdout  # noqa: S603
    after = cpu_times()
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    p50 = to_ms(re.search(r"^\s+50%\s+(\S+)", output, re.M).group(1))
    p99 = to_ms(re.search(r"^\s+99%\s+(\S+)", output, re.M).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)|Socket errors: (.*)", output)
    result = {"rps": rps, "p50": p50, "p99": p99, "errors": errors.group(0) if errors else ""}
    if before and after and requests:
        result["cpu_ms"] = (after[0] - before[0]) * 1000 / requests
        result["stolen"] = (after[1] - before[1]) / options.duration / (os.cpu_count() or 1)
    return result


def size(url):
    with urllib.request.urlopen(BASE + url, timeout=30) as response:  # noqa: S310
        return len(response.read())


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--duration", type=int, default=20, help="seconds per page")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1) + 1, help="gunicorn workers")
    parser.add_argument(
        "--database",
        default=os.environ.get("LOAD_BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portal_load_bench"),
    )
    parser.add_argument("--redis", default=os.environ.get("LOAD_BENCH_REDIS_URL", "redis://127.0.0.1:6379/5"))
    parser.add_argument("--modes", default="off,cold,uncached,cached", help="which of off, cold, uncached, cached")
    parser.add_argument("--pages", default="", help="only these pages, e.g. article,home (the ceiling always)")
    options = parser.parse_args()

    ensure_wrk()
    ensure_database(options.database)
    workdir = Path(tempfile.gettempdir()) / "portal-load-bench"
    env = environment(options, workdir)
    manage = [PYTHON, "manage.py"]
    run(*manage, "migrate", "--noinput", "-v0", env=env)
    run(*manage, "collectstatic", "--noinput", "-v0", env=env)  # before the fill renders a page with {% static %}
    run(PYTHON, "bench/fill.py", f"--articles={options.articles}", env=env)
    vacuum(options.database)  # fresh statistics, and no autovacuum of the new rows during the measurements

    pages = {
        "static copy": "/static/bench/article.html",
        "home": "/",
        "section": "/tin-hoat-dong/",
        "article": SEED,
        "campaign": "/hoc-tap-va-lam-theo-bac-2021-2025/",
        "search": search_url("công đoàn"),
    }
    counted_visitor = workdir / "counted-visitor.lua"
    counted_visitor.write_text(COUNTED_VISITOR)
    varied_search = workdir / "varied-search.lua"
    varied_search.write_text(VARIED_SEARCH)
    scripted = [  # rows whose requests vary: name, selected by (--pages), a URL they request (its size shown), script
        ("article, counted", "counted", SEED, counted_visitor),
        (f"search, {len(SEARCH_QUERIES)} queries", "search", search_url(SEARCH_QUERIES[0]), varied_search),
    ]
    results = {}
    if options.pages:
        pages = {name: url for name, url in pages.items() if name == "static copy" or name in options.pages.split(",")}
    modes = [(mode, *seconds) for mode, *seconds in MODES if mode in options.modes.split(",")]
    for mode, page_seconds, fragment_seconds, content_seconds in modes:
        print(f"{mode}: load average {os.getloadavg()[0]:.1f}", flush=True)
        with Server(env, options.workers, page_seconds, fragment_seconds, content_seconds):
            for url in pages.values():
                warm(url, options.workers * 3)
            if "search" in pages:
                for query in SEARCH_QUERIES:  # each query's word counts read once, as after any first search
                    warm(search_url(query), 1)
            for name, url in pages.items():
                results[(mode, name)] = {**wrk(url, options), "bytes": size(url)}
                print(f"  {mode:<9}{name:<13}{results[(mode, name)]}", flush=True)
            for name, selector, url, lua in scripted:
                if not options.pages or selector in options.pages.split(","):
                    results[(mode, name)] = {**wrk(url, options, str(lua)), "bytes": size(url)}
                    print(f"  {mode:<9}{name:<13}{results[(mode, name)]}", flush=True)

    print(
        f"\n{options.articles:,} articles, gunicorn {options.workers} sync workers, wrk {options.threads} threads "
        f"{options.connections} connections {options.duration} s per page, {os.cpu_count()} cores"
    )
    print(
        f"{'mode':<10}{'page':<18}{'bytes':>8}{'req/s':>10}{'p50 ms':>9}{'p99 ms':>9}{'vs static':>11}"
        f"{'CPU ms/req':>12}{'stolen':>8}  errors"
    )
    for (mode, name), result in results.items():
        ceiling = results[(mode, "static copy")]["rps"]
        print(
            f"{mode:<10}{name:<18}{result['bytes']:>8}{result['rps']:>10.0f}{result['p50']:>9.1f}{result['p99']:>9.1f}"
            f"{result['rps'] / ceiling:>10.0%}{result.get('cpu_ms', float('nan')):>12.2f}"
            f"{result.get('stolen', float('nan')):>8.0%}  {result['errors']}"
        )


if __name__ == "__main__":
    main()

# Everyday commands. `make` alone lists them.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.DEFAULT_GOAL := help
.PHONY: help run test test-quick test-postgres lint lock format bench load-bench search-eval search-bench messages lighthouse screenshots clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-14s %s\n", $$1, $$2}'

# Every package pinned and hashed (`make lock`): pip refuses a file whose hash differs from the lock's.
$(BIN)/.installed: requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --require-hashes -r requirements-dev.txt
	touch $@

run: $(BIN)/.installed ## Install, migrate, load the demo content and serve on http://127.0.0.1:8000
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo_content
	$(BIN)/python manage.py rebuild_search_entries
	$(BIN)/python manage.py runserver 127.0.0.1:8000

# The suite on every core (pytest-xdist; the Redis tests share one worker, see tests/conftest.py), then the browser
# tests one at a time: each drives a Chromium against a live server, too heavy to run two side by side.
# PYTEST_ARGS is passed to both runs, e.g. PYTEST_ARGS=-x or PYTEST_ARGS=tests/test_feeds.py (no browser test
# among them is not a failure: pytest's exit status 5).
PYTEST_ARGS ?=
PYTEST_PARALLEL := -n auto --dist loadgroup

test: $(BIN)/.installed ## Run the test suite on all cores, browser tests last (SQLite; DATABASE_URL=postgres://... for PostgreSQL)
	$(BIN)/pytest $(PYTEST_PARALLEL) -m "not browser" $(PYTEST_ARGS)
	$(BIN)/pytest -m browser $(PYTEST_ARGS) || test $$? -eq 5

test-quick: $(BIN)/.installed ## The suite without the slow and browser tests, on all cores (a minute or two)
	$(BIN)/pytest $(PYTEST_PARALLEL) -m "not slow and not browser" $(PYTEST_ARGS)

test-postgres: $(BIN)/.installed ## Run the test suite against the local PostgreSQL server (a test database per worker)
	DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/portal} $(MAKE) test

lint: $(BIN)/.installed ## Style and undefined names (ruff), one-way dependencies (import-linter), types (mypy)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/mypy

# The direct dependencies are pinned in requirements.in and requirements-dev.in; everything they pull in is locked,
# with hashes, for Python 3.11 and later on every platform. LOCK_OPTIONS=--upgrade also moves the unpinned
# (transitive) packages to their newest releases; without it, their locked versions are kept where they still fit.
# uv asks the default package index, as pip does; a mirror is named by UV_DEFAULT_INDEX (pip: PIP_INDEX_URL), never
# in the lock files.
LOCK = $(BIN)/uv pip compile --universal --python-version 3.11 --generate-hashes --custom-compile-command "make lock" $(LOCK_OPTIONS)
lock: $(BIN)/.installed ## Compile requirements*.in into the locked, hashed requirements*.txt (LOCK_OPTIONS=--upgrade: newest releases)
	$(LOCK) requirements.in -o requirements.txt
	$(LOCK) requirements-dev.in -o requirements-dev.txt

format: $(BIN)/.installed ## Format the code with ruff
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: $(BIN)/.installed ## Query counts and render times of the main pages (demo content)
	$(BIN)/python manage.py migrate --noinput -v0
	$(BIN)/python manage.py load_demo_content -v0
	$(BIN)/python manage.py measure_pages
	$(BIN)/python manage.py measure_view_counting

messages: $(BIN)/.installed ## Update the English interface strings (site/locale) from the code, and compile them (needs GNU gettext)
	$(BIN)/python manage.py makemessages -l en --add-location=file --ignore='.venv/*' --ignore='node_modules/*' --ignore='static/*' --ignore='media/*' --ignore='tests/*'
	$(BIN)/python manage.py compilemessages --ignore='.venv/*'

search-eval: $(BIN)/.installed ## Search quality on ../shared/search-dev (SQLite; DATABASE_URL=postgres://.../NAME for PostgreSQL, created and dropped)
	.ci/search-eval

load-bench: $(BIN)/.installed ## Requests/s and p50/p99 of the public pages under wrk, cached and not, against a static file (scratch PostgreSQL, ~30 min the first time)
	$(BIN)/python bench/run.py

search-bench: $(BIN)/.installed ## Search latency with 20,000 generated articles (DATABASE_URL: a scratch PostgreSQL database)
	@test -n "$$DATABASE_URL" || { echo "Set DATABASE_URL to a scratch database, e.g. postgres://postgres@127.0.0.1:5432/search_bench"; exit 1; }
	$(BIN)/python manage.py migrate --noinput -v0
	$(BIN)/python manage.py measure_search --articles 20000

lighthouse: $(BIN)/.installed ## Lighthouse (mobile) scores and page weights of the demo's main pages, served as in production (npm, Chromium)
	npm ci --no-audit --no-fund --ignore-scripts
	.ci/lighthouse

screenshots: $(BIN)/.installed ## Full-page screenshots of every page kind, 1366 and 412 px, Vietnamese and English, into screenshots/ (Chromium; SCREENSHOTS_URL: a running server)
	$(BIN)/python -m tests.browser.screenshots

clean: ## Remove the virtual environment, the SQLite database and uploaded media
	rm -rf $(VENV) db.sqlite3 media static

.PHONY: fonts
fonts: ## Copy the article body's web font (@fontsource/noto-serif, pinned in package.json) into site/static/fonts
	npm ci --no-audit --no-fund --ignore-scripts
	for face in latin-400-normal vietnamese-400-normal latin-700-normal vietnamese-700-normal latin-400-italic vietnamese-400-italic; do \
	  cp node_modules/@fontsource/noto-serif/files/noto-serif-$$face.woff2 site/static/fonts/; done
	cp node_modules/@fontsource/noto-serif/LICENSE site/static/fonts/OFL-noto-serif.txt

# IGN Academy. `make run` and `make test` do every set-up step themselves.
SHELL := /bin/bash
PYTHON ?= python3
UV := $(PYTHON) -m uv
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
CSS := var/build/static/css/ign.css
# Never fetch an interpreter: Python 3.12 comes from .python-version (pyenv).
export UV_PYTHON_DOWNLOADS := never

.PHONY: setup run run-prod test e2e lint bench audit migrate messages clean

setup: $(VENV)/.synced node_modules/.installed $(CSS)

$(VENV)/.synced: pyproject.toml uv.lock .python-version
	@$(UV) --version >/dev/null 2>&1 || $(PYTHON) -m pip install --quiet uv
	$(UV) sync --frozen
	@mkdir -p $(@D) && touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	@mkdir -p $(@D) && touch $@

# The site's stylesheet: Bootstrap 5.3 themed to IGN (static/scss/), compiled by
# sass from npm into a static folder of its own (settings.STATICFILES_DIRS).
$(CSS): node_modules/.installed $(wildcard static/scss/*.scss)
	@mkdir -p $(@D)
	node_modules/.bin/sass --style=compressed --no-source-map --load-path=node_modules \
	  --quiet-deps --silence-deprecation=import,global-builtin,color-functions \
	  static/scss/ign.scss $@

migrate: setup
	$(PY) manage.py migrate --noinput

run: migrate
	$(PY) manage.py seed_demo --if-empty
	$(BIN)/honcho start -f Procfile

# Production settings over plain HTTP on localhost:8000: gunicorn, two qcluster
# workers, PostgreSQL and Redis (started here unless DATABASE_URL / REDIS_URL).
run-prod: setup
	scripts/run-prod.sh

# Two passes: most tests on one pytest-xdist worker a core (PYTEST_WORKERS=0 for
# one process), then the `serial` ones (live server, real worker processes: they
# empty the database when they end) in one process. Exit 5 (nothing selected) is
# a failure only when neither pass ran a test.
# TEST_MARKS narrows both passes, e.g. TEST_MARKS="and not crash".
PYTEST_WORKERS ?= auto
TEST_MARKS ?=
test: setup
	@$(BIN)/pytest -n $(PYTEST_WORKERS) -m "not serial and not e2e $(TEST_MARKS)" $(PYTEST_ARGS); a=$$?; \
	$(BIN)/pytest -m "serial and not e2e $(TEST_MARKS)" $(PYTEST_ARGS); b=$$?; \
	if [ $$a -eq 5 ] && [ $$b -eq 5 ]; then exit 5; fi; \
	for code in $$a $$b; do [ $$code -eq 0 ] || [ $$code -eq 5 ] || exit $$code; done

# Whole journeys in Chromium (student, instructor, program manager), axe-core on
# every key page and a 390 px phone pass: screenshots and axe.json in var/e2e/.
# Not part of `make test`: CI runs it once, after the suite on SQLite.
e2e: setup
	$(BIN)/pytest -m e2e $(PYTEST_ARGS)

# Benchmarks write their figures to bench/results/ (BENCH_ARGS=--quick for a smoke run;
# BENCH_ARGS="--only limit,limit-prod" for issue 18's pages against a bare Django app on
# SQLite and on PostgreSQL + Redis, tables in bench/results/limit-*.md).
bench: migrate
	$(PY) -m bench.run $(BENCH_ARGS)

# Lighthouse 12.2.3 (npx, Debian's Chromium, mobile mode) on home, catalog,
# course, lesson, quiz attempt, review and dashboard of a running demo server
# (AUDIT_BASE, default http://localhost:8000: `make run` or `make run-prod`):
# scores in var/audit/scores.json, the table in docs/audit.md.
AUDIT_BASE ?= http://localhost:8000
audit: setup
	CHROME_PATH=$${CHROME_PATH:-/usr/bin/chromium} $(PY) scripts/audit.py --base $(AUDIT_BASE) $(AUDIT_ARGS)

lint: setup
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/mypy .
	$(BIN)/lint-imports
	DJANGO_SETTINGS_MODULE=config.settings.test $(PY) manage.py makemigrations --check --dry-run

# The French catalogue: collect marked strings into locale/fr/LC_MESSAGES/django.po
# (then translate the new entries), compile the .mo that is committed beside it.
# Needs GNU gettext; tests/i18n/test_messages.py runs the same makemessages.
messages: setup
	$(PY) manage.py makemessages -l fr --no-location -i 'node_modules/*' -i 'tests/*' -i 'bench/*' -i 'demo/*' -i 'var/*'
	$(PY) manage.py compilemessages -l fr -i .venv -i node_modules

clean:
	rm -rf $(VENV) node_modules var db.sqlite3 db.sqlite3-wal db.sqlite3-shm

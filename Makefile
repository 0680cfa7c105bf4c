# Every install step lives here, so a fresh clone needs nothing but `make run` or `make test`.
# Stamp files in .venv make a second run skip what is already done.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 5000
WORKERS ?= 2

# Debian packages: WeasyPrint's libraries (libharfbuzz-subset0 is missing on a fresh machine
# and makes PDFs 1.4x slower), and for tests Chromium, poppler (pdftotext) and PostgreSQL.
APP_DEBS  := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fontconfig
BENCH_DEBS := wrk
TEST_DEBS := chromium poppler-utils postgresql

APP_STAMP  := $(VENV)/.stamp-app
TEST_STAMP := $(VENV)/.stamp-test
BENCH_STAMP := $(VENV)/.stamp-bench
MO_FILES := $(patsubst %.po,%.mo,$(wildcard translations/*/LC_MESSAGES/messages.po))

.PHONY: run install test lint bench debs-app debs-test debs-node debs-node-install debs-bench translations translations-extract translations-update db clean help

help:
	@echo "make run    install what the app needs, prepare the database and start it (web and worker) on http://$(HOST):$(PORT)"
	@echo "make install  install what the app needs into .venv, nothing else (for a server, see README)"
	@echo "make test   install test needs and run the whole suite (lint included)"
	@echo "make bench  run the benchmarks in benchmarks/"

# --- Debian packages, installed only when missing -------------------------------------------
define install_debs
	@missing=""; for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; elif command -v sudo >/dev/null; then SUDO="sudo"; \
	  else echo "Need root to install:$$missing" >&2; exit 1; fi; \
	  $$SUDO apt-get update -q && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -q --no-install-recommends $$missing; \
	fi
endef

debs-app:
	$(call install_debs,$(APP_DEBS))

debs-test: debs-app
	$(call install_debs,$(TEST_DEBS))

# --- Python environment ----------------------------------------------------------------------
$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(APP_STAMP): pyproject.toml constraints.txt | $(BIN)/python
	$(BIN)/pip install -q -c constraints.txt -e .
	touch $@

$(TEST_STAMP): $(APP_STAMP) pyproject.toml constraints.txt
	$(BIN)/pip install -q -c constraints.txt -e '.[test]'
	touch $@

$(BENCH_STAMP): $(TEST_STAMP)
	$(BIN)/pip install -q -c constraints.txt -e '.[bench]'
	touch $@

translations/%/LC_MESSAGES/messages.mo: translations/%/LC_MESSAGES/messages.po $(APP_STAMP)
	$(BIN)/pybabel -q compile -d translations -l $* --statistics

translations: $(MO_FILES)

# Extract Dutch msgids from code and templates, then merge them into the catalogues.
translations-extract: $(APP_STAMP)
	$(BIN)/pybabel -q extract -F babel.cfg -k _l -k lazy_gettext -k _n:1,2 -o translations/messages.pot --no-location --sort-output .

translations-update: translations-extract
	$(BIN)/pybabel -q update -i translations/messages.pot -d translations --no-fuzzy-matching --ignore-obsolete

# --- Running -----------------------------------------------------------------------------------
# A server: the app and its Debian libraries in .venv, compiled translations; no database, no start.
install: debs-app $(APP_STAMP) translations

db: $(APP_STAMP)
	$(BIN)/meldcode db upgrade

# The printed setup and invitation links point at the port chosen here (unless BASE_URL is set).
run: export MELDCODE_BASE_URL := $(or $(MELDCODE_BASE_URL),http://$(HOST):$(PORT))
run: debs-app $(APP_STAMP) translations db
	$(BIN)/meldcode setup-link
	@# The worker (PDFs, mail, daily purge, reminders) runs beside the web; both stop together.
	$(BIN)/meldcode worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker' EXIT INT TERM; \
	WEB_CONCURRENCY=$(WORKERS) $(BIN)/gunicorn -c python:meldcode.gunicorn_config --workers $(WORKERS) --bind $(HOST):$(PORT) --access-logformat '%(h)s "%(m)s %(U)s" %(s)s %(M)sms' \
	  --timeout 120 'meldcode.web:create_app()'

# --- Testing -----------------------------------------------------------------------------------
lint: $(TEST_STAMP)
	$(BIN)/ruff check meldcode tests benchmarks
	$(BIN)/ruff format --check meldcode tests benchmarks

# The single sign-on tests run a real OpenID provider (node-oidc-provider, pinned by
# tests/oidc/package-lock.json) on Node.js: the machine's, else Debian's.
OIDC_STAMP := tests/oidc/node_modules/.package-lock.json

debs-node:
	@command -v npm >/dev/null || $(MAKE) --no-print-directory debs-node-install

debs-node-install:
	$(call install_debs,nodejs npm)

$(OIDC_STAMP): tests/oidc/package.json tests/oidc/package-lock.json | debs-node
	cd tests/oidc && npm ci --no-audit --no-fund --loglevel=error
	touch $@

test: debs-test $(TEST_STAMP) $(OIDC_STAMP) translations lint
	$(BIN)/meldcode kaders check
	$(BIN)/pytest -q

debs-bench: debs-test
	$(call install_debs,$(BENCH_DEBS))

bench: debs-bench $(BENCH_STAMP) translations
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache build dist
	find . -name __pycache__ -type d -prune -exec rm -rf {} +

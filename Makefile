# Kring — every command a developer needs. `make help` lists them.
SHELL := /bin/bash
.DEFAULT_GOAL := help
PY_VERSION := $(shell cat .python-version)
VENV := .venv
BIN := $(VENV)/bin
UV_BOOT := var/bootstrap
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)
PORT ?= 8000
SEED ?= 42
SCENARIO ?=
PYTEST_ARGS ?=

# uv from the machine, or from PyPI into a bootstrap venv when the machine has none.
UV := $(shell command -v uv 2>/dev/null || echo $(UV_BOOT)/bin/uv)
# The Python that .python-version names: pyenv's, or one on PATH.
PYTHON := $(shell (command -v pyenv >/dev/null && pyenv prefix $(PY_VERSION) 2>/dev/null | sed 's|$$|/bin/python$(PY_VERSION)|') || command -v python$(PY_VERSION) || command -v python3)

.PHONY: help install demo test test-fast e2e check fmt bench messages browser clean-demo

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-12s %s\n", $$1, $$2}'

$(UV_BOOT)/bin/uv:
	@mkdir -p var
	$(PYTHON) -m venv $(UV_BOOT)
	$(UV_BOOT)/bin/pip install --quiet uv

install: $(if $(shell command -v uv 2>/dev/null),,$(UV_BOOT)/bin/uv) ## Create .venv from .python-version and install the locked dependencies (idempotent)
	$(UV) sync --frozen --python $(PYTHON) --quiet
	@mkdir -p var

demo: install ## Install, migrate, generate the demo organisation once, start a worker and serve it on $(PORT)
	@$(BIN)/python -c "import secrets, pathlib; p = pathlib.Path('var/secret_key'); p.exists() or p.write_text(secrets.token_urlsafe(64))"
	@KRING_HTTPS=0 DJANGO_SETTINGS_MODULE=config.settings.prod $(BIN)/python manage.py demo_prepare --seed $(SEED) --port $(PORT)
	@KRING_HTTPS=0 KRING_MAIL_BACKEND=django.core.mail.backends.filebased.EmailBackend DJANGO_SETTINGS_MODULE=config.settings.prod bash scripts/serve.sh $(PORT)

browser: ## Install Debian's Chromium and an emoji font (browser tests) and gettext (translation tests): root, or prints how
	@test -x /usr/bin/chromium -a -x /usr/bin/xgettext -a -d /usr/share/fonts/truetype/noto || { \
	  if [ "$$(id -u)" = 0 ]; then (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium gettext fonts-noto-color-emoji >/dev/null); \
	  else echo "The tests need Chromium, an emoji font and gettext: sudo apt-get install -y chromium gettext fonts-noto-color-emoji"; exit 1; fi; }

test: install browser ## Run the whole test suite (unit, integration, browser) on SQLite, or on DATABASE_URL
	$(BIN)/python -m pytest -n 2 --dist loadgroup $(PYTEST_ARGS)

test-fast: install ## Run the suite without the browser tests
	$(BIN)/python -m pytest -n 2 -m "not e2e" $(PYTEST_ARGS)

check: install ## Lint, format, types, templates, import layers and migrations
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy --no-incremental kring config
	$(BIN)/djlint kring --lint --quiet
	$(BIN)/lint-imports
	DJANGO_SETTINGS_MODULE=config.settings.test $(BIN)/python manage.py makemigrations --check --dry-run

fmt: install ## Format the code
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

messages: install ## Update the translation files after changing strings
	cd kring && DJANGO_SETTINGS_MODULE=config.settings.dev ../$(BIN)/python ../manage.py makemessages -l nl -l en --no-obsolete --ignore=tests
	DJANGO_SETTINGS_MODULE=config.settings.dev $(BIN)/python manage.py compilemessages --ignore=.venv -v0

bench: install ## Run the benchmarks on PostgreSQL (SCENARIO=name runs one); results in bench/results/
	$(BIN)/python -m bench.run $(SCENARIO)

clean-demo: ## Remove the demo database so the next `make demo` generates it again
	rm -f var/kring.sqlite3 var/kring.sqlite3-wal var/kring.sqlite3-shm var/demo/planted_truth.json

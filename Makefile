# Everything the archive needs is installed from here and pyproject.toml.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
WORKERS ?= 2
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
CHROMIUM := /usr/bin/chromium
CJK_FONT := /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc

.PHONY: install setup run test reliability bench browser messages clean

$(INSTALLED): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,postgres]'
	touch $(INSTALLED)

install: $(INSTALLED)

# Idempotent: re-running it loads nothing twice.
setup: $(INSTALLED)
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_parks
	$(BIN)/python manage.py ingest fixtures/raw
	$(BIN)/python manage.py find_reuse
	$(BIN)/python manage.py rebuild_index --noinput
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0

run: setup
	@echo
	@echo "Gaoxin Archive: http://$(HOST):$(PORT)/"
	@echo "Create an admin account with: $(BIN)/python manage.py createsuperuser"
	@echo
	$(BIN)/gunicorn archive.wsgi --bind $(HOST):$(PORT) --workers $(WORKERS) --access-logfile -

# The browser tests drive Debian's Chromium: Playwright never downloads a browser of its own.
# The CJK font makes their screenshots legible. Installs only what is missing.
browser:
	@if [ ! -x $(CHROMIUM) ] || [ ! -e $(CJK_FONT) ]; then \
		$(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q chromium fonts-noto-cjk; \
	fi

test: $(INSTALLED) browser
	$(BIN)/python -m pytest

# Real servers under load, and kill -9 in the middle of ingest and rebuild_index (several minutes).
reliability: $(INSTALLED)
	$(BIN)/python -m pytest -m reliability tests/reliability -s

# Benchmarks on a generated corpus under bench/work/ (not part of `make test`): 1k, ~2 min.
# `make bench BENCH_SIZES=1000,10000,100000` adds 10k (~7 min) and 100k (over an hour); options of
# `python -m bench --help` go in BENCH_ARGS, e.g. BENCH_ARGS=--reuse-stock-index on a rerun.
bench: $(INSTALLED)
	$(BIN)/python -m bench $(BENCH_ARGS)

# After changing interface strings: collect them into locale/en/LC_MESSAGES/django.po, translate
# the new entries there, then run this again to compile django.mo (both are committed).
messages: $(INSTALLED)
	command -v msgfmt >/dev/null || ($(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q gettext)
	$(BIN)/python manage.py makemessages -l en --ignore=.venv --ignore=bench --ignore=tests --ignore=fixtures
	$(BIN)/python manage.py compilemessages -l en --ignore=.venv

clean:
	rm -rf var test-artifacts

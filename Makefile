# Everything the archive needs is installed from here and pyproject.toml.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000
WORKERS ?= 2

.PHONY: install setup run test clean

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

test: $(INSTALLED)
	$(BIN)/python -m pytest

clean:
	rm -rf var test-artifacts

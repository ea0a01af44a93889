# Set-up and everyday commands. `make demo` and `make test` are the whole set-up on a
# fresh machine with Python 3.11+ and make.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: install demo test lint typecheck unit lab bench browser pdf-engine office clean wheel-test

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev,dask]"
	touch $(STAMP)

install: $(STAMP)

# Debian packages, installed when missing (needs root or sudo); $(1): the packages.
apt_install = missing=$$(for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
  if [ -n "$$missing" ]; then \
    if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq --no-install-recommends $$missing; \
    elif command -v sudo >/dev/null 2>&1; then sudo apt-get update -qq && sudo apt-get install -y -qq --no-install-recommends $$missing; \
    else echo "missing Debian packages: $$missing"; fi; fi

# report.pdf: WeasyPrint needs Pango and a font.
pdf-engine:
	@$(call apt_install,libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core)

# The deliverable tests read the PDF with poppler and open the deck with LibreOffice Impress.
office:
	@$(call apt_install,poppler-utils libreoffice-impress)

demo: install pdf-engine
	$(BIN)/smtoolkit demo

lint: install
	$(BIN)/ruff check smtoolkit tests scripts $(wildcard benchmarks)

typecheck: install
	$(BIN)/mypy

unit: install
	$(BIN)/pytest -m "not notebook and not browser"

# Chromium for the browser tests comes from Debian's packages; install it when missing
# (needs root or sudo). Without it the browser tests are skipped, except in CI.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium; \
	  elif command -v sudo >/dev/null 2>&1; then sudo apt-get update -qq && sudo apt-get install -y -qq chromium; \
	  else echo "chromium missing: browser tests will be skipped"; fi; }

# The installed-package test: builds the wheel and installs it into a fresh venv (minutes).
wheel-test: install
	$(BIN)/pytest -m wheel

test: install browser pdf-engine office lint typecheck
	$(BIN)/pytest
	$(BIN)/pytest -m wheel

lab: install
	$(BIN)/smtoolkit lab

bench: install
	@for script in benchmarks/*.py; do echo "== $$script"; $(BIN)/python $$script || exit 1; done

clean:
	rm -rf reports .pytest_cache .mypy_cache .ruff_cache

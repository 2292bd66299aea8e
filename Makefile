# The course's commands. `make site` and `make test` are all a fresh machine needs.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: deps site-deps site test serve lint typecheck unit browser bench clean lock check

# requirements.txt pins what building the site needs; requirements-dev.lock pins the
# same versions plus the test tools. Each stamp records the last install of its lock.
$(VENV)/.installed-site: requirements.txt pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	@touch $@

$(VENV)/.installed-dev: requirements-dev.lock $(VENV)/.installed-site
	$(BIN)/python -m pip install --quiet -r requirements-dev.lock
	@touch $@

node_modules/.package-lock.json: package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund  # no install scripts: vnu-jar's would download a JDK; Java comes from Debian
	@touch $@

site-deps: $(VENV)/.installed-site node_modules/.package-lock.json

deps: site-deps $(VENV)/.installed-dev

site: site-deps
	$(BIN)/mkdocs build --strict

serve: site-deps
	$(BIN)/mkdocs serve

lint: deps
	$(BIN)/ruff check aci_course hooks tests bench
	$(BIN)/ruff format --check aci_course hooks tests bench

typecheck: deps
	$(BIN)/mypy

unit: deps
	$(BIN)/pytest tests --ignore=tests/browser

browser: deps
	$(BIN)/pytest tests/browser

# TODO(issue 13): make `test` depend on `check` once the seven inclusive-care modules are in
# and the course passes it (it does since the life-skills starter was grown in issue 14).
test: lint typecheck
	$(BIN)/pytest tests

# The content report: words per lesson and language, missing translations, quiz types per
# module, hunspell share of unknown words, Russian-only letters in Belarusian (README).
check: site-deps
	$(BIN)/python -m aci_course.quality.content_report

# Build time, memory and sizes of a synthetic 50- and 200-module course, ours against
# plain Material + static-i18n; the table goes into README.md ("Benchmark").
bench: deps
	$(BIN)/python bench/run.py --repeat 3 --hook-costs --readme README.md

# Regenerates both locks from pyproject.toml (needs network to PyPI); the site lock is
# constrained by the dev lock so both pin the same versions.
lock: $(VENV)/.installed-site
	$(BIN)/python -m pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --extra dev --python-version 3.11 -o requirements-dev.lock
	$(BIN)/uv pip compile pyproject.toml --python-version 3.11 -c requirements-dev.lock -o requirements.txt

clean:
	rm -rf site site.partial site.old build

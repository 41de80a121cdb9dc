# Seven Cs: the commands the README gives and CI runs. `make help` lists them.
# Each target installs what it needs into .venv first (once; again when
# requirements.txt, requirements-course.txt or pyproject.toml change).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
STAMP := $(VENV)/.installed
BUILD := _build
# Notebooks run during builds and tests record "progress" like a learner would;
# keep that out of the learner's own progress file.
export SEVENCS_PROGRESS_DB ?= $(CURDIR)/$(BUILD)/.progress-build.sqlite

.PHONY: help install book lab lint test bench bench-lab hub-bench clean widgets

help: ## Show the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

install: $(STAMP) ## Create .venv and install the course and its tools

$(STAMP): requirements.txt requirements-course.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Seven Cs needs Python 3.11 or newer; this is " + sys.version.split()[0])'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt -e '.[test]'
	@touch $@

book: $(STAMP) widgets ## Build the course book into _build/html (runs every notebook) and open it
	@mkdir -p $(BUILD)
	SEVENCS_LITE=$(LITE) $(BIN)/jupyter-book build . -W -n --keep-going  # LITE=0: without the JupyterLite site
	@echo
	@echo "The course is ready: file://$(CURDIR)/$(BUILD)/html/index.html"
	@$(PY) -c 'import os, sys, webbrowser; (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") or sys.platform == "darwin") and webbrowser.open("file://$(CURDIR)/$(BUILD)/html/index.html")' || true

# The book's saved widgets render with files the site serves itself, never a CDN:
# the widget renderer and RequireJS from the npm registry (pinned by
# package-lock.json; `npm ci` only when node_modules is missing or the lock
# changed), copied into _vendor/widgets (the site serves them as _static/widgets/).
# Node.js and npm come from Debian if missing.
WIDGETS := _vendor/widgets
WIDGET_DIST := node_modules/@jupyter-widgets/html-manager/dist
AS_ROOT := $(if $(filter 0,$(shell id -u)),,sudo)

widgets: $(WIDGETS)/.copied ## Fetch the book's widget renderer and RequireJS (npm, once)

node_modules/.installed: package.json package-lock.json
	@command -v npm >/dev/null || { command -v apt-get >/dev/null && echo "Installing Node.js and npm from Debian (once), to fetch the book's widget files..." && $(AS_ROOT) apt-get update -qq && $(AS_ROOT) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm; } || { echo "The book needs Node.js and npm to fetch its widget files: please install them, then run make again." >&2; exit 1; }
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $@

$(WIDGETS)/.copied: node_modules/.installed
	@mkdir -p $(WIDGETS)
	cp node_modules/requirejs/require.js $(WIDGET_DIST)/embed-amd.js $(WIDGET_DIST)/*.woff $(WIDGET_DIST)/*.woff2 \
		$(WIDGET_DIST)/*.ttf $(WIDGET_DIST)/*.eot $(WIDGET_DIST)/*.svg $(WIDGETS)/
	cp $(WIDGET_DIST)/embed.js.LICENSE.txt $(WIDGETS)/embed-amd.js.LICENSE.txt
	@touch $@

# The instructor edition: the same book with every model solution, model answer and
# quiz explanation open (SEVENCS_BOOK=instructor; see src/sevencs/bookmode.py).
.PHONY: book-instructor
book-instructor: $(STAMP) widgets ## Build the instructor edition (solutions open) into _build/instructor/_build/html
	@mkdir -p $(BUILD)/instructor
	SEVENCS_BOOK=instructor $(BIN)/jupyter-book build . --path-output $(BUILD)/instructor -W -n --keep-going
	@echo
	@echo "The instructor edition is ready: file://$(CURDIR)/$(BUILD)/instructor/_build/html/index.html"

lab: $(STAMP) ## Open the course in JupyterLab
	SEVENCS_PROGRESS_DB= $(BIN)/jupyter lab --notebook-dir=$(CURDIR) $(LAB_ARGS)

# The gates CI enforces (through `make test`): formatting, lint, types, and the layers
# of the package (each imports only from the layers below it; see pyproject.toml).
lint: $(STAMP) ## Check formatting, lint, types and the import layers (ruff, mypy, lint-imports)
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy
	$(BIN)/lint-imports

# The notebooks as shipped run once, in the book build (warnings as errors, so a notebook that raises
# or warns fails it); nbval runs only the exercises with their solutions filled in.
# Two phases, so no core waits: the book is built (tests/book.py) in the background while every test
# that needs no book runs; then the tests of the built book (marked slow) run against it.
TEST_BOOK := $(BUILD)/test-book
test: $(STAMP) lint widgets ## Run the gates (make lint), then every test: unit, widget, exercises, the book build (runs the notebooks), solved notebooks
	@rm -rf $(BUILD)/solved && mkdir -p $(BUILD)
	PYTHON=$(PY) sh tests/browser/setup.sh  # Chromium, axe-core, Pyodide and micropip for the browser tests, when missing
	$(PY) -m sevencs.publish.notebooks fill exercises/*.ipynb --out $(BUILD)/solved --expect-correct
	@echo "Building the book in the background ($(TEST_BOOK)) while the tests that need no book run..."
	@$(PY) tests/book.py $(TEST_BOOK) > $(BUILD)/test-book.log 2>&1 & book=$$!; \
	$(PY) -m pytest -n 2 --dist loadscope -m "not slow" --nbval-lax --nbval-current-env tests $(BUILD)/solved; \
	tests=$$?; \
	if ! wait $$book; then cat $(BUILD)/test-book.log >&2; exit 1; fi; \
	exit $$tests
	SEVENCS_TEST_BUILT_BOOK=$(TEST_BOOK)/_build/html $(PY) -m pytest -n 2 --dist loadscope -m slow tests

bench: $(STAMP) ## Time the explorers' slider moves (Python; make bench-lab: in JupyterLab), the audit on 10,000 posts and a class report of 200 exports
	$(PY) benchmarks/explorers.py
	$(PY) benchmarks/audit.py
	$(PY) benchmarks/class_report.py

bench-lab: $(STAMP) ## Time each explorer's key presses in a real JupyterLab and Chromium, beside the naive interact (_build/lab-latency.txt)
	$(PY) benchmarks/lab_latency.py

# A real JupyterHub on 127.0.0.1 (hub/jupyterhub_config.py, with simulated learners in a temporary folder)
# and N learners logging in at once, each running an exercise notebook: memory per learner, start times
# under the burst, total time; a table, also written to _build/hub-bench.txt.
# LAB=notebooks/01_connection_lab.ipynb: each learner also runs that lab notebook (a second kernel), as in class.
N ?= 20
hub-bench: $(STAMP) ## Size a hub: N learners log in at once and run an exercise (make hub-bench N=30)
	PYTHON=$(PY) sh tests/browser/setup.sh
	@mkdir -p $(BUILD)
	$(PY) benchmarks/hub.py --learners $(N) $(if $(LAB),--with-lab $(LAB)) --out $(BUILD)/hub-bench.txt

clean: ## Remove builds and caches (keeps .venv and your progress)
	rm -rf $(BUILD) .pytest_cache .hypothesis

# Seven Cs: the commands the README gives and CI runs. `make help` lists them.
# Each target installs what it needs into .venv first (once; again when
# requirements.txt or pyproject.toml change).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
STAMP := $(VENV)/.installed
BUILD := _build
# Notebooks run during builds and tests record "progress" like a learner would;
# keep that out of the learner's own progress file.
export SEVENCS_PROGRESS_DB ?= $(CURDIR)/$(BUILD)/.progress-build.sqlite

.PHONY: help install book lab test bench clean

help: ## Show the commands
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

install: $(STAMP) ## Create .venv and install the course and its tools

$(STAMP): requirements.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Seven Cs needs Python 3.11 or newer; this is " + sys.version.split()[0])'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt -e '.[test]'
	@touch $@

book: $(STAMP) ## Build the course book into _build/html (runs every notebook) and open it
	@mkdir -p $(BUILD)
	$(BIN)/jupyter-book build . -W -n --keep-going
	@echo
	@echo "The course is ready: file://$(CURDIR)/$(BUILD)/html/index.html"
	@$(PY) -c 'import os, sys, webbrowser; (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") or sys.platform == "darwin") and webbrowser.open("file://$(CURDIR)/$(BUILD)/html/index.html")' || true

lab: $(STAMP) ## Open the course in JupyterLab
	SEVENCS_PROGRESS_DB= $(BIN)/jupyter lab --notebook-dir=$(CURDIR) $(LAB_ARGS)

test: $(STAMP) ## Run every test: unit, widget, exercises, notebooks (as shipped and solved), book build
	@rm -rf $(BUILD)/solved && mkdir -p $(BUILD)
	$(PY) -m sevencs.notebooks fill exercises/*.ipynb --out $(BUILD)/solved --expect-correct
	$(PY) -m pytest -n 2 --dist loadscope --nbval-lax --nbval-current-env \
		tests notebooks exercises $(BUILD)/solved

bench: $(STAMP) ## Time the explorers' slider moves, the audit on 10,000 posts and a class report of 200 exports
	$(PY) benchmarks/explorers.py
	$(PY) benchmarks/audit.py
	$(PY) benchmarks/class_report.py

clean: ## Remove builds and caches (keeps .venv and your progress)
	rm -rf $(BUILD) .pytest_cache .hypothesis

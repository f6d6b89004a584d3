# Two commands for a fresh clone: `make run` and `make test`.
PYTHON ?= python3.11
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: run test lint types structure samples warehouse i18n bench clean

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $(STAMP)

warehouse: $(STAMP)
	$(PY) -m etl current >/dev/null 2>&1 || $(PY) -m etl build --samples

run: warehouse
	$(PY) -m streamlit run dashboard.py

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

types: $(STAMP)
	$(VENV)/bin/mypy

# One-way dependencies (views → dia → core, etl → core) and no import circles.
structure: $(STAMP)
	$(PY) checks/structure.py

test: lint types structure
	$(PY) -m pytest -n 2 --dist loadgroup

samples: $(STAMP)
	$(PY) -m etl samples

# Refresh the gettext template and catalogs after changing user-facing strings.
i18n: $(STAMP)
	$(VENV)/bin/pybabel extract -F babel.cfg -k N_ -o locales/messages.pot --no-location --sort-output .
	$(PY) -m core.catalogs

bench: $(STAMP)
	$(PY) -m bench

clean:
	rm -rf $(VENV) data/warehouse data/samples

# The two commands a new user needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
export DAGSTER_HOME := $(CURDIR)/.dagster_home

.PHONY: run test ui bench models lint dictionary clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

$(DAGSTER_HOME):
	mkdir -p $(DAGSTER_HOME)

venv: $(STAMP)

run: $(STAMP) $(DAGSTER_HOME)
	$(PY) -m pipeline.cli run

test: $(STAMP) $(DAGSTER_HOME)
	$(PY) -m pytest -q

ui: $(STAMP) $(DAGSTER_HOME)
	$(VENV)/bin/dagster-webserver -w workspace.yaml -h 127.0.0.1 -p $${PORT:-3000}

bench: $(STAMP) $(DAGSTER_HOME)
	$(PY) -m pipeline.bench

models: $(STAMP)
	$(PY) -m pipeline.cli models $(ARGS)

dictionary: $(STAMP)
	$(PY) -m pipeline.cli dictionary --out docs/DATA_DICTIONARY.md

lint: $(STAMP)
	$(VENV)/bin/ruff check .

clean:
	rm -rf $(VENV) .dagster_home outputs/*/ .pytest_cache .ruff_cache

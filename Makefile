# Two commands for a newcomer: `make demo` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
export SEJUK_DEMO ?= 1
HOST ?= 127.0.0.1:8000

.PHONY: install demo demo-data test lint check clean lock

$(STAMP): pyproject.toml requirements.lock
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c requirements.lock -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

## Install, create the SQLite database under var/, load regions and the demo, and serve it.
demo: demo-data
	DEBUG=1 $(BIN)/sejuk runserver $(HOST)

demo-data: install
	$(BIN)/sejuk migrate --noinput
	$(BIN)/sejuk load_regions
	$(BIN)/sejuk load_demo

## Install the development dependencies and run the whole suite (SQLite unless DATABASE_URL is set).
test: install
	$(BIN)/pytest $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

check: install
	$(BIN)/sejuk check --fail-level WARNING
	$(BIN)/sejuk makemigrations --check --dry-run

## Re-pin every dependency after changing pyproject.toml.
lock:
	rm -rf /tmp/sejuk-lock && $(PYTHON) -m venv /tmp/sejuk-lock
	/tmp/sejuk-lock/bin/pip install --quiet -e ".[dev]"
	/tmp/sejuk-lock/bin/pip freeze --exclude-editable | grep -v '^sejuk' > requirements.lock

clean:
	rm -rf $(VENV) var

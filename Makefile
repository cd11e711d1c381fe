# warta: two entry points for a fresh clone -- `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= demo.duckdb

.PHONY: install demo test lint bench clean

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $@

## demo: install, analyse the bundled sample corpus, show events and export them
demo: install
	rm -f $(DB) $(DB).wal
	$(BIN)/warta analyze samples/corpus --db $(DB)
	$(BIN)/warta events --db $(DB) --limit 25
	mkdir -p out
	$(BIN)/warta export --db $(DB) --format jsonl --out out/events.jsonl
	$(BIN)/warta export --db $(DB) --format csv --out out/events.csv

## test: install, lint, type-check (mypy) and run the whole test suite
test: install
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/ruff format --check src tests bench scripts
	$(BIN)/mypy
	HF_HUB_OFFLINE=1 $(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/ruff format --check src tests bench scripts
	$(BIN)/mypy

clean:
	rm -rf $(VENV) out $(DB) $(DB).wal .pytest_cache .ruff_cache

## fuzz: hypothesis fuzzing of the cleaner, the date normaliser, the JSONL reader and the whole pipeline
## for MINUTES minutes in all (not part of `make test`); exit status 1 on any failure
MINUTES ?= 5
.PHONY: fuzz
fuzz: install
	HF_HUB_OFFLINE=1 $(BIN)/python bench/fuzz.py --minutes $(MINUTES)

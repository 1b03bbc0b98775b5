# Two commands on a fresh machine with Python 3.11+:
#   make demo   install everything into .venv and ingest the bundled example articles
#   make test   install the test dependencies and run the whole test suite
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
DB     ?= demo.duckdb

.PHONY: demo test bench install clean model

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed

demo: install
	rm -f $(DB)
	$(BIN)/tidings ingest examples/articles --db $(DB) --workers 2
	$(BIN)/tidings stats --db $(DB)
	$(BIN)/tidings articles --db $(DB)
	$(BIN)/tidings actors --db $(DB) --limit 15
	$(BIN)/tidings stories --db $(DB)
	$(BIN)/tidings export --db $(DB) --format jsonl --out export/

test: install
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	$(BIN)/python bench/throughput.py
	$(BIN)/python bench/actors.py
	$(BIN)/python bench/events.py
	$(BIN)/python bench/attribution.py

# rebuild the event classifier from its sources (training/, docs/model.md): about an hour on 2 cores
model: install
	$(BIN)/python -m pip install --quiet -e '.[train]'
	$(BIN)/python training/train.py
	$(BIN)/python training/tune_policy.py

clean:
	rm -rf $(VENV) export/ $(DB) .pytest_cache

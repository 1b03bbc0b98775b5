# Two commands on a fresh machine with Python 3.11+:
#   make demo   install everything into .venv and ingest the bundled example articles
#   make test   install the test dependencies and run the whole test suite
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
DB     ?= demo.duckdb

.PHONY: demo test bench install clean browser model

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
	@echo
	@echo "Open the dashboard: $(BIN)/tidings serve --db $(DB)   then http://127.0.0.1:8000/"
	@echo "  (relations of the United States and North Korea: http://127.0.0.1:8000/#/relations?a=USA&b=PRK; API docs: /docs)"

# the browser tests drive Debian's headless Chromium (tests/web/)
browser:
	@if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; \
	  else echo "tests/web needs chromium and chromium-driver: sudo apt-get install chromium chromium-driver"; fi; fi

test: install browser
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	$(BIN)/python bench/throughput.py
	$(BIN)/python bench/actors.py
	$(BIN)/python bench/events.py
	$(BIN)/python bench/attribution.py
	$(BIN)/python bench/near_duplicates.py
	$(BIN)/python bench/coref.py
	$(BIN)/python bench/stories.py
	$(BIN)/python bench/api.py

# rebuild the event classifier from its sources (training/, docs/model.md): about an hour on 2 cores
model: install
	$(BIN)/python -m pip install --quiet -e '.[train]'
	$(BIN)/python training/train.py
	$(BIN)/python training/tune_policy.py
	$(BIN)/python training/train_verifier.py

clean:
	rm -rf $(VENV) export/ $(DB) .pytest_cache

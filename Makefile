# Two commands for a newcomer: `make run` and `make test`. Both set everything up themselves, idempotently.
# Only the conversation goes to stdout: recipes are silent and set-up output is sent to stderr.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.SILENT:
MAKEFLAGS += --no-print-directory

RASA_VENV := .venvs/rasa
APP_VENV := .venvs/app
LEERBOT := $(APP_VENV)/bin/leerbot
export RASA_TELEMETRY_ENABLED := false
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: run chat test browser setup venvs train db lint eval eval-dev eval-sealed nlu-cv content-check bench clean

# setup has trained and migrated already; LEERBOT_SET_UP spares `leerbot run` checking both again (~3 s).
run: setup
	LEERBOT_SET_UP=1 $(LEERBOT) run

chat: setup
	$(LEERBOT) chat

test: setup browser
	scripts/test.sh

# Debian's Chromium for the browser tests (tests/browser; Playwright drives it through executable_path, its own
# download is not used): installed as root when missing (about 35 s once), otherwise how to install it; without it
# the browser tests skip locally and fail in CI (docs/web.md).
browser:
	command -v chromium >/dev/null && { ! command -v dpkg >/dev/null || dpkg -s fonts-liberation >/dev/null 2>&1; } \
	  && exit 0; \
	if [ "$$(id -u)" = 0 ]; then \
	  echo "installing Debian's chromium and fonts-liberation for the browser tests" >&2; \
	  { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
	      chromium fonts-liberation; } </dev/null >&2; \
	else \
	  echo "the browser tests need Chromium: sudo apt-get install --no-install-recommends chromium fonts-liberation" >&2; \
	  [ -z "$${CI:-}" ]; \
	fi

setup: venvs
	$(LEERBOT) train </dev/null >&2
	$(LEERBOT) db upgrade </dev/null >&2

venvs: $(RASA_VENV)/.installed $(APP_VENV)/.installed

# The Rasa server's environment: rasa==3.6.21 and its pinned dependencies, nothing of ours.
$(RASA_VENV)/.installed: requirements/rasa.lock.txt scripts/find-python310.sh
	python=$$(scripts/find-python310.sh); start=$$SECONDS; \
	echo "setting up the Rasa environment with $$python (about 3 minutes the first time)" >&2; \
	[ -x $(RASA_VENV)/bin/python ] || "$$python" -m venv $(RASA_VENV) >&2; \
	$(RASA_VENV)/bin/python -m pip install -q -r requirements/rasa.lock.txt </dev/null >&2; \
	echo "Rasa environment ready in $$((SECONDS - start)) s" >&2
	touch $@

# The app environment: everything we write (bot, actions, rules, content, store) and the dev tools.
$(APP_VENV)/.installed: requirements/app.lock.txt pyproject.toml scripts/find-python310.sh
	python=$$(scripts/find-python310.sh); start=$$SECONDS; \
	echo "setting up the app environment with $$python" >&2; \
	[ -x $(APP_VENV)/bin/python ] || "$$python" -m venv $(APP_VENV) >&2; \
	$(APP_VENV)/bin/python -m pip install -q -r requirements/app.lock.txt </dev/null >&2; \
	$(APP_VENV)/bin/python -m pip install -q --no-deps -e . </dev/null >&2; \
	echo "app environment ready in $$((SECONDS - start)) s" >&2
	touch $@

train: venvs
	$(LEERBOT) train --force </dev/null >&2

db: venvs
	$(LEERBOT) db upgrade </dev/null >&2

# The held-out evaluation set through the whole pipeline; figures go in docs/quality.md.
eval: setup
	$(APP_VENV)/bin/python scripts/nlu_cv_summary.py --last
	$(LEERBOT) eval --cases tests/eval/cases.yaml --out var/eval-results.jsonl

# The former sealed sets of issue 14's first three rounds, development sets since their one run.
eval-dev: setup
	$(LEERBOT) eval --cases tests/eval/sealed-14-ronde-1.yaml --out var/eval-dev-results.jsonl
	$(LEERBOT) eval --cases tests/eval/sealed-14-ronde-2.yaml --out var/eval-dev2-results.jsonl
	$(LEERBOT) eval --cases tests/eval/sealed-14-ronde-3.yaml --out var/eval-dev3-results.jsonl

# The sealed set, written blind: run once at the end of an issue, its errors read then for docs/quality.md;
# after that run it is a development set and the next issue has a new one written (docs/quality.md).
eval-sealed: setup
	$(LEERBOT) eval --cases tests/eval/sealed/cases.yaml --out var/eval-sealed-results.jsonl

# The load test: simulated Telegram users against `make run` (single set-up, then PostgreSQL + Redis + two
# Rasa servers), and meanwhile 500 web users holding their event streams open on the web chat, 50 of them sending
# (BENCH_ARGS="--web-users N --web-senders N --web-turns-per-s R"; --web-users 0 for Telegram alone).
# About 10 minutes with the web users; figures in docs/benchmarks.md. The last line printed is a JSON summary.
bench: setup
	$(APP_VENV)/bin/python -m bench $(BENCH_ARGS)

# NLU cross-validation (5 folds; most of an hour on 2 cores). Reported in docs/quality.md, not run in CI; the
# overall figures are kept with their commit in docs/nlu-cv.json, which `make eval` prints first.
NLU_CV_FOLDS := 5
nlu-cv: venvs
	$(RASA_VENV)/bin/rasa test nlu --nlu nlu/data/nlu --config config.yml --cross-validation \
	  --folds $(NLU_CV_FOLDS) --successes --out var/nlu-cv </dev/null >&2
	$(APP_VENV)/bin/python scripts/nlu_cv_summary.py var/nlu-cv --folds $(NLU_CV_FOLDS)

# A report of content not checked against its sources for over a year; it never fails the build.
content-check: venvs
	$(LEERBOT) content-check

lint: venvs
	$(APP_VENV)/bin/ruff check .
	$(APP_VENV)/bin/mypy

clean:
	rm -rf .venvs models var .mypy_cache .ruff_cache .pytest_cache

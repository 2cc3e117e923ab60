#!/usr/bin/env bash
# Everything CI runs, stage by stage, with the time each stage took. Stops at the first failing stage.
set -uo pipefail
cd "$(dirname "$0")/.."
APP=.venvs/app/bin
export RASA_TELEMETRY_ENABLED=false

declare -a names=() seconds=()
run_stage() {
  local name=$1; shift
  echo "=== $name: $*" >&2
  local start=$SECONDS
  "$@"
  local status=$?
  names+=("$name"); seconds+=($((SECONDS - start)))
  if [ $status -ne 0 ]; then
    echo "=== $name FAILED (exit $status) after $((SECONDS - start)) s" >&2
    summary
    exit $status
  fi
}
summary() {
  echo "=== stage times" >&2
  for i in "${!names[@]}"; do printf '    %-16s %5d s\n' "${names[$i]}" "${seconds[$i]}" >&2; done
}

run_stage ruff "$APP/ruff" check .
run_stage mypy "$APP/mypy"
run_stage layers "$APP/lint-imports" --no-cache
run_stage yamllint "$APP/yamllint" -s nlu content tests/rules tests/eval tests/conversations config.yml
run_stage rasa-validate .venvs/rasa/bin/rasa data validate --fail-on-warnings \
  --config config.yml --domain nlu/domain --data nlu/data
run_stage rasa-stories .venvs/rasa/bin/rasa test core --stories tests/conversations \
  --model models/leerbot.tar.gz --fail-on-prediction-errors --out var/rasa-test-results
run_stage unit "$APP/python" -m pytest -m "not e2e" -q -p no:cacheprovider
run_stage e2e "$APP/python" -m pytest -m e2e -q -p no:cacheprovider
summary

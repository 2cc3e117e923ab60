#!/usr/bin/env bash
# Prints the path of a Python 3.10 interpreter, or explains what to install and exits 1.
# Rasa 3.6 needs Python < 3.11 and python-telegram-bot 22 needs >= 3.10, so both environments use 3.10.
set -u
is_310() { "$1" -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 10) else 1)' >/dev/null 2>&1; }
candidates=()
[ -n "${PYTHON310:-}" ] && candidates+=("$PYTHON310")
for name in python3.10 python3 python; do
  path=$(command -v "$name" 2>/dev/null) && candidates+=("$path")
done
pyenv_root="${PYENV_ROOT:-$HOME/.pyenv}"
for dir in "$pyenv_root"/versions/3.10*/bin; do
  [ -x "$dir/python3.10" ] && candidates+=("$dir/python3.10")
done
candidates+=(/usr/bin/python3.10 /usr/local/bin/python3.10)
for candidate in "${candidates[@]}"; do
  # A pyenv shim exists on PATH even when 3.10 is not selected; running it is the only real test.
  if [ -x "$candidate" ] && is_310 "$candidate"; then
    "$candidate" -c 'import sys; print(sys.executable)'
    exit 0
  fi
done
cat >&2 <<'MSG'
error: Python 3.10 was not found.
  The assistant needs Python 3.10 (Rasa 3.6 does not run on 3.11 or newer).
  Install it, for example with `pyenv install 3.10.13` or your system's python3.10 package
  (Debian/Ubuntu: apt-get install python3.10 python3.10-venv), or set PYTHON310=/path/to/python3.10.
MSG
exit 1

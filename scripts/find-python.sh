#!/usr/bin/env bash
# Prints the path of a working Python 3.10 (Rasa 3.6 supports 3.8-3.10 only): PATH first, then
# pyenv's versions. A pyenv shim on PATH that is not activated fails the check and is skipped.
set -u
candidates=(python3.10)
pyenv_root=$(pyenv root 2>/dev/null || echo "${PYENV_ROOT:-$HOME/.pyenv}")
for p in "$pyenv_root"/versions/3.10.*/bin/python; do candidates+=("$p"); done
for p in "${candidates[@]}"; do
  if "$p" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 10))' >/dev/null 2>&1; then
    command -v "$p"
    exit 0
  fi
done
echo "error: Python 3.10 not found (Rasa 3.6 needs Python 3.8-3.10)." >&2
echo "Install it, for example with 'pyenv install 3.10', or put python3.10 on PATH." >&2
exit 1

#!/usr/bin/env bash
# Create .venv and install Balcão into it. `--dev` adds the test and lint tools.
set -euo pipefail

cd "$(dirname "$0")/.."
python="${PYTHON:-python3}"

if [ ! -x .venv/bin/python ]; then
    "$python" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip

# torch first, pinned: any other spec would pull a multi-GB CUDA build for the embeddings.
.venv/bin/python -m pip install --quiet torch==2.13.0

if [ "${1:-}" = "--dev" ]; then
    .venv/bin/python -m pip install --quiet -e '.[dev]'
else
    .venv/bin/python -m pip install --quiet -e .
fi
echo "Balcão installed in $(pwd)/.venv"

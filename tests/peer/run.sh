#!/usr/bin/env bash
# The yoastseo peer test (see docs/analysis.md, "The peer test"). Env: PLUME, SEEDS, EXAMPLES.
set -euo pipefail
cd "$(dirname "$0")"
# npm records what it installed in node_modules/.package-lock.json: reinstall when it is
# missing or older than the lock file.
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  npm ci --no-audit --no-fund
fi
exec node compare.mjs

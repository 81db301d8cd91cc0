#!/usr/bin/env bash
# Installs the node dependencies of the node tests (yoastseo 3.6.0, in tests/peer/node_modules)
# with `npm ci`. npm records what it installed in node_modules/.package-lock.json: reinstall
# when it is missing or older than the lock file. Used by peer/run.sh and corpus/run.sh; with a
# directory argument, for that directory's package-lock.json (web/run.sh: playwright-core; extract/run.sh: Readability.js and jsdom).
set -euo pipefail
cd "${1:-$(dirname "${BASH_SOURCE[0]}")}"
# ctest runs several tests that call this at once: one npm at a time per directory.
exec 9<.
flock 9
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  npm ci --no-audit --no-fund >&2
fi

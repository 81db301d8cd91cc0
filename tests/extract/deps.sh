#!/usr/bin/env bash
# Installs the node peers of the extraction test (@mozilla/readability 0.6.0 and jsdom, in
# tests/extract/node_modules) with `npm ci`, as tests/peer/deps.sh does for yoastseo.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
# ctest runs several tests that call this at once: one npm at a time per directory.
exec 9<.
flock 9
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  npm ci --no-audit --no-fund >&2
fi

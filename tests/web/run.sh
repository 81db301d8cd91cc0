#!/usr/bin/env bash
# The editor's browser test (docs/api.md, "The web editor"): Debian's chromium driven by
# playwright-core against `plume serve`. Env: PLUME, OUT (screenshots), CORPUS (optional).
# Exit 77 (skipped) only when chromium is missing: scripts/install-deps.sh --with-peer installs it.
set -euo pipefail
cd "$(dirname "$0")"
CHROMIUM=${CHROMIUM:-$(command -v chromium || true)}
if [[ -z "$CHROMIUM" ]]; then
  echo "web test skipped: no chromium (bash scripts/install-deps.sh --with-peer installs it)"
  exit 77
fi
export CHROMIUM
bash ../peer/deps.sh "$PWD"
exec node --test --test-reporter=spec editor.test.mjs

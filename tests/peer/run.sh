#!/usr/bin/env bash
# The yoastseo peer test (see docs/analysis.md, "The peer test"). Env: PLUME, SEEDS, EXAMPLES.
set -euo pipefail
cd "$(dirname "$0")"
bash deps.sh
exec node compare.mjs

#!/usr/bin/env bash
# The extraction test (issue 11; docs/extract.md). Env: PLUME, CORPUS (its pages/ are optional:
# without them only the pages written for the project are measured).
set -euo pipefail
cd "$(dirname "$0")"
bash ../peer/deps.sh "$PWD"
exec node measure.mjs

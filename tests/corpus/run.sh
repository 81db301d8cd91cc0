#!/usr/bin/env bash
# The corpus test (issue 8; see tests/corpus/README.md). Env: PLUME, CORPUS, LIMIT (optional).
# Exits 77 (skipped) when CORPUS is absent.
set -euo pipefail
cd "$(dirname "$0")"
if [[ -z "${CORPUS:-}" || ! -d "$CORPUS/articles" ]]; then
  echo "corpus: ${CORPUS:-(unset)} absent, skipped"
  exit 77
fi
bash ../peer/deps.sh
exec node corpus.mjs

#!/usr/bin/env bash
# plume write and plume analyze read a saved page through the extractor (docs/extract.md):
# the article reaches them, the page's sidebar, comments and banners do not. Env: PLUME.
set -euo pipefail
cd "$(dirname "$0")/pages"
fail() { echo "FAIL: $*"; exit 1; }

article=$("$PLUME" write cms-sidebar.html comments-related.html --force 2>/dev/null)
grep -qF "passerelle" <<<"$article" || fail "write: the article of cms-sidebar.html is missing"
for furniture in "Bienvenue sur le blog" "Articles récents" "cookies" "Mon fils est au collège" "Les plus lus"; do
  if grep -qF "$furniture" <<<"$article"; then fail "write: «$furniture» came from the page's furniture"; fi
done

report=$("$PLUME" analyze --format page --json comments-related.html --keyphrase "collèges")
grep -qF '"seo"' <<<"$report" || fail "analyze --format page: no analysis"
grep -qF "Mon fils est au collège" <<<"$("$PLUME" analyze --format page --paper comments-related.html)" &&
  fail "analyze --format page: a comment was analysed"
echo "cli: write and analyze read pages through the extractor"

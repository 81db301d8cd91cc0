#!/usr/bin/env bash
# Writes the fuzz targets' seed corpora into $1/<target> from the project's own examples, so
# that no copy of them is committed: the first byte picks the format (0 Markdown, 1 HTML,
# 2 text; fuzz_support.hpp), a NUL byte separates the two sources of fuzz_write. The JSON
# seeds of fuzz_api and fuzz_llm_answer come from fuzz/json_seeds.py.
set -euo pipefail
out="$1"
cd "$(dirname "$0")/.."
mkdir -p "$out"/{analyze,text,write,brief}
cp fuzz/corpus/brief/* "$out/brief/"
# seed TARGET FORMAT-BYTE FILE [NAME]
seed() { { printf "\\x$2"; cat "$3"; } >"$out/$1/${4:-$(basename "$3")}"; }
seed analyze 00 examples/article-puces.md
seed analyze 01 examples/article-velo.html
for set in examples/sources/*/; do
  name=$(basename "$set")
  files=("$set"*.txt)
  for f in "${files[@]}"; do
    cp "$f" "$out/text/$name-$(basename "$f")"
    seed analyze 02 "$f" "$name-$(basename "$f")"
    seed write 02 "$f" "$name-$(basename "$f")"
  done
  { printf '\x02'; cat "${files[0]}"; printf '\0'; cat "${files[1]}"; } >"$out/write/$name-two"
done
python3 fuzz/json_seeds.py "$out"

#!/usr/bin/env bash
# Times plume and yoastseo 3.6.0 side by side on the same article, each in-process and warmed
# up, and prints the ratio. Usage: bash bench/compare_yoast.sh [BUILD_DIR|PLUME_BINARY] [ARTICLE]
# (default build dir: build; the article must match bench/analyze_bench.cpp's).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-build}"
[[ -f "$build" ]] && build="$(dirname "$build")"  # a path to the plume binary: its build dir
article="${2:-$root/examples/article-puces.md}"
keyphrase="puces d’IA"

plume="$build/plume"
bench="$build/bench/plume_bench"
[[ -x "$bench" ]] || bench="$build/plume_bench"
for f in "$plume" "$bench"; do
  [[ -x "$f" ]] || { echo "compare_yoast: $f not found; build with -DPLUME_BENCH=ON" >&2; exit 1; }
done
command -v node >/dev/null || { echo "compare_yoast: node is required for yoastseo" >&2; exit 1; }

peer="$root/tests/peer"
if [[ ! -f "$peer/node_modules/.package-lock.json" || "$peer/package-lock.json" -nt "$peer/node_modules/.package-lock.json" ]]; then
  (cd "$peer" && npm ci --no-audit --no-fund >&2)
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
"$plume" analyze "$article" --match yoast --keyphrase "$keyphrase" --paper > "$tmp/paper.json"
words="$("$plume" analyze "$article" --match yoast --keyphrase "$keyphrase" --json \
  | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).stats.words))')"

node "$root/bench/yoast_bench.mjs" "$tmp/paper.json" 20 > "$tmp/yoast.json"
"$bench" --benchmark_filter='^BM_(Parse)?Analyze/' --benchmark_format=json \
  --benchmark_repetitions=5 --benchmark_report_aggregates_only=true > "$tmp/plume.json"

node - "$tmp/yoast.json" "$tmp/plume.json" "$article" "$words" <<'JS'
const fs = require("fs");
const [yoastFile, plumeFile, article, words] = process.argv.slice(2);
const yoastMs = JSON.parse(fs.readFileSync(yoastFile, "utf8")).median_ms;
const medians = {};
for (const b of JSON.parse(fs.readFileSync(plumeFile, "utf8")).benchmarks) {
  if (b.aggregate_name !== "median") continue;
  const scale = { ns: 1e-6, us: 1e-3, ms: 1, s: 1e3 }[b.time_unit];
  medians[b.run_name.replace(/\/real_time$/, "")] = b.real_time * scale;
}
const fmt = (ms) => (ms >= 1 ? `${ms.toFixed(1)} ms` : `${(ms * 1000).toFixed(0)} µs`);
console.log(`article: ${article} (${words} words), keyphrase "puces d’IA", medians, wall-clock`);
console.log(`yoastseo 3.6.0 (node ${process.version}), SEO + readability: ${fmt(yoastMs)} per article`);
console.log(`plume analyze (parsed document):             ${fmt(medians.BM_Analyze)} per article`);
console.log(`plume parse + analyze (from bytes):          ${fmt(medians.BM_ParseAnalyze)} per article`);
// Yoast parses the HTML in its analysis too, so the headline ratio counts plume's parsing.
console.log(`plume is ${Math.round(yoastMs / medians.BM_ParseAnalyze)}× faster than yoastseo ` +
            `(${Math.round(yoastMs / medians.BM_Analyze)}× on a parsed document)`);
JS

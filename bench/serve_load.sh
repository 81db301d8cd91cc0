#!/usr/bin/env bash
# Load test of `plume serve` (issue 10): wrk (Debian) posts the same 758-word article to
# POST /v1/analyze over loopback for a bounded time and prints requests/s, latency
# percentiles and errors. Usage: bash bench/serve_load.sh [BUILD_DIR] [SECONDS] [CONNECTIONS]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-build}"
seconds="${2:-15}"
connections="${3:-16}"
command -v wrk >/dev/null || { echo "serve_load: wrk is required (apt-get install wrk)" >&2; exit 1; }
command -v node >/dev/null || { echo "serve_load: node is required to build the JSON body" >&2; exit 1; }

tmp="$(mktemp -d)"
port=$((20000 + RANDOM % 20000))
"$build/plume" serve --port "$port" --db "$tmp/load.db" 2>"$tmp/serve.log" &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; rm -rf "$tmp"' EXIT
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done

node -e 'const fs=require("fs");
  process.stdout.write(JSON.stringify({text: fs.readFileSync(process.argv[1], "utf8"), format: "md", keyphrase: "puces d’IA"}))' \
  "$root/examples/article-puces.md" > "$tmp/body.json"
# wrk reads the body from a Lua script; a Lua long string holds it verbatim.
{ echo 'wrk.method = "POST"'; echo 'wrk.headers["Content-Type"] = "application/json"';
  printf 'wrk.body = [==[%s]==]\n' "$(cat "$tmp/body.json")"; } > "$tmp/post.lua"
# One answer checked before timing: the endpoint must work, not fail fast.
curl -sf -X POST -H 'Content-Type: application/json' --data-binary @"$tmp/body.json" \
  "http://127.0.0.1:$port/v1/analyze" | grep -q '"readability"' || { echo "serve_load: /v1/analyze failed" >&2; exit 1; }
wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$tmp/post.lua" "http://127.0.0.1:$port/v1/analyze"

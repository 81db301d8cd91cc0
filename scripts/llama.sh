#!/usr/bin/env bash
# llama.cpp for plume's embedded backend and for the tests against a real llama-server (issue 9).
# Debian 12 packages no llama.cpp, so its source comes from the npm package node-llama-cpp,
# which ships the llama.cpp it pins as a git bundle. Built once per machine: the result lives
# outside the clone, under $PLUME_LLAMA_CACHE (default ~/.cache/plume), keyed by the commit, so
# a fresh clone of plume (a CI run) reuses it.
#
#   scripts/llama.sh          build when missing, then print the install prefix
#   scripts/llama.sh prefix   print the install prefix (built or not) and exit
#   scripts/llama.sh check    exit 0 when the build is in the cache, 1 when not
#
# The prefix holds include/ (llama.h, ggml*.h), lib/ (static libllama, libggml*) and
# bin/llama-server. The build is CPU only, static, -j2 under nice (the machine is shared).
set -euo pipefail

NPM_PACKAGE=node-llama-cpp@3.22.1
# The commit the bundle of that package holds; checked after the clone.
LLAMA_COMMIT=de3ff815ea7d559ee917f063901b8986f038abc6
JOBS=${LLAMA_JOBS:-2}

root=$(cd "$(dirname "$0")/.." && pwd)
cache=${PLUME_LLAMA_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/plume}
dir=$cache/llama-$LLAMA_COMMIT
prefix=$dir/prefix
src=$root/third_party/llama.cpp  # the clone (ignored by git)

built() { [ -f "$prefix/.complete" ]; }

case "${1:-build}" in
  prefix) echo "$prefix"; exit 0 ;;
  check) built; exit ;;
  build) ;;
  *) echo "usage: $0 [build|prefix|check]" >&2; exit 2 ;;
esac
if built; then echo "$prefix"; exit 0; fi

log() { echo "llama.sh: $*" >&2; }

# The source: npm pack (the registry is the only network this needs), then a clone of the bundle.
fetch_source() {
  if [ -d "$src/.git" ] && [ "$(git -C "$src" rev-parse HEAD)" = "$LLAMA_COMMIT" ]; then return; fi
  local tmp
  tmp=$(mktemp -d)
  log "fetching $NPM_PACKAGE"
  (cd "$tmp" && npm pack --silent "$NPM_PACKAGE" >/dev/null)
  tar -xzf "$tmp"/node-llama-cpp-*.tgz -C "$tmp" package/llama/gitRelease.bundle
  rm -rf "$src"
  mkdir -p "$(dirname "$src")"
  git -c advice.detachedHead=false clone --quiet "$tmp/package/llama/gitRelease.bundle" "$src"
  git -C "$src" -c advice.detachedHead=false checkout --quiet "$LLAMA_COMMIT"
  rm -rf "$tmp"
}

# CPU only, static, no network at build time (no prebuilt web UI, no HTTPS), OpenMP off so a
# static link into plume needs no libgomp. Only the libraries and llama-server are built.
build() {
  local b=$dir/build
  log "configuring llama.cpp $LLAMA_COMMIT in $b"
  cmake -S "$src" -B "$b" -DCMAKE_BUILD_TYPE=Release -DBUILD_SHARED_LIBS=OFF \
    -DGGML_OPENMP=OFF -DGGML_NATIVE=ON -DLLAMA_OPENSSL=OFF \
    -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF -DLLAMA_BUILD_APP=OFF \
    -DLLAMA_BUILD_TOOLS=ON -DLLAMA_BUILD_SERVER=ON -DLLAMA_BUILD_UI=OFF -DLLAMA_USE_PREBUILT_UI=OFF \
    >"$dir/configure.log" || { log "configuring failed: see $dir/configure.log"; exit 1; }
  log "building (-j$JOBS, nice 10; several minutes, once per machine)"
  local start=$SECONDS
  nice -n 10 cmake --build "$b" -j"$JOBS" --target llama llama-server >"$dir/build.log" 2>&1 ||
    { log "the build failed: see $dir/build.log"; exit 1; }
  log "built in $((SECONDS - start)) s"
}

install_prefix() {
  local b=$dir/build
  rm -rf "$prefix"
  mkdir -p "$prefix/include" "$prefix/lib" "$prefix/bin"
  cp "$src"/include/llama*.h "$src"/ggml/include/*.h "$prefix/include/"
  find "$b" -name 'libllama.a' -o -name 'libggml*.a' | xargs -I{} cp {} "$prefix/lib/"
  cp "$b/bin/llama-server" "$prefix/bin/"
  cp "$src/models/ggml-vocab-llama-spm.gguf" "$prefix/"  # the tests' vocabulary
  echo "$LLAMA_COMMIT" >"$prefix/.complete"
}

mkdir -p "$dir"
fetch_source
build
install_prefix
echo "$prefix"

#!/usr/bin/env bash
# Installs plume's build and test dependencies from Debian 12 packages (idempotent).
set -euo pipefail
packages=(
  build-essential make cmake pkg-config
  libicu-dev libstemmer-dev libhyphen-dev hyphen-fr libmd4c-dev libmd4c-html0-dev libgumbo-dev
  nlohmann-json3-dev libcli11-dev libfmt-dev libgtest-dev libgmock-dev libbenchmark-dev
  libcurl4-openssl-dev libcpp-httplib-dev  # the LLM backend, and the server its tests run
  libsqlite3-dev  # plume serve's history
  libmimalloc-dev  # the allocator of plume's programs
  libhunspell-dev hunspell-fr-classical  # the French lexicon (parts of speech) of plume write
  python3-readability  # readability-lxml, a peer of plume extract in tests/extract
)
# The peer test runs yoastseo from npm; the editor's browser test (tests/web) drives Debian's
# chromium with playwright-core from npm, and measures text in Arial's metrics (Liberation).
if [[ " $* " == *" --with-peer "* ]]; then packages+=(nodejs npm chromium fonts-liberation); fi
# The embedded llama.cpp backend: its source comes from npm as a git bundle (scripts/llama.sh).
with_llama=false
if [[ " $* " == *" --with-llama "* ]]; then with_llama=true; packages+=(git nodejs npm); fi
# `make fuzz` builds with clang and its libFuzzer runtime; the default build stays on g++.
if [[ " $* " == *" --with-fuzz "* ]]; then packages+=(clang libclang-rt-14-dev); fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# A machine that already has node and npm from elsewhere needs no Debian copy.
if command -v node >/dev/null && command -v npm >/dev/null; then
  missing=("${missing[@]/#nodejs}"); missing=("${missing[@]/#npm}")
fi
read -r -a missing <<<"${missing[*]}"

if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO=sudo
  echo "install-deps: installing ${missing[*]}" >&2
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends "${missing[@]}"
fi
# Built once per machine, then found in its cache at once.
if $with_llama; then bash "$(dirname "$0")/llama.sh" >/dev/null; fi

#!/usr/bin/env bash
# Installs plume's build and test dependencies from Debian 12 packages (idempotent).
set -euo pipefail
packages=(
  build-essential make cmake pkg-config
  libicu-dev libstemmer-dev libhyphen-dev hyphen-fr libmd4c-dev libmd4c-html0-dev libgumbo-dev
  nlohmann-json3-dev libcli11-dev libfmt-dev libgtest-dev libgmock-dev libbenchmark-dev
  libcurl4-openssl-dev libcpp-httplib-dev  # the LLM backend, and the server its tests run
)
# The peer test runs yoastseo from npm.
if [ "${1:-}" = "--with-peer" ]; then packages+=(nodejs npm); fi
# `make fuzz` builds with clang and its libFuzzer runtime; the default build stays on g++.
if [ "${1:-}" = "--with-fuzz" ]; then packages+=(clang libclang-rt-14-dev); fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# A machine that already has node and npm from elsewhere needs no Debian copy.
if command -v node >/dev/null && command -v npm >/dev/null; then
  missing=("${missing[@]/#nodejs}"); missing=("${missing[@]/#npm}")
fi
read -r -a missing <<<"${missing[*]}"
[ ${#missing[@]} -eq 0 ] && exit 0

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO=sudo
echo "install-deps: installing ${missing[*]}" >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends "${missing[@]}"

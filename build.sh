#!/usr/bin/env bash
# The README's quick start: `./build.sh demo` and `./build.sh test` on a fresh Debian 12.
# Installs what is missing (Debian packages; yoastseo from npm for the peer test), builds,
# then runs the demo or every test. Any other argument is passed to make.
set -euo pipefail
cd "$(dirname "$0")"
bash scripts/install-deps.sh --with-peer
exec make "${@:-demo}"

#!/usr/bin/env bash
# Builds pii-flow with its tests and runs them all, installing what is
# missing first (Debian packages, and the SARIF multitool from npm).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh" --tests
"$root/scripts/build.sh" >/dev/null  # its output is the binary path
"$root/scripts/install-sarif-multitool.sh" >/dev/null
cd "$root/build"
ctest --output-on-failure -j "$(nproc)"

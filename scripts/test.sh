#!/usr/bin/env bash
# Builds pii-flow with its tests and runs them all, installing what is
# missing first.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/build.sh" >/dev/null  # its output is the binary path
cd "$root/build"
ctest --output-on-failure -j "$(nproc)"

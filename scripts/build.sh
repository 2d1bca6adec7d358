#!/usr/bin/env bash
# Configures and builds pii-flow (Release) into build/, installing what is
# missing first. Prints the path of the pii-flow binary as its last line.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
cmake -S "$root" -B "$root/build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$root/build" >&2
echo "$root/build/bin/pii-flow"

#!/usr/bin/env bash
# Builds pii-flow and runs it on examples/, the 2FA-phone-to-ad-audience case:
# the example's own CMake build writes compile_commands.json, and pii-flow
# reads it with -p, as a CI step would.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
pii_flow=$("$root/scripts/build.sh" | tail -n 1)
cmake -S "$root/examples" -B "$root/build/example" -G Ninja >/dev/null
cmake --build "$root/build/example" >/dev/null

echo
echo "\$ pii-flow -p build/example --policy examples/pii-flow-policy.json"
status=0
"$pii_flow" -p "$root/build/example" --policy "$root/examples/pii-flow-policy.json" || status=$?
echo
case $status in
  1) echo "pii-flow found the violation above and exited with status 1, as a CI step would fail." ;;
  0) echo "pii-flow found nothing: the example's violation was missed." >&2; exit 1 ;;
  *) echo "pii-flow could not complete the analysis (status $status)." >&2; exit "$status" ;;
esac

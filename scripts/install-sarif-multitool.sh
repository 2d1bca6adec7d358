#!/usr/bin/env bash
# Installs the Microsoft SARIF multitool, which the test suite uses to
# validate pii-flow's SARIF logs, into build/tools (npm, a pinned version).
# Prints the path of the tool as its last line.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
version=5.7.0
prefix="$root/build/tools"
tool="$prefix/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
if [ ! -x "$tool" ]; then
  if ! command -v npm >/dev/null; then
    echo "the SARIF multitool needs npm; run as root: apt-get install -y npm" >&2
    exit 1
  fi
  mkdir -p "$prefix"
  npm install --no-audit --no-fund --prefix "$prefix" \
    "@microsoft/sarif-multitool@$version" >&2
  # npm may skip the package's install script, which only does this.
  chmod u+x "$tool"
fi
echo "$tool"

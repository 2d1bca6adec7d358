#!/usr/bin/env bash
# Installs what pii-flow needs on Debian 12 that the machine lacks. As root it
# runs apt-get; otherwise it prints the exact command and fails.
#   install-deps.sh           to build pii-flow
#   install-deps.sh --tests   to build and test it (adds Neovim, a real LSP
#                             client for pii-clangd, and npm, for the SARIF
#                             multitool)
#   install-deps.sh --fuzz    to fuzz its input readers (adds the sanitizer
#                             and libFuzzer runtimes)
set -euo pipefail

packages=(
  cmake ninja-build g++ python3
  clang-19 libclang-19-dev libclang-cpp19-dev llvm-19-dev clangd-19 clang-tools-19
  nlohmann-json3-dev catch2
)
if [ "${1:-}" = --tests ]; then
  packages+=(neovim)
fi
if [ "${1:-}" = --fuzz ]; then
  packages+=(libclang-rt-19-dev)
fi
# Any npm will do (one from nodejs.org's packages must not be replaced).
if [ "${1:-}" = --tests ] && ! command -v npm >/dev/null; then
  packages+=(npm)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
    missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

command=(apt-get install -y --no-install-recommends "${missing[@]}")
if [ "$(id -u)" -ne 0 ]; then
  echo "pii-flow needs these Debian packages; run as root:" >&2
  echo "  apt-get update && ${command[*]}" >&2
  exit 1
fi
echo "Installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
"${command[@]}"

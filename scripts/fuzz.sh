#!/usr/bin/env bash
# Fuzzes the policy-file and baseline readers with libFuzzer and
# AddressSanitizer for a bounded time (default 60 s):
#   scripts/fuzz.sh [SECONDS]
# Crashes and leaks stop it with the input saved as build/fuzz/crash-*.
# Not part of CI: a benchmark of robustness, run by hand.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-60}
out="$root/build/fuzz"
mkdir -p "$out/corpus"
"$root/scripts/install-deps.sh" --fuzz
clang++-19 -std=c++17 -g -O1 -fno-rtti -fsanitize=fuzzer,address,undefined \
  -I "$root/tool" -isystem /usr/lib/llvm-19/include \
  "$root/tests/fuzz/input_fuzzer.cpp" \
  "$root"/tool/core/{JsonDocument,Policy,PolicyFile,Spelling}.cpp \
  "$root/tool/report/SarifBaseline.cpp" \
  -L /usr/lib/llvm-19/lib -lLLVM -Wl,-rpath,/usr/lib/llvm-19/lib \
  -o "$out/input_fuzzer"
cd "$out"
# The seeds are the repository's own policies and a baseline; what the
# fuzzer finds on the way is kept in build/fuzz/corpus for the next run.
exec ./input_fuzzer -max_total_time="$seconds" -max_len=65536 -timeout=5 \
  -rss_limit_mb=2048 corpus "$root/tests/fuzz/corpus"

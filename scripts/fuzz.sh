#!/usr/bin/env bash
# Fuzzes pii-flow's readers of outside input with libFuzzer, AddressSanitizer
# and UndefinedBehaviorSanitizer, each target for a bounded time (default
# 60 s), one after the other on one core:
#   scripts/fuzz.sh [SECONDS] [TARGET...]
# The targets (all by default), each tests/fuzz/TARGET_fuzzer.cpp seeded from
# tests/fuzz/corpus/TARGET:
#   input     policy files and SARIF baselines
#   commands  compile_commands.json and compile_flags.txt
#   summary   summary files, as `pii-flow link` reads them
#   cache     the summary cache's and the preamble store's entries
#   lsp       pii-clangd's messages from the editor and from clangd
# A target stops at its first crash, hang (5 s) or leak, saved as
# build/fuzz/TARGET/crash-* (timeout-*, leak-*); what it found on the way is
# kept in build/fuzz/TARGET/corpus for the next run, its output in
# build/fuzz/TARGET/fuzz.log. The last lines sum up every target.
# Not part of CI: a benchmark of robustness, run by hand.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(input commands summary cache lsp)
out="$root/build/fuzz"
"$root/scripts/install-deps.sh" --fuzz

version=$(sed -n 's/^project(pii_flow VERSION \([0-9.]*\).*/\1/p' "$root/CMakeLists.txt")
# As the CMake build compiles tool/, plus the sanitizers.
flags=(-std=c++17 -g -O1 -fsanitize=address,undefined
  -Wno-deprecated-declarations -I "$root/tool" -isystem /usr/lib/llvm-19/include
  -DPII_CLANG_RESOURCE_DIR="\"$(clang-19 -print-resource-dir)\""
  -DPII_FLOW_VERSION="\"$version\"" -DPII_FLOW_HOMEPAGE="\"fuzz\"")

# Undefined behavior stops a run as a crash does; a UBSAN_OPTIONS of the
# caller's comes after (e.g. suppressions=FILE, to look past a known bug).
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"

# Whether $1 is missing or older than a file it was compiled from.
stale() {
  [ -f "$1" ] || return 0
  local dep
  for dep in $(sed -e 's/^[^:]*://' -e 's/\\$//' "${1%.o}.d"); do
    [ "$dep" -nt "$1" ] && return 0
  done
  return 1
}

# The libraries of tool/ (all but the two mains), instrumented for coverage,
# as one archive each target takes what it needs from; only what changed
# is compiled again.
build_library() {
  local objects=() src obj
  # Objects compiled with other flags are no use.
  if [ "$(cat "$out/obj/flags" 2>/dev/null)" != "${flags[*]}" ]; then
    rm -rf "$out/obj"
    mkdir -p "$out/obj"
    echo "${flags[*]}" >"$out/obj/flags"
  fi
  local rel
  for src in $(cd "$root" && find tool -name '*.cpp' | sort); do
    case $src in tool/cli/Main.cpp | tool/clangd/PiiClangdMain.cpp) continue ;; esac
    rel=${src#tool/}
    obj="$out/obj/${rel//\//-}"
    obj=${obj%.cpp}.o
    src="$root/$src"
    if stale "$obj"; then
      echo "fuzz.sh: compiling ${src#"$root/"}"
      clang++-19 "${flags[@]}" -fsanitize=fuzzer-no-link -MMD -c "$src" -o "$obj"
    fi
    objects+=("$obj")
  done
  rm -f "$out/libpii.a"
  ar qc "$out/libpii.a" "${objects[@]}"
}

build_target() {
  local target=$1
  echo "fuzz.sh: building ${target}_fuzzer"
  clang++-19 "${flags[@]}" -fsanitize=fuzzer \
    "$root/tests/fuzz/${target}_fuzzer.cpp" "$out/libpii.a" \
    -L /usr/lib/llvm-19/lib -lclang-cpp -lLLVM \
    -Wl,-rpath,/usr/lib/llvm-19/lib -o "$out/$target/${target}_fuzzer"
}

# Runs $1 for $seconds; true unless it found something. Its temporary files
# go to its own directory, emptied first.
run_target() {
  local target=$1 dir="$out/$1"
  rm -rf "$dir/tmp"
  mkdir -p "$dir/corpus" "$dir/tmp"
  cd "$dir"
  TMPDIR="$dir/tmp" "./${target}_fuzzer" -max_total_time="$seconds" \
    -max_len=65536 -timeout=5 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$dir/" corpus "$root/tests/fuzz/corpus/$target" \
    2>&1 | tee "$dir/fuzz.log"
}

# One line about $1's run, from its log.
summarize() {
  local log="$out/$1/fuzz.log"
  local runs found
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  found=$(sed -n 's/.*Test unit written to //p' "$log" | tail -1)
  printf '%-8s %12s executions, %s\n' "$1" "${runs:-?}" \
    "$([ -n "$found" ] && echo "1 crash: $found" || echo "0 crashes")"
}

for target in "${targets[@]}"; do
  [ -f "$root/tests/fuzz/${target}_fuzzer.cpp" ] ||
    { echo "fuzz.sh: no target '$target'" >&2; exit 1; }
done
build_library
for target in "${targets[@]}"; do
  mkdir -p "$out/$target"
  build_target "$target"
done
status=0
for target in "${targets[@]}"; do
  run_target "$target" || status=1
done
echo
for target in "${targets[@]}"; do
  summarize "$target"
done
exit $status

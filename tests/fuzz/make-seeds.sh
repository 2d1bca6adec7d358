#!/usr/bin/env bash
# Writes the seeds of the summary and cache fuzz targets again, with the
# pii-flow in build/bin, after a change of the summary or cache format:
#   tests/fuzz/make-seeds.sh
# summary: `pii-flow extract` on every e2e case and the example's files.
# cache:   the cache of a `pii-flow -p` run on the example, its main.cpp
#          parsed again so that it gets a preamble, whose PCH (megabytes) is
#          replaced by four bytes; the entry's checksum is then wrong, which
#          the cache target does not mind (it seals what follows the line).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
pii="$root/build/bin/pii-flow"
seeds="$root/tests/fuzz/corpus"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

rm -f "$seeds"/summary/*.summary
cd "$root"
for src in $(find tests/e2e/cases examples/src -name '*.cpp' | sort); do
  name=$(echo "$src" | sed -e 's#^tests/e2e/cases/##' -e 's#^examples/src/#example-#' \
    -e 's#\.cpp$##' -e 's#/#-#g')
  std=c++17
  case $src in *cxx20*) std=c++20 ;; esac
  # Cases that must not compile give no summary.
  "$pii" extract -o "$seeds/summary/$name.summary" "$src" -- -std=$std \
    -Iannotations/include -Iexamples/include >/dev/null 2>&1 || true
done

mkdir -p "$work/build"
python3 - "$root/examples" "$work/build/compile_commands.json" <<'EOF'
import glob, json, os, sys
example, out = sys.argv[1:]
annotations = os.path.normpath(example + '/../annotations/include')
files = sorted(glob.glob(example + '/src/**/*.cpp', recursive=True))
json.dump([{'directory': example, 'file': f,
            'arguments': ['c++', '-std=c++17', '-I' + annotations,
                          '-I' + example + '/include', '-c', f]} for f in files],
          open(out, 'w'))
EOF
run() { "$pii" -p "$work/build" --cache-dir="$work/cache" >/dev/null 2>&1 || true; }
run
rm "$(grep -l 'src/main.cpp' "$work"/cache/*.summary | head -1)"
run
rm -f "$seeds"/cache/*
python3 - "$work/cache" "$seeds/cache" <<'EOF'
import glob, os, shutil, sys
cache, out = sys.argv[1:]
def uleb(b, i):
    value = shift = 0
    while True:
        byte = b[i]; i += 1
        value |= (byte & 0x7f) << shift; shift += 7
        if byte < 0x80:
            return value, i
def leb(value):
    out = bytearray()
    while True:
        byte, value = value & 0x7f, value >> 7
        out.append(byte | (0x80 if value else 0))
        if not value:
            return bytes(out)
summaries = sorted(glob.glob(cache + '/*.summary'), key=os.path.getsize)
shutil.copy(summaries[0], out + '/example-small.cache-entry')
shutil.copy(summaries[-1], out + '/example-large.cache-entry')
for link in glob.glob(cache + '/*.link'):
    shutil.copy(link, out + '/example.link-entry')
for memo in glob.glob(cache + '/*.memo'):
    shutil.copy(memo, out + '/example.memo-entry')
for preamble in glob.glob(cache + '/*.preamble'):
    line, body = open(preamble, 'rb').read().split(b'\n', 1)
    count, i = uleb(body, 0)
    strings = []
    for _ in range(count):
        size, i = uleb(body, i)
        strings.append(body[i:i + size]); i += size
    pch = max(range(count), key=lambda k: len(strings[k]))
    strings[pch] = b'CPCH'
    table = leb(count) + b''.join(leb(len(s)) + s for s in strings)
    kind = line.split(b' ')[:3]
    open(out + '/example-main.preamble-entry', 'wb').write(
        b' '.join(kind) + b' 0\n' + table + body[i:])
EOF
ls "$seeds/summary" | wc -l | sed 's/$/ summary seeds/'
ls "$seeds/cache"

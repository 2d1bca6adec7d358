#!/usr/bin/env python3
"""The summary cache, as a user meets it: cold and warm runs, a corrupt
entry reported once and rebuilt, --no-cache.

  cache_test.py PII_FLOW SOURCE -- COMPILER_ARGS...
"""
import os
import subprocess
import sys
import tempfile


def main():
    pii, source, rest = sys.argv[1], sys.argv[2], sys.argv[3:]
    failures = []

    def run(cache, *extra):
        cmd = [pii, '--stats'] + list(extra) + (['--cache-dir', cache] if cache else []) + [source] + rest
        return subprocess.run(cmd, capture_output=True, text=True, timeout=120)

    def expect(what, ok):
        if not ok:
            failures.append(what)

    with tempfile.TemporaryDirectory() as cache:
        cold = run(cache)
        expect('cold run reports the finding (exit 1)', cold.returncode == 1 and 'error:' in cold.stdout)
        expect('cold run reuses nothing', 'from the cache:    0 of 1' in cold.stderr)
        entries = os.listdir(cache)
        expect('one cache entry written, no temporaries left', len(entries) == 1 and entries[0].endswith('.summary'))

        warm = run(cache)
        expect('warm run reuses the summary', 'from the cache:    1 of 1' in warm.stderr)
        expect('warm run prints the same findings', warm.stdout == cold.stdout and warm.returncode == 1)

        entry = os.path.join(cache, entries[0])
        with open(entry, 'r+') as f:  # a run killed while writing, by hand
            f.truncate(os.path.getsize(entry) // 2)
        broken = run(cache)
        expect('a truncated entry is reported', broken.stderr.count('is unusable') == 1)
        expect('...and the file analyzed again', broken.stdout == cold.stdout and broken.returncode == 1)
        again = run(cache)
        expect('...and the entry rebuilt', 'is unusable' not in again.stderr and 'from the cache:    1 of 1' in again.stderr)

    with tempfile.TemporaryDirectory() as cache:
        bypass = run(cache, '--no-cache')
        expect('--no-cache writes nothing', os.listdir(cache) == [] and bypass.returncode == 1)

    for f in failures:
        print('FAILED: ' + f)
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())

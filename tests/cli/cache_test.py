#!/usr/bin/env python3
"""The summary cache, as a user meets it: cold and warm runs, edits that
change the findings and edits that do not, a corrupt entry reported once and
rebuilt, --no-cache.

  cache_test.py PII_FLOW SOURCE -- COMPILER_ARGS...
"""
import os
import shutil
import subprocess
import sys
import tempfile


def main():
    pii, original, rest = sys.argv[1], sys.argv[2], sys.argv[3:]
    failures = []
    work = tempfile.mkdtemp(prefix='pii-cache-test-')
    source = os.path.join(work, os.path.basename(original))
    shutil.copy(original, source)
    with open(source) as f:
        text = f.read()

    def run(cache, *extra):
        cmd = [pii, '--stats'] + list(extra) + (['--cache-dir', cache] if cache else []) + [source] + rest
        return subprocess.run(cmd, capture_output=True, text=True, timeout=120)

    def expect(what, ok):
        if not ok:
            failures.append(what)

    def write(new_text):
        with open(source, 'w') as f:
            f.write(new_text)

    def truncate(path):  # a run killed while writing, by hand
        with open(path, 'r+') as f:
            f.truncate(os.path.getsize(path) // 2)

    with tempfile.TemporaryDirectory() as cache:
        cold = run(cache)
        expect('cold run reports the finding (exit 1)', cold.returncode == 1 and 'error:' in cold.stdout)
        expect('cold run reuses nothing', 'from the cache:    0 of 1 files\n' in cold.stderr)
        entries = sorted(os.listdir(cache), key=lambda e: os.path.splitext(e)[1])
        expect('a file entry and a link entry written, no temporaries left',
               [os.path.splitext(e)[1] for e in entries] == ['.link', '.summary'])
        link_entry, file_entry = (os.path.join(cache, e) for e in entries)

        warm = run(cache)
        expect('warm run reuses the summary and the link',
               'from the cache:    1 of 1 files, and the link' in warm.stderr)
        expect('warm run prints the same findings', warm.stdout == cold.stdout and warm.returncode == 1)

        write(text + '// a comment changes no summary\n')
        comment = run(cache)
        expect('an added comment: the file is parsed, the link reused',
               'from the cache:    0 of 1 files, and the link' in comment.stderr)
        expect('...with the same findings', comment.stdout == cold.stdout and comment.returncode == 1)

        write(text.replace('showAd(u.phone)', 'showAd("shoes")'))
        fixed = run(cache)
        expect('an edit that removes the flow: linked again, no finding (exit 0)',
               'and the link' not in fixed.stderr and fixed.returncode == 0 and 'error:' not in fixed.stdout)
        write(text)
        back = run(cache)
        expect('the flow put back is reported again', back.stdout == cold.stdout and back.returncode == 1)

        truncate(file_entry)
        broken = run(cache)
        expect('a truncated file entry is reported', broken.stderr.count('is unusable') == 1)
        expect('...and the file analyzed again', broken.stdout == cold.stdout and broken.returncode == 1)
        again = run(cache)
        expect('...and the entry rebuilt', 'is unusable' not in again.stderr and 'from the cache:    1 of 1' in again.stderr)

        truncate(link_entry)
        broken = run(cache)
        expect('a truncated link entry is reported', broken.stderr.count('is unusable') == 1)
        expect('...and the program linked again',
               'and the link' not in broken.stderr and broken.stdout == cold.stdout and broken.returncode == 1)
        again = run(cache)
        expect('...and the link entry rebuilt', 'is unusable' not in again.stderr and 'and the link' in again.stderr)

    with tempfile.TemporaryDirectory() as cache:
        bypass = run(cache, '--no-cache')
        expect('--no-cache writes nothing', os.listdir(cache) == [] and bypass.returncode == 1)

    shutil.rmtree(work)
    for f in failures:
        print('FAILED: ' + f)
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())

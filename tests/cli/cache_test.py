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
        expect('a file entry, a link entry and what the link kept written, no temporaries left',
               [os.path.splitext(e)[1] for e in entries] == ['.link', '.memo', '.summary'])
        link_entry, memo_entry, file_entry = (os.path.join(cache, e) for e in entries)

        def dump(*paths):
            return subprocess.run([pii, 'dump'] + list(paths), capture_output=True, text=True,
                                  timeout=60)

        shown = dump(file_entry, link_entry)
        expect('pii-flow dump prints the file entry: its inputs and its function summaries',
               shown.returncode == 0 and ': cache-entry\ninput ' in shown.stdout
               and '\ninput %s size ' % source in shown.stdout
               and '  function sync at ' in shown.stdout
               and "source #0 security from User::phone" in shown.stdout
               and 'sink advertising' in shown.stdout)
        expect('...and the link entry: its finding, as the run printed it',
               ': link-entry\nsummary digest ' in shown.stdout and cold.stdout.splitlines()[0] in shown.stdout)


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
        refused = dump(file_entry)
        expect('pii-flow dump refuses a truncated entry, naming it (exit 2)',
               refused.returncode == 2 and refused.stdout == ''
               and "error: '%s': a truncated or corrupt" % file_entry in refused.stderr)
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

    def summaries(stderr):  # (summaries, of them kept from the last link)
        line = next(l for l in stderr.splitlines() if l.startswith('  summaries:'))
        words = line.replace('(', ' ').split()
        return int(words[1]), int(words[2])

    def flows(stderr):  # (flows of sources, of them kept from the last link)
        line = next(l for l in stderr.splitlines() if l.startswith('  flows of sources:'))
        words = line.replace('(', ' ').split()
        return int(words[3]), int(words[4])

    # What a link kept for the next run: the summaries of two callees, one
    # with a step at its call of the other.
    relayed = text + ('\nstd::string relay(const std::string &s) { return s; }\n'
                      'std::string forward(const std::string &s) { return relay(s); }\n'
                      'void viaRelay(const User &u) { showAd(forward(u.phone)); }\n')
    with tempfile.TemporaryDirectory() as cache:
        write(relayed)
        first = run(cache)
        memo_entry = next(os.path.join(cache, e) for e in os.listdir(cache) if e.endswith('.memo'))
        shown = dump(memo_entry)
        expect("pii-flow dump prints what the link kept: relay's and forward's summaries",
               shown.returncode == 0 and ': memo-entry\nfunction c:@F@' in shown.stdout
               and 'function c:@F@relay#' in shown.stdout and '\nsummaries 2\n' in shown.stdout)

        def memo_bytes():
            with open(memo_entry, 'rb') as f:
                return f.read()
        first_memo = memo_bytes()
        write('// every function one line down\n' + relayed)
        moved = run(cache)
        total, kept = flows(moved.stderr)
        expect('a line added on top: linked again, every flow kept from the last link',
               'and the link' not in moved.stderr and total > 0 and kept == total)
        expect('...and what the link kept left as it was: it computed nothing new',
               memo_bytes() == first_memo)
        expect('...with the findings moved',
               moved.stdout == run(None, '--no-cache').stdout and moved.stdout != first.stdout)
        write('// every function one line down\n' + relayed.replace('return s;', 'return "x";'))
        changed = run(cache)
        expect('a callee changed: its summary linked again, and the flow through it gone',
               'and the link' not in changed.stderr and summaries(changed.stderr)[1] == 0
               and flows(changed.stderr)[1] == 0
               and changed.stdout == run(None, '--no-cache').stdout
               and changed.stdout.count('error:') == first.stdout.count('error:') - 1)
        expect('...and what it kept written again', memo_bytes() != first_memo)

        write(relayed)
        truncate(memo_entry)
        broken = run(cache)
        expect('a truncated entry of what the link kept is reported',
               broken.stderr.count('is unusable') == 1 and 'linking afresh' in broken.stderr)
        expect('...and the program linked afresh',
               summaries(broken.stderr)[1] == 0 and broken.stdout == first.stdout)
        write(text)

    with tempfile.TemporaryDirectory() as cache:
        stopped = run(cache, '--link-budget=1')
        expect('a link stopped at its budget: the run is incomplete (exit 2)',
               stopped.returncode == 2 and 'stopped at its budget' in stopped.stderr)
        full = run(cache)
        expect('...and is not kept: the next run links again, and finds the flow',
               'from the cache:    1 of 1 files\n' in full.stderr
               and full.stdout == cold.stdout and full.returncode == 1)

    summary = os.path.join(work, 'leak.summary')
    extracted = subprocess.run([pii, 'extract', '-o', summary, source] + rest, capture_output=True,
                               text=True, timeout=120)
    shown = subprocess.run([pii, 'dump', summary], capture_output=True, text=True, timeout=60)
    expect('pii-flow dump prints a summary file from extract',
           extracted.returncode == 0 and shown.returncode == 0
           and shown.stdout.startswith('== %s: summary file\ntranslation unit ' % summary)
           and "edge source #0 -> call #0 arg 0" in shown.stdout)
    not_summary = subprocess.run([pii, 'dump', source], capture_output=True, text=True, timeout=60)
    expect('pii-flow dump of a source file is an error (exit 2)',
           not_summary.returncode == 2 and 'not a pii-flow summary or cache entry' in not_summary.stderr)

    with tempfile.TemporaryDirectory() as cache:
        bypass = run(cache, '--no-cache')
        expect('--no-cache writes nothing', os.listdir(cache) == [] and bypass.returncode == 1)

    # A file that fails to compile is kept when a parse again would fail
    # alike (an error in its own text), and not when what it lacks may
    # appear (a header not generated yet).
    def run_file(cache, path):
        cmd = [pii, '--stats', '--cache-dir', cache, path] + rest
        return subprocess.run(cmd, capture_output=True, text=True, timeout=120)

    broken = os.path.join(work, 'broken.cpp')
    with open(broken, 'w') as f:
        f.write(text + '\nint broken() { return undeclared_name; }\n')
    missing = os.path.join(work, 'missing.cpp')
    with open(missing, 'w') as f:
        f.write('#include "generated.h"\n' + text)
    with tempfile.TemporaryDirectory() as cache:
        first, again = run_file(cache, broken), run_file(cache, broken)
        expect('a file with an error of its own fails from the cache as it did parsed',
               first.returncode == 2 and "'%s' could not be compiled" % broken in first.stderr
               and 'from the cache:    0 of 1 files\n' in first.stderr
               and 'from the cache:    1 of 1 files' in again.stderr
               and again.returncode == first.returncode and again.stdout == first.stdout
               and "use of undeclared identifier 'undeclared_name'" in again.stderr
               and "'%s' could not be compiled" % broken in again.stderr)
        cascade = os.path.join(work, 'cascade.cpp')
        with open(cascade, 'w') as f:
            f.write(text + ''.join('int e%d = undeclared_%d;\n' % (i, i) for i in range(30)))
        first, again = run_file(cache, cascade), run_file(cache, cascade)
        expect("a file that stops at Clang's limit of errors fails from the cache as it did parsed",
               first.returncode == 2 and 'too many errors emitted' in first.stderr
               and 'from the cache:    1 of 1 files' in again.stderr
               and again.returncode == 2 and again.stdout == first.stdout
               and 'too many errors emitted' in again.stderr)
        lacking = run_file(cache, missing)
        with open(os.path.join(work, 'generated.h'), 'w') as f:
            f.write('\n')
        generated = run_file(cache, missing)
        expect('a file whose header is missing is parsed again, and compiles once it is there',
               lacking.returncode == 2 and "'generated.h' file not found" in lacking.stderr
               and 'from the cache:    0 of 1 files\n' in generated.stderr
               and generated.returncode == 1 and 'error:' in generated.stdout
               and 'could not be compiled' not in generated.stderr)

    shutil.rmtree(work)
    for f in failures:
        print('FAILED: ' + f)
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())

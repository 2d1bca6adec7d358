#!/usr/bin/env python3
"""Bad input as a new user produces it: every case is a clear error naming
the file (and line and column when the problem is inside it), exit status 2,
nothing analyzed, no crash, no hang, and no output file left behind.

  bad_input_test.py PII_FLOW SOURCE -- COMPILER_ARGS...
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

VALID_SARIF = '{"version": "2.1.0", "runs": [{"results": []}]}'

POLICIES = [
    # (name, content, expected stderr regex)
    ('truncated', '{"rules": [{"id": "r", "from": ["security"]',
     r'policy\.json:1:44: error: unexpected end of the file in an object'),
    ('empty', '', r'policy\.json:1:1: error: unexpected end of the file; a value was expected'),
    ('wrong-type', '{"rules": {"id": "r"}}', r'policy\.json:1:11: error: "rules" must be an array, not an object'),
    ('wrong-element-type', '{"sinks": [{"function": 42, "kind": "advertising"}]}',
     r'policy\.json:1:25: error: "function" must be a string, not a number'),
    ('duplicate-key', '{"rules": [],\n "rules": []}', r'policy\.json:2:2: error: duplicate key "rules"'),
    ('unknown-key', '{"sinks": [{"function": "f", "knid": "advertising"}]}',
     r'policy\.json:1:30: error: unknown key "knid" in a sink \(did you mean "kind"\?\)'),
    ('unknown-level', '{"rules": [{"id": "r", "from": ["a"], "to": ["b"], "level": "critical"}]}',
     r'policy\.json:1:61: error: unknown "level" "critical"'),
    ('deep-nesting', '[' * 200000, r'policy\.json:1:65: error: nested deeper than 64 levels'),
    ('invalid-utf8', b'{"rules": [{"id": "\xc3\x28"}]}', r'policy\.json:1:20: error: invalid UTF-8'),
    ('line-break-in-id', '{"rules": [{"id": "r\\n/x.cpp:1:1: error: forged", "from": ["a"], "to": ["b"]}]}',
     r'policy\.json:1:19: error: "id" must not hold a control character'),
    ('line-break-in-purpose', '{"sources": [{"field": "U::p", "purposes": ["a\\tb"]}]}',
     r'policy\.json:1:45: error: "purposes" must not hold a name with a control character'),
    ('huge', '[' + '0,' * (9 << 20) + '0]', r"error: the policy file '.*policy\.json' is 18 MiB; at most 16 MiB is read"),
    ('binary', bytes(range(256)) * 4, r'policy\.json:2:118: error: invalid UTF-8'),
]


def main():
    pii, source, rest = sys.argv[1], sys.argv[2], sys.argv[3:]
    failures = []
    work = tempfile.mkdtemp(prefix='pii-bad-input-')

    def check(name, options, pattern):
        out = os.path.join(work, 'out-' + name + '.sarif')
        cmd = [pii, '--sarif', out] + options + [source] + rest
        try:
            run = subprocess.run(cmd, capture_output=True, text=True, timeout=60, cwd=work)
        except subprocess.TimeoutExpired:
            failures.append('%s: hangs' % name)
            return
        problems = []
        if run.returncode != 2:
            problems.append('exit status %d, expected 2' % run.returncode)
        if not re.search(pattern, run.stderr, re.MULTILINE):
            problems.append('stderr does not match /%s/' % pattern)
        if run.stdout:
            problems.append('something was analyzed: ' + run.stdout[:200])
        if os.path.exists(out):
            problems.append('an output file was written')
        if problems:
            failures.append('%s: %s\n  stderr: %s' % (name, '; '.join(problems), run.stderr[-500:]))

    for name, content, pattern in POLICIES:
        path = os.path.join(work, 'policy.json')
        with open(path, 'wb') as f:
            f.write(content if isinstance(content, bytes) else content.encode())
        check('policy-' + name, ['--policy', path], pattern)
        os.remove(path)
    check('policy-missing', ['--policy', os.path.join(work, 'nope.json')],
          r"^pii-flow: error: cannot read the policy file '.*nope\.json': No such file")
    check('policy-directory', ['--policy', work],
          r"^pii-flow: error: cannot read the policy file '.*': Is a directory")

    baselines = [
        ('not-sarif', '{"a": 1}', r'base\.sarif:1:1: error: not a SARIF 2\.1\.0 log from pii-flow: no "version"'),
        ('truncated', VALID_SARIF[:30], r'base\.sarif:1:31: error: unexpected end of the file'),
        ('foreign-result', '{"version": "2.1.0", "runs": [{"results": [{"ruleId": "x"}]}]}',
         r"base\.sarif:1:44: error: not a SARIF 2\.1\.0 log from pii-flow: a result without pii-flow's fingerprint"),
    ]
    for name, content, pattern in baselines:
        path = os.path.join(work, 'base.sarif')
        with open(path, 'w') as f:
            f.write(content)
        check('baseline-' + name, ['--baseline', path], pattern)
        os.remove(path)
    check('baseline-missing', ['--baseline', os.path.join(work, 'nope.sarif')],
          r"^pii-flow: error: cannot read the baseline '.*nope\.sarif': No such file")

    # Output that cannot be written: refused before any analysis.
    run = subprocess.run([pii, '--sarif', os.path.join(work, 'no-dir', 'out.sarif'), source] + rest,
                         capture_output=True, text=True, timeout=60)
    if run.returncode != 2 or run.stdout or 'is not a writable directory' not in run.stderr:
        failures.append('unwritable --sarif: exit %d, stderr %s' % (run.returncode, run.stderr))
    # A directory where the log should go: the analysis runs, the write fails
    # whole, and no temporary file is left next to it.
    target = os.path.join(work, 'taken')
    os.mkdir(target)
    run = subprocess.run([pii, '--sarif', target, source] + rest,
                         capture_output=True, text=True, timeout=60)
    if run.returncode != 2 or 'pii-flow: error: ' not in run.stderr:
        failures.append('--sarif naming a directory: exit %d, stderr %s' % (run.returncode, run.stderr))
    leftovers = [n for n in os.listdir(work) if n not in ('taken',)]
    if leftovers or os.listdir(target):
        failures.append('files left behind: %s' % (leftovers + os.listdir(target)))

    shutil.rmtree(work)
    for f in failures:
        print('FAILED: ' + f)
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())

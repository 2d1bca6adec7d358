#!/usr/bin/env python3
"""A policy entry whose name the program does not declare applies to
nothing: each is a warning at its place in the policy file, with what it
probably means (an error with --werror-unknown-purpose), on the command
line and in SARIF; the same on a run whose
link comes from the cache, and from `pii-flow link` over summary files.

  policy_names_test.py PII_FLOW SOURCE -- COMPILER_ARGS...
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

POLICY = '''{
  "sources": [
    {"field": "User::phone", "purposes": ["security"]},
    {"field": "User::phon", "purposes": ["security"]},
    {"field": "showAd", "purposes": ["security"]}
  ],
  "sinks": [
    {"function": "showAd", "kind": "advertising"},
    {"function": "ads::upload", "kind": "advertising"}
  ]
}
'''

EXPECTED = [
    ('policy.json:4:15', 'no analyzed file declares the field "User::phon" '
     '(did you mean "User::phone"?); the entry applies to nothing'),
    ('policy.json:5:15', '"showAd" is declared as a function, not a field; '
     'the entry applies to nothing'),
    ('policy.json:9:18', 'no analyzed file declares the function "ads::upload"; '
     'the entry applies to nothing'),
]


def main():
    pii, original, rest = sys.argv[1], sys.argv[2], sys.argv[3:]
    failures = []

    def expect(what, ok):
        if not ok:
            failures.append(what)

    work = tempfile.mkdtemp(prefix='pii-policy-names-test-')
    source = os.path.join(work, os.path.basename(original))
    shutil.copy(original, source)
    policy = os.path.join(work, 'policy.json')
    with open(policy, 'w') as f:
        f.write(POLICY)

    def run(*args):
        return subprocess.run([pii] + list(args), capture_output=True, text=True,
                              cwd=work, timeout=120)

    def warnings(stderr):
        return [line for line in stderr.splitlines() if ': warning: ' in line]

    expected_lines = ['%s: warning: %s' % (where, message) for where, message in EXPECTED]
    cache = os.path.join(work, 'cache')
    sarif = os.path.join(work, 'out.sarif')
    cold = run('--policy', 'policy.json', '--cache-dir', cache, '--sarif', sarif, source, *rest)
    expect('the finding still stands, and the entries are no error (exit 1): %s' % cold.stderr,
           cold.returncode == 1 and 'error:' in cold.stdout)
    expect('each entry that applies to nothing is a warning at its place, in policy order: %s'
           % warnings(cold.stderr), warnings(cold.stderr) == expected_lines)
    with open(sarif) as f:
        notes = json.load(f)['runs'][0]['invocations'][0]['toolExecutionNotifications']
    named = [(n['level'], n['message']['text'],
              n['locations'][0]['physicalLocation']['region']['startLine'])
             for n in notes]
    expect('each is a warning notification in SARIF, at its line: %s' % named,
           named == [('warning', message, int(where.split(':')[1])) for where, message in EXPECTED])

    warm = run('--policy', 'policy.json', '--cache-dir', cache, '--stats', source, *rest)
    expect('a run whose link comes from the cache warns the same',
           'from the cache:    1 of 1 files' in warm.stderr and
           warnings(warm.stderr) == expected_lines)

    strict = run('--policy', 'policy.json', '--werror-unknown-purpose', source, *rest)
    expect('--werror-unknown-purpose makes them errors, and the run incomplete (exit 2)',
           strict.returncode == 2 and
           [l for l in strict.stderr.splitlines() if ': error: ' in l] ==
           [l.replace(': warning: ', ': error: ') for l in expected_lines])

    summary = os.path.join(work, 'leak.summary')
    extracted = run('extract', '--policy', 'policy.json', source, '-o', summary, *rest)
    expect('extract writes the summary: %s' % extracted.stderr, extracted.returncode == 0)
    linked = run('link', '--policy', 'policy.json', summary)
    expect('`pii-flow link` warns the same: %s' % linked.stderr,
           linked.returncode == 1 and warnings(linked.stderr) == expected_lines)

    if failures:
        print('FAILED:\n  ' + '\n  '.join(failures))
        sys.exit(1)
    shutil.rmtree(work)


if __name__ == '__main__':
    main()

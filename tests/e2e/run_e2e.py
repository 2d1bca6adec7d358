#!/usr/bin/env python3
"""End-to-end test driver for pii-flow (inline expectations, as in CodeQL).

Usage: run_e2e.py --pii-flow BIN --include DIR TEST
       run_e2e.py --pii-flow BIN --include DIR --build-dir BUILD TEST

TEST is one .cpp file, or a directory whose *.cpp files (sorted) are analyzed
together as one program; a directory is analyzed a second time with its files
in reverse order, and the test fails unless both runs print the same standard
output (a whole-program result must not depend on file order). With
--build-dir, pii-flow runs as `-p BUILD` (every file of its
compile_commands.json) and TEST is a source tree whose files, at any depth,
carry the markers. Every .cpp/.h file of the test may carry markers:

  // $ finding=RULE          a finding with this rule id is reported on this line
  // $ diag="substring"      an error/warning that is not a finding, on this line
  // $ note="substring"      some note on this line contains the substring
  // $ MISSING: finding=R    known false negative (fails once it is fixed)
  // $ SPURIOUS: finding=R   known false positive (fails once it is fixed)
  // PII_ARGS: -DX=1         extra compiler arguments
  // PII_EXIT: N             expected exit status (default: 2 if a diag is
                             expected, else 1 if a finding is, else 0)
  // PII_POLICY: FILE        run with --policy FILE (relative to this file)

Diagnostics without a location (`pii-flow: error: ...`) are allowed only when
the expected exit status is 2; a diagnostic or note whose location has no file
or line 0 (`:0:0: note: ...`) is always an error. Prints one summary line and
exits 0 on success; lists every mismatch as `file:line: ...` and exits 1
otherwise.
"""

import argparse
import collections
import difflib
import os
import re
import shlex
import subprocess
import sys
import tempfile

DIAG_RE = re.compile(r'^(?P<file>\S.*?):(?P<line>\d+):(?P<col>\d+): '
                     r'(?P<sev>fatal error|error|warning|note): (?P<msg>.*)$')
RULE_RE = re.compile(r' \[(?P<rule>[A-Za-z0-9_.][A-Za-z0-9_.-]*)\]$')  # not [-Wflag]
UNLOCATED_RE = re.compile(r'^(?:[^\s:]+: )?(?:fatal error|error|warning): ')
BAD_LOCATION_RE = re.compile(r'^(?P<file>[^\s:]*):(?P<line>\d+):(?P<col>\d+): '
                             r'(?:fatal error|error|warning|note): ')
INCLUDE_STACK_RE = re.compile(r'^In file included from .*:$')
MARKER_RE = re.compile(r'//\s*\$(?P<body>.*)$')
TOKEN_RE = re.compile(r'\s*(?:(?P<dollar>\$)|(?P<prefix>MISSING|SPURIOUS):|'
                      r'(?P<tag>finding|diag|note)=(?:"(?P<q>(?:[^"\\]|\\.)*)"|(?P<v>[^\s"$]+)))')
ARGS_RE = re.compile(r'//\s*PII_ARGS:(.*)$')
EXIT_RE = re.compile(r'//\s*PII_EXIT:\s*(\d+)\s*$')
POLICY_RE = re.compile(r'//\s*PII_POLICY:\s*(\S+)\s*$')
SOURCE_EXTS = ('.cpp', '.cc', '.h', '.hpp')
SYSTEM_DIRS = ('/usr/include/', '/usr/lib/', '/usr/local/include/')

Expect = collections.namedtuple('Expect', 'tag prefix value')


def parse_markers(line):
    """Returns the expectations of one source line: a list of Expect."""
    m = MARKER_RE.search(line)
    if not m:
        return []
    body, pos, prefix, out = m.group('body'), 0, None, []
    while body[pos:].strip():
        t = TOKEN_RE.match(body, pos)
        if not t:
            raise ValueError('cannot parse expectation at %r' % body[pos:].strip())
        pos = t.end()
        if t.group('dollar'):
            prefix = None
        elif t.group('prefix'):
            prefix = t.group('prefix')
        else:
            value = t.group('v') if t.group('q') is None else re.sub(r'\\(.)', r'\1', t.group('q'))
            if t.group('tag') == 'note' and prefix == 'SPURIOUS':
                raise ValueError('SPURIOUS: note is meaningless (unmarked notes are allowed)')
            out.append(Expect(t.group('tag'), prefix, value))
    if not out:
        raise ValueError('empty expectation comment')
    return out


def read_test(files):
    """Returns ({(realpath, line): [Expect]}, extra compiler args, expected
    exit or None, pii-flow options)."""
    expects, args, exit_code, options = collections.defaultdict(list), [], None, []
    for path in files:
        with open(path, encoding='utf-8') as f:
            for lineno, line in enumerate(f, 1):
                try:
                    expects[(os.path.realpath(path), lineno)] += parse_markers(line)
                except ValueError as e:
                    raise ValueError('%s:%d: %s' % (path, lineno, e))
                if ARGS_RE.search(line):
                    args += shlex.split(ARGS_RE.search(line).group(1))
                if EXIT_RE.search(line):
                    exit_code = int(EXIT_RE.search(line).group(1))
                if POLICY_RE.search(line):
                    options += ['--policy', os.path.join(os.path.dirname(path),
                                                         POLICY_RE.search(line).group(1))]
    return expects, args, exit_code, options


def parse_output(text, cwd):
    """Splits pii-flow output into findings, other diagnostics and notes, keyed by
    (realpath, line); source snippets and caret lines are ignored."""
    findings, diags, notes = (collections.defaultdict(list) for _ in range(3))
    unlocated, malformed = [], []
    lines = text.splitlines()
    for raw, following in zip(lines, lines[1:] + ['']):
        if INCLUDE_STACK_RE.match(raw) and not (INCLUDE_STACK_RE.match(following) or
                                                DIAG_RE.match(following)):
            malformed.append(raw + ' (an include stack with no diagnostic under it)')
        bad = BAD_LOCATION_RE.match(raw)
        if bad and (not bad.group('file') or int(bad.group('line')) == 0):
            malformed.append(raw)  # e.g. ":0:0: note: ...", a step without a location
            continue
        m = DIAG_RE.match(raw)
        if not m:
            if UNLOCATED_RE.match(raw):
                unlocated.append(raw)
            continue
        key = (os.path.realpath(os.path.join(cwd, m.group('file'))), int(m.group('line')))
        if key[0].startswith(SYSTEM_DIRS):
            malformed.append(raw)  # every step of a path is in user code
            continue
        msg, rule = m.group('msg'), RULE_RE.search(m.group('msg'))
        if m.group('sev') == 'note':
            notes[key].append(msg)
        elif rule:
            findings[key].append((rule.group('rule'), msg[:rule.start()]))
        else:
            diags[key].append('%s: %s' % (m.group('sev'), msg))
    return findings, diags, notes, unlocated, malformed


def reconcile(where, what, expects, actual, matches, label, show):
    """Pairs the expectations of one line with what was reported there."""
    errors, pool = [], list(actual)

    def take(value):
        for i, item in enumerate(pool):
            if matches(value, item):
                return pool.pop(i)
        return None
    by_prefix = lambda p: sorted((e.value for e in expects if e.prefix == p), key=len, reverse=True)
    for v in by_prefix(None):
        if take(v) is None:
            errors.append('%s: missing %s %s' % (where, what, label(v)))
    for v in by_prefix('SPURIOUS'):
        if take(v) is None:
            errors.append('%s: fixed spurious result: %s %s is no longer reported; '
                          'remove the SPURIOUS marker' % (where, what, label(v)))
    for v in by_prefix('MISSING'):
        item = take(v)
        if item is not None:
            errors.append('%s: fixed missing result: %s %s; drop "MISSING:" from the marker'
                          % (where, what, show(item)))
    errors += ['%s: unexpected %s %s' % (where, what, show(item)) for item in pool]
    return errors


def compare(expects, findings, diags, notes, display):
    errors, counts = [], collections.Counter()
    for key in sorted(set(expects) | set(findings) | set(diags)):
        where, exp = '%s:%d' % (display(key[0]), key[1]), expects.get(key, [])
        errors += reconcile(where, 'finding', [e for e in exp if e.tag == 'finding'], findings.get(key, []),
                            lambda rule, item: item[0] == rule, lambda rule: '[%s]' % rule,
                            lambda item: '[%s]: %s' % item)
        errors += reconcile(where, 'diagnostic', [e for e in exp if e.tag == 'diag'], diags.get(key, []),
                            lambda sub, item: sub in item, lambda sub: 'containing "%s"' % sub,
                            lambda item: item)
        for e in exp:
            counts[(e.tag, e.prefix)] += 1
            if e.tag != 'note':
                continue
            found = any(e.value in n for n in notes.get(key, []))
            if found and e.prefix == 'MISSING':
                errors.append('%s: fixed missing result: note "%s"; drop "MISSING:"' % (where, e.value))
            elif not found and e.prefix is None:
                errors.append('%s: missing note containing "%s"' % (where, e.value))
    return errors, counts


def invoke(cmd, cwd, timeout):
    """Runs pii-flow: returns (completed process or None, failure message or None)."""
    try:
        proc = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              universal_newlines=True, errors='replace', timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, 'timed out after %ds' % timeout
    if proc.returncode < 0 or proc.returncode > 2:
        return proc, 'pii-flow crashed or failed (exit status %d)' % proc.returncode
    return proc, None


def cache_errors(cmd, root, timeout, expected):
    """Runs cmd twice with a fresh summary cache: the second run reuses every
    summary (so they round-trip through their files) and must print the same
    findings as a run without a cache."""
    with tempfile.TemporaryDirectory() as cache:
        cached = cmd[:1] + ['--cache-dir', cache] + cmd[1:]
        for attempt in ('cold', 'warm'):
            cproc, failure = invoke(cached, root, timeout)
            if failure:
                return ['with a %s cache: %s' % (attempt, failure)]
            if cproc.stdout != expected:
                diff = difflib.unified_diff(expected.splitlines(), cproc.stdout.splitlines(),
                                            'no cache', '%s cache' % attempt, lineterm='', n=0)
                return ['results differ with a %s cache:\n%s' % (attempt, '\n'.join(list(diff)[:40]))]
    return []


def run_case(binary, include, test, timeout=600, build_dir=None):
    """Returns (errors, summary line, command, raw output)."""
    test = os.path.abspath(test)
    root = test if os.path.isdir(test) else os.path.dirname(test)
    if build_dir:
        cpps = [build_dir]
        marked = sorted(os.path.join(d, n) for d, _, names in os.walk(test)
                        for n in names if n.endswith(SOURCE_EXTS))
    elif os.path.isdir(test):
        names = sorted(os.listdir(test))
        cpps = [os.path.join(test, n) for n in names if n.endswith('.cpp')]
        marked = [os.path.join(test, n) for n in names if n.endswith(SOURCE_EXTS)]
    else:
        cpps = marked = [test]
    if not cpps:
        return ['%s: no .cpp files' % test], '', [], ''
    expects, extra, exit_code, options = read_test(marked)
    plain = [e for es in expects.values() for e in es if e.prefix != 'MISSING']
    if exit_code is None:
        exit_code = 2 if any(e.tag == 'diag' for e in plain) else \
            1 if any(e.tag == 'finding' for e in plain) else 0
    if build_dir:
        cmd = [binary, '-p', build_dir] + options
    else:
        cmd = [binary] + cpps + options + ['--', '-std=c++17', '-I', include, '-I', root] + extra
    proc, failure = invoke(cmd, root, timeout)
    if failure:
        return [failure], '', cmd, proc.stdout + proc.stderr if proc else ''
    output = proc.stdout + proc.stderr
    order_errors = cache_errors(cmd, root, timeout, proc.stdout) if not build_dir else []
    if not build_dir and len(cpps) > 1:
        # The same program with its files in reverse order must print the same.
        rcmd = [binary] + cpps[::-1] + cmd[len(cpps) + 1:]
        rproc, failure = invoke(rcmd, root, timeout)
        if failure:
            return ['with the files in reverse order: ' + failure], '', rcmd, \
                rproc.stdout + rproc.stderr if rproc else ''
        if rproc.stdout != proc.stdout:
            diff = list(difflib.unified_diff(proc.stdout.splitlines(), rproc.stdout.splitlines(),
                                             'sorted order', 'reverse order', lineterm='', n=0))
            order_errors.append('results depend on file order: the standard output differs '
                                'when the files are given in reverse order:\n' +
                                '\n'.join(diff[:40] + (['...'] if len(diff) > 40 else [])))
    findings, diags, notes, unlocated, malformed = parse_output(output, root)

    def display(path):
        rel = os.path.relpath(path, root)
        return path if rel.startswith('..') else rel
    errors, counts = compare(expects, findings, diags, notes, display)
    errors += ['diagnostic or note with an invalid location or in a system header: %s' % b
               for b in malformed]
    if exit_code != 2:  # e.g. "pii-flow: error: FILE could not be compiled"
        errors += ['unexpected diagnostic without a location: %s' % u for u in unlocated]
    if proc.returncode != exit_code:
        errors.append('exit status %d, expected %d' % (proc.returncode, exit_code))
    errors += order_errors
    summary = ('PASS %s: %d findings, %d diagnostics, %d notes checked '
               '(%d known missing, %d known spurious), exit %d' % (
                   display(test) if os.path.isfile(test) else os.path.basename(test),
                   counts[('finding', None)], counts[('diag', None)], counts[('note', None)],
                   sum(v for (t, p), v in counts.items() if p == 'MISSING'),
                   sum(v for (t, p), v in counts.items() if p == 'SPURIOUS'), exit_code))
    return errors, summary, cmd, output


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--pii-flow', required=True, help='the pii-flow binary')
    ap.add_argument('--include', required=True, help='directory holding pii/annotations.h')
    ap.add_argument('--timeout', type=int, default=600)
    ap.add_argument('--build-dir', help='run as `pii-flow -p BUILD_DIR`')
    ap.add_argument('test', help='a .cpp file or a directory of them')
    opts = ap.parse_args(argv)
    try:
        errors, summary, cmd, output = run_case(opts.pii_flow, opts.include, opts.test,
                                               opts.timeout, opts.build_dir)
    except (OSError, ValueError) as e:
        print('error: %s' % e)
        return 1
    if not errors:
        print(summary)
        return 0
    print('FAIL %s' % opts.test)
    for e in errors:
        print(e)
    print('--- command:\n%s\n--- output:\n%s' % (' '.join(shlex.quote(c) for c in cmd), output), end='')
    return 1


if __name__ == '__main__':
    sys.exit(main())

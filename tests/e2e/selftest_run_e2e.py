#!/usr/bin/env python3
"""Self-test of run_e2e.py: runs the driver against a fake pii-flow that prints
canned output, and checks that each kind of mismatch is caught."""

import contextlib
import io
import json
import os
import stat
import sys
import tempfile
import textwrap
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import run_e2e  # noqa: E402

RULE = 'security-to-advertising'
CASE = textwrap.dedent('''\
    // PII_ARGS: -DEXTRA=1 -DQUOTED="a b"
    void f() {
      std::string id = u.phone;  // $ note=""
      ads::upload(id);  // $ finding=security-to-advertising note="'id'"
      ads::upload(u.phone, u.phone);  // $ finding=security-to-advertising finding=security-to-advertising
      ads::upload(u.nickname);  // clean: no purpose
      ads::upload(wrap(u.phone));  // $ MISSING: finding=security-to-advertising
      ads::upload(campaignFor(u.phone));  // $ SPURIOUS: finding=security-to-advertising
    }
    ''')
FAKE = textwrap.dedent('''\
    #!%s
    import json, os, signal, sys
    open(os.environ['FAKE_ARGV'], 'a').write(json.dumps(sys.argv[1:]) + '\\n')
    rev = os.environ.get('FAKE_OUT_REVERSED')  # output when b.cpp comes before a.cpp
    rc = os.environ['FAKE_RC']
    if sys.argv[1] == '--cache-dir':
        rc = os.environ.get('FAKE_RC_CACHED', rc)
    if rev is not None and 'b.cpp' in sys.argv[1]:
        sys.stdout.write(rev)
        rc = os.environ.get('FAKE_RC_REVERSED', rc)
    else:
        sys.stdout.write(os.environ['FAKE_OUT'])
    sys.stderr.write(os.environ['FAKE_ERR'])
    if rc == 'segv':
        os.kill(os.getpid(), signal.SIGSEGV)
    sys.exit(int(rc))
    ''' % sys.executable)


def finding(path, line, col=15):
    return ("%s:%d:%d: error: value with purpose 'security' from 'acct::User::phone' "
            "reaches advertising sink 'ads::upload' [%s]\n" % (path, line, col, RULE))


class DriverTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        d = self.tmp.name
        os.mkdir(os.path.join(d, 'sub'))
        self.case = os.path.join(d, 'case.cpp')
        self.fake = os.path.join(d, 'fake-pii-flow')
        with open(self.case, 'w') as f:
            f.write(CASE)
        with open(self.fake, 'w') as f:
            f.write(FAKE)
        os.chmod(self.fake, os.stat(self.fake).st_mode | stat.S_IEXEC)
        # Relative and `..` paths must resolve to the same file.
        self.good = (finding(self.case, 4) + '%s:3:20: note: read of \'acct::User::phone\'\n' % self.case
                     + "sub/../case.cpp:4:15: note: flows into 'id'\n"
                     + finding('case.cpp', 5, 15) + '  5 | ads::upload(u.phone, u.phone);\n      |   ^\n'
                     + finding(os.path.join(d, 'sub', '..', 'case.cpp'), 5, 24)
                     + finding(self.case, 8))

    def tearDown(self):
        self.tmp.cleanup()

    def run_driver(self, out, err='', rc='1', case=None, reversed_out=None):
        argv = os.path.join(self.tmp.name, 'argv')
        if os.path.exists(argv):
            os.remove(argv)
        os.environ.update(FAKE_OUT=out, FAKE_ERR=err, FAKE_RC=rc, FAKE_ARGV=argv)
        os.environ.pop('FAKE_OUT_REVERSED', None)
        if reversed_out is not None:
            os.environ['FAKE_OUT_REVERSED'] = reversed_out
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            status = run_e2e.main(['--pii-flow', self.fake, '--include', '/inc', case or self.case])
        return status, buf.getvalue()

    def invocations(self):
        with open(os.path.join(self.tmp.name, 'argv')) as f:
            return [json.loads(line) for line in f]

    def assertFails(self, out, expected_line, err='', rc='1', **kwargs):
        status, text = self.run_driver(out, err, rc, **kwargs)
        self.assertEqual(status, 1, text)
        self.assertIn(expected_line, text)

    def test_pass_and_arguments(self):
        status, text = self.run_driver(self.good)
        self.assertEqual(status, 0, text)
        self.assertIn('PASS case.cpp: 3 findings, 0 diagnostics, 2 notes checked (1 known missing, 1 known spurious)', text)
        plain = [self.case, '--', '-std=c++17', '-I', '/inc',
                 '-I', self.tmp.name, '-DEXTRA=1', '-DQUOTED=a b']
        runs = self.invocations()
        self.assertEqual(runs[0], plain)
        # Then twice with a summary cache, cold and warm, in one directory.
        self.assertEqual(len(runs), 3)
        for cached in runs[1:]:
            self.assertEqual(cached[0], '--cache-dir')
            self.assertEqual(cached[2:], plain)
        self.assertEqual(runs[1][1], runs[2][1])

    def test_missing_and_unexpected_findings(self):
        self.assertFails(self.good.replace(finding('case.cpp', 5, 15), ''),
                         'case.cpp:5: missing finding [%s]' % RULE)
        self.assertFails(self.good + finding(self.case, 6),
                         "case.cpp:6: unexpected finding [%s]: value with purpose" % RULE)

    def test_missing_and_spurious_markers(self):
        self.assertFails(self.good + finding(self.case, 7), 'case.cpp:7: fixed missing result')
        self.assertFails(self.good.replace(finding(self.case, 8), ''), 'case.cpp:8: fixed spurious result')

    def test_notes(self):
        self.assertFails(self.good.replace("flows into 'id'", 'flows on'),
                         'case.cpp:4: missing note containing "\'id\'"')
        self.assertFails(self.good.replace('case.cpp:3:20: note', 'case.cpp:2:20: note'),
                         'case.cpp:3: missing note containing ""')

    def test_other_diagnostics_and_exit_status(self):
        self.assertFails(self.good, "case.cpp:6: unexpected diagnostic error: 'pii::sink' needs an argument",
                         err="%s:6:3: error: 'pii::sink' needs an argument\n" % self.case)
        self.assertFails(self.good, 'case.cpp:3: unexpected diagnostic warning: unknown attribute',
                         err='%s:3:1: warning: unknown attribute [-Wunknown-attributes]\n' % self.case)
        self.assertFails(self.good, 'without a location: pii-flow: error: bad', err='pii-flow: error: bad\n')
        self.assertFails(self.good + ":0:0: note: passed to 'f' as argument 2\n",
                         "in a system header: :0:0: note: passed to 'f' as argument 2")
        self.assertFails(self.good + "%s:0:0: note: returned by 'f'\n" % self.case,
                         "in a system header: %s:0:0: note: returned by 'f'" % self.case)
        self.assertFails(self.good + "/usr/include/c++/12/bits/move.h:5:3: note: flows\n",
                         "in a system header: /usr/include/c++/12/bits/move.h:5:3: note: flows")
        self.assertFails(self.good, 'exit status 0, expected 1', rc='0')
        self.assertFails(self.good, 'crashed or failed (exit status -11)', rc='segv')
        with open(self.case, 'a') as f:
            f.write('// PII_EXIT: 2\n')  # an incomplete run may explain itself without a location
        self.assertEqual(self.run_driver(self.good, 'pii-flow: error: bad\n', '2')[0], 0)

    def make_program(self):
        """A two-file program directory: a.cpp with a finding, b.cpp clean."""
        prog = os.path.join(self.tmp.name, 'prog')
        os.mkdir(prog)
        for name, text in (('b.cpp', '// PII_ARGS: -DB=1\nvoid b() { g(); }  // clean\n'),
                           ('a.cpp', 'void a() {\n  ads::upload(u.phone);  // $ finding=%s\n}\n' % RULE),
                           ('notes.txt', 'not a source file\n')):
            with open(os.path.join(prog, name), 'w') as f:
                f.write(text)
        a, b = os.path.join(prog, 'a.cpp'), os.path.join(prog, 'b.cpp')
        return prog, a, b, finding(a, 2) + '%s:2:15: note: read here\n' % a

    def test_directory_runs_both_file_orders(self):
        prog, a, b, out = self.make_program()
        status, text = self.run_driver(out, case=prog)
        self.assertEqual(status, 0, text)
        self.assertIn('PASS prog: 1 findings', text)
        tail = ['--', '-std=c++17', '-I', '/inc', '-I', prog, '-DB=1']
        runs = self.invocations()
        self.assertEqual(runs[0], [a, b] + tail)
        self.assertEqual(runs[-1], [b, a] + tail)
        # Only standard output is compared: the summary line on stderr may differ.
        self.assertEqual(self.run_driver(out, 'pii-flow: 1 finding\n', case=prog, reversed_out=out)[0], 0)

    def test_directory_results_depend_on_file_order(self):
        prog, a, b, out = self.make_program()
        # A finding lost, and the same findings in another order: both fail.
        self.assertFails(out, 'results depend on file order', case=prog, reversed_out='')
        self.assertFails(out, '-%s' % finding(a, 2).rstrip('\n'), case=prog, reversed_out='')
        swapped = '%s:2:15: note: read here\n' % a + finding(a, 2)
        self.assertFails(out, 'results depend on file order', case=prog, reversed_out=swapped)
        # The first run is still checked against the markers on its own.
        self.assertFails(out + finding(b, 2), 'b.cpp:2: unexpected finding', case=prog,
                         reversed_out=out + finding(b, 2))
        # A crash of the second run is reported as such.
        os.environ['FAKE_RC_REVERSED'] = 'segv'
        try:
            self.assertFails(out, 'with the files in reverse order: pii-flow crashed', case=prog,
                             reversed_out=out)
        finally:
            del os.environ['FAKE_RC_REVERSED']

    def test_single_file_runs_once_without_a_cache(self):
        self.run_driver(self.good)
        runs = self.invocations()
        self.assertEqual(len(runs), 3)
        self.assertEqual(sum(1 for r in runs if r[0] != '--cache-dir'), 1)

    def test_results_differ_with_a_cache(self):
        # The fake prints the same whatever the options, so make the cached
        # runs differ by failing them.
        os.environ['FAKE_RC_CACHED'] = 'segv'
        try:
            self.assertFails(self.good, 'with a cold cache: pii-flow crashed')
        finally:
            del os.environ['FAKE_RC_CACHED']

    def test_marker_syntax(self):
        self.assertEqual(run_e2e.parse_markers('x; // $ diag="a \\"b\\"" $ MISSING: finding=r note=n'),
                         [run_e2e.Expect('diag', None, 'a "b"'), run_e2e.Expect('finding', 'MISSING', 'r'),
                          run_e2e.Expect('note', 'MISSING', 'n')])
        self.assertEqual(run_e2e.parse_markers('x; // clean: no $ here'), [])
        for bad in ('// $ finding', '// $ findings=r', '// $', '// $ SPURIOUS: note="x"'):
            with self.assertRaises(ValueError, msg=bad):
                run_e2e.parse_markers(bad)


if __name__ == '__main__':
    unittest.main()

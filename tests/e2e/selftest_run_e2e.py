#!/usr/bin/env python3
"""Self-test of run_e2e.py: runs the driver against a fake pii-flow that prints
canned output, and checks that each kind of mismatch is caught."""

import contextlib
import io
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
    import os, signal, sys
    open(os.environ['FAKE_ARGV'], 'w').write('\\n'.join(sys.argv[1:]))
    sys.stdout.write(os.environ['FAKE_OUT'])
    sys.stderr.write(os.environ['FAKE_ERR'])
    if os.environ['FAKE_RC'] == 'segv':
        os.kill(os.getpid(), signal.SIGSEGV)
    sys.exit(int(os.environ['FAKE_RC']))
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

    def run_driver(self, out, err='', rc='1'):
        os.environ.update(FAKE_OUT=out, FAKE_ERR=err, FAKE_RC=rc,
                          FAKE_ARGV=os.path.join(self.tmp.name, 'argv'))
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            status = run_e2e.main(['--pii-flow', self.fake, '--include', '/inc', self.case])
        return status, buf.getvalue()

    def assertFails(self, out, expected_line, err='', rc='1'):
        status, text = self.run_driver(out, err, rc)
        self.assertEqual(status, 1, text)
        self.assertIn(expected_line, text)

    def test_pass_and_arguments(self):
        status, text = self.run_driver(self.good)
        self.assertEqual(status, 0, text)
        self.assertIn('PASS case.cpp: 3 findings, 0 diagnostics, 2 notes checked (1 known missing, 1 known spurious)', text)
        with open(os.path.join(self.tmp.name, 'argv')) as f:
            argv = f.read().split('\n')
        self.assertEqual(argv, [self.case, '--', '-std=c++17', '-I', '/inc', '-I', self.tmp.name,
                                '-DEXTRA=1', '-DQUOTED=a b'])

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
        self.assertFails(self.good, 'exit status 0, expected 1', rc='0')
        self.assertFails(self.good, 'crashed or failed (exit status -11)', rc='segv')
        with open(self.case, 'a') as f:
            f.write('// PII_EXIT: 2\n')  # an incomplete run may explain itself without a location
        self.assertEqual(self.run_driver(self.good, 'pii-flow: error: bad\n', '2')[0], 0)

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

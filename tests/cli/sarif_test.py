#!/usr/bin/env python3
"""SARIF as SPEC section 5 has it, checked by the Microsoft SARIF multitool
and read back; --baseline after lines move; --format github.

  sarif_test.py PII_FLOW MULTITOOL INPUTS_DIR ANNOTATIONS_DIR
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

from sarif_validator import sarif_errors

FLOW = '''#include <pii/annotations.h>
#include <string>

struct User {
  PII_PURPOSE("security") std::string phone;
};
PII_SINK("advertising") void showAd(const std::string &key);
struct Legacy { PII_PURPOSE("securty") std::string phone; };
std::string digits(const std::string &s) { return s.substr(1); }

void sync(const User &u) {
  showAd(digits(u.phone));
  showAd(u.phone); // pii-flow: allow(security-to-advertising) consented in ToS 4.2
}
'''


def main():
    pii, multitool, inputs, annotations = sys.argv[1:5]
    failures = []

    def expect(what, ok):
        if not ok:
            failures.append(what)

    work = tempfile.mkdtemp(prefix='pii-sarif-test-')
    src = os.path.join(work, 'src')
    os.makedirs(src)
    shutil.copy(os.path.join(inputs, 'broken.cpp'), src)
    with open(os.path.join(src, 'flow.cpp'), 'w') as f:
        f.write(FLOW)

    def run(files, *options):
        cmd = [pii] + list(options) + [os.path.join(src, f) for f in files] + \
            ['--', '-std=c++17', '-I' + annotations]
        return subprocess.run(cmd, capture_output=True, text=True, cwd=work, timeout=120)

    def load(path):
        with open(path) as f:
            return json.load(f)

    # A finding with a path, a suppressed one, a file that does not compile.
    log_path = os.path.join(work, 'out.sarif')
    first = run(['flow.cpp', 'broken.cpp', 'missing.cpp'], '--sarif', log_path)
    expect('a broken file makes the run incomplete (exit 2)', first.returncode == 2)
    log = load(log_path)
    clean_path = os.path.join(work, 'clean.sarif')
    clean = run([], '--sarif', clean_path, os.path.join(inputs, 'clean.cpp'))
    expect('a clean run writes a log too (exit 0)', clean.returncode == 0 and os.path.exists(clean_path))
    errors = sarif_errors(multitool, [log_path, clean_path])
    expect('the multitool finds no errors:\n  ' + '\n  '.join(errors), not errors)

    run0 = log['runs'][0]
    driver = run0['tool']['driver']
    rule = driver['rules'][0]
    expect('the driver names pii-flow with version and informationUri',
           driver['name'] == 'pii-flow' and driver['version'] and driver['informationUri'])
    expect('a rule has id, name, descriptions, help, helpUri and level',
           rule['id'] == 'security-to-advertising' and rule['name'] and
           rule['shortDescription']['text'] and rule['fullDescription']['text'] and
           rule['help']['text'] and rule['helpUri'] and
           rule['defaultConfiguration']['level'] == 'error')
    results = run0['results']
    expect('two results: the flow and the suppressed one', len(results) == 2)
    flow, accepted = sorted(results, key=lambda r: 'suppressions' in r)
    loc = flow['locations'][0]['physicalLocation']
    expect('the location is the sink argument, relative to %SRCROOT%',
           loc['artifactLocation'] == {'uri': 'src/flow.cpp', 'uriBaseId': '%SRCROOT%'} and
           loc['region'] == {'startLine': 12, 'startColumn': 10, 'endLine': 12, 'endColumn': 25})
    expect('%SRCROOT% is the source root (the current directory)',
           run0['originalUriBaseIds']['%SRCROOT%']['uri'] == 'file://' + os.path.realpath(work) + '/')
    expect('the message names purpose, source and sink',
           all(s in flow['message']['text'] for s in ("'security'", "'User::phone'", "'showAd'")))
    expect('the result points at its rule', flow['ruleId'] == rule['id'] and flow['ruleIndex'] == 0)
    related = flow['relatedLocations'][0]
    expect('the source declaration is a related location',
           related['physicalLocation']['region']['startLine'] == 5 and
           'User::phone' in related['message']['text'])
    steps = flow['codeFlows'][0]['threadFlows'][0]['locations']
    expect('the code flow has every step, source first, sink last',
           len(steps) >= 3 and steps[0]['location']['physicalLocation']['region']['startLine'] == 12 and
           any(s['location']['physicalLocation']['region']['startLine'] == 9 for s in steps) and
           all(s['location']['message']['text'] for s in steps) and
           steps[-1]['location']['physicalLocation']['region'] == loc['region'])
    expect('a fingerprint', flow['partialFingerprints'].get('piiFlowFinding/v1'))
    expect('the suppressed finding carries its justification',
           accepted['suppressions'] == [{'kind': 'inSource', 'justification': 'consented in ToS 4.2'}])
    notes = run0['invocations'][0]['toolExecutionNotifications']
    expect('the broken file is a tool notification',
           run0['invocations'][0]['executionSuccessful'] is False and
           any('broken.cpp' in n['message']['text'] and n['level'] == 'error' for n in notes))
    expect('the missing file is a tool notification',
           any("no such file: '" in n['message']['text'] and 'missing.cpp' in n['message']['text']
               and n['level'] == 'error' for n in notes))
    unnamed = [n for n in notes if "'securty'" in n['message']['text']]
    expect('a purpose no rule names is a warning notification at the annotation',
           len(unnamed) == 1 and unnamed[0]['level'] == 'warning' and
           unnamed[0]['locations'][0]['physicalLocation']['region']['startLine'] == 8)
    warned_path = os.path.join(work, 'warned.sarif')
    warned = run(['flow.cpp'], '--sarif', warned_path)
    warned_run = load(warned_path)['runs'][0]['invocations'][0]
    expect('a run with warnings only is successful (exit 1: the findings)',
           warned.returncode == 1 and warned_run['executionSuccessful'] is True and
           warned_run['toolExecutionNotifications'])
    strict_path = os.path.join(work, 'strict.sarif')
    strict = run(['flow.cpp'], '--sarif', strict_path, '--werror-unknown-purpose')
    strict_notes = load(strict_path)['runs'][0]['invocations'][0]['toolExecutionNotifications']
    expect('--werror-unknown-purpose makes it an error, and the run incomplete (exit 2)',
           strict.returncode == 2 and "flow.cpp:8:17: error: no rule of the policy names the purpose 'securty'"
           in strict.stderr and [n['level'] for n in strict_notes] == ['error'])
    expect('an empty log has an empty results array', load(clean_path)['runs'][0]['results'] == [])
    expect('columns are UTF-16 code units, and say so', run0['columnKind'] == 'utf16CodeUnits')
    with open(os.path.join(src, 'wide.cpp'), 'w') as f:
        f.write(FLOW.replace('  showAd(digits(u.phone));',
                             '  /* t\u00e9l\u00e9phone \U0001F4DE */ showAd(digits(u.phone));'))
    wide_path = os.path.join(work, 'wide.sarif')
    run(['wide.cpp'], '--sarif', wide_path)
    wide = load(wide_path)['runs'][0]['results'][0]['locations'][0]['physicalLocation']['region']
    expect('a column after non-ASCII text counts UTF-16 code units, not bytes: %s' % wide,
           wide == {'startLine': 12, 'startColumn': 29, 'endLine': 12, 'endColumn': 44})
    os.remove(os.path.join(src, 'wide.cpp'))

    # The baseline still matches after lines move above the finding.
    base_path = os.path.join(work, 'base.sarif')
    run(['flow.cpp'], '--sarif', base_path)
    with open(os.path.join(src, 'flow.cpp'), 'w') as f:
        f.write('// moved\n// down\n// three lines\n' + FLOW)
    moved = run(['flow.cpp'], '--baseline', base_path)
    expect('after lines moved, the baseline still holds the finding (exit 0)',
           moved.returncode == 0 and moved.stdout == '' and '2 more in the baseline' in moved.stderr)
    with open(os.path.join(src, 'flow.cpp'), 'w') as f:
        f.write(FLOW.replace('  showAd(u.phone); //', '  showAd(u.phone + "x");\n  showAd(u.phone); //'))
    new = run(['flow.cpp'], '--baseline', base_path)
    expect('a new finding is reported over the baseline (exit 1)',
           new.returncode == 1 and new.stdout.count(': error: ') == 1 and 'flow.cpp:13:' in new.stdout)

    # GitHub annotations, relative to the source root.
    github = run(['flow.cpp'], '--format', 'github')
    expect('--format github prints workflow commands',
           github.returncode == 1 and github.stdout.startswith(
               '::error file=src/flow.cpp,line=12,col=10,title=pii-flow [security-to-advertising]::'
               "value with purpose 'security'"))

    shutil.rmtree(work)
    for f in failures:
        print('FAILED: ' + f)
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())

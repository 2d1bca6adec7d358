#!/usr/bin/env python3
"""find_package(PiiFlow) and pii_flow_check(), as a user's build meets them.

  integration_test.py PII_FLOW_BUILD_DIR EXAMPLE_SOURCE_DIR WORK_DIR

Installs pii-flow (cmake --install) into WORK_DIR, builds the example with
pii_flow_check from clean with ninja -j2 (the build must fail on its
2FA-phone-to-ads flow), then checks that the build is incremental: nothing
is summarized again when nothing changed, and a header's change summarizes
again exactly the files that include it, and a change of the policy file,
a compile definition or a compiler flag everything. The check writes its SARIF log where it is told to.
"""
import json
import os
import shutil
import subprocess
import sys


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, timeout=600, **kw)


def main():
    build, example, work = sys.argv[1:4]
    shutil.rmtree(work, ignore_errors=True)
    prefix, tree = os.path.join(work, 'prefix'), os.path.join(work, 'example')
    failures = []

    def expect(what, ok, detail=''):
        if not ok:
            failures.append(what + ('\n' + detail if detail else ''))

    install = run(['cmake', '--install', build, '--prefix', prefix])
    expect('cmake --install succeeds', install.returncode == 0, install.stderr)
    sarif = os.path.join(work, 'example.sarif')
    configure = run(['cmake', '-S', example, '-B', tree, '-G', 'Ninja',
                     '-DPII_FLOW_CHECK=ON', '-DCMAKE_PREFIX_PATH=' + prefix,
                     '-DPII_FLOW_SARIF=' + sarif])
    expect('the example configures with find_package(PiiFlow)',
           configure.returncode == 0, configure.stdout + configure.stderr)

    first = run(['ninja', '-C', tree, '-j2'])
    log = first.stdout + first.stderr
    expect('the build fails on the finding', first.returncode != 0, log)
    expect('the finding is in the build log, at the sink argument',
           "audience_sync.cpp:21:18: error: value with purpose 'security' from "
           "'acct::User::phone2fa' reaches advertising sink "
           "'ads::AudienceClient::upload' [security-to-advertising]" in log, log)
    expect('every source was summarized', log.count('pii-flow: summarizing') == 4, log)
    results = json.load(open(sarif))['runs'][0]['results'] if os.path.exists(sarif) else []
    expect('the SARIF log holds the finding',
           [r['ruleId'] for r in results] == ['security-to-advertising'])

    def planned():
        dry = run(['ninja', '-C', tree, '-n'])
        return dry.stdout
    again = planned()
    expect('nothing is summarized again when nothing changed',
           'summarizing' not in again and 'checking' in again, again)
    os.utime(os.path.join(example, 'include', 'util', 'hash.h'))
    touched = planned()
    expect('a header change summarizes the files that include it',
           'summarizing src/util/hash.cpp' in touched
           and 'summarizing src/ads/audience_sync.cpp' in touched
           and 'summarizing src/acct/account.cpp' not in touched, touched)
    os.utime(os.path.join(example, 'pii-flow-policy.json'))
    policy = planned()
    expect('a policy change summarizes every file again',
           policy.count('summarizing') == 4 and 'checking' in policy, policy)

    # The compile command is an input of every summary: a definition or a
    # flag may create or remove a flow.
    run(['ninja', '-C', tree, '-j2'])
    def reconfigure(*options):
        done = run(['cmake', tree] + list(options))
        expect('the example configures again', done.returncode == 0, done.stderr)
        return planned()
    same = reconfigure()
    expect('configuring again without a change summarizes nothing',
           'summarizing' not in same, same)
    hook = os.path.join(work, 'definitions.cmake')
    with open(hook, 'w') as f:
        f.write('add_compile_definitions(PII_EXAMPLE_VARIANT=2)\n')
    defined = reconfigure('-DCMAKE_PROJECT_INCLUDE=' + hook)
    expect('a new compile definition summarizes every file again',
           defined.count('summarizing') == 4, defined)
    run(['ninja', '-C', tree, '-j2'])
    flagged = reconfigure('-DCMAKE_CXX_FLAGS=-DPII_EXAMPLE_TRACE')
    expect('a new compiler flag summarizes every file again',
           flagged.count('summarizing') == 4, flagged)

    # What pii_flow_check cannot follow is said at configure time.
    odd = os.path.join(work, 'odd')
    os.makedirs(odd)
    for name in ('main.cpp', 'debug_only.cpp'):
        with open(os.path.join(odd, name), 'w') as f:
            f.write('int %s() { return 0; }\n' % ('main' if name == 'main.cpp' else 'debug'))
    def configure_odd(extra):
        with open(os.path.join(odd, 'CMakeLists.txt'), 'w') as f:
            f.write('cmake_minimum_required(VERSION 3.20)\nproject(odd CXX)\n'
                    'find_package(PiiFlow REQUIRED)\n' + extra)
        return run(['cmake', '-S', odd, '-B', os.path.join(odd, 'build'), '-G', 'Ninja',
                    '-DCMAKE_PREFIX_PATH=' + prefix])
    genex = configure_odd('add_executable(app main.cpp $<$<CONFIG:Debug>:debug_only.cpp>)\n'
                          'pii_flow_check(TARGET app)\n')
    expect('a source given as a generator expression is named in a warning',
           genex.returncode == 0 and 'is a generator expression' in ' '.join(genex.stderr.split()) and
           'debug_only.cpp' in genex.stderr, genex.stderr)
    empty = configure_odd('add_library(headers INTERFACE)\npii_flow_check(TARGET headers)\n')
    expect('a target without sources of its own is an error',
           empty.returncode != 0 and
           'has no C or C++ source of its own' in ' '.join(empty.stderr.split()),
           empty.stderr)

    for f in failures:
        print('FAILED: ' + f)
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())

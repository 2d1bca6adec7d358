#!/usr/bin/env python3
"""The preamble of a file being edited (tool/driver/Preamble.h), as a user
meets it: built when a warm run parses one file again, used by the next
edits wherever they are in the file, with findings and summaries equal to
those of a parse without, and diagnostics in headers printed as without;
dropped when a header changes (also when it is restored, as git stash
does), none for a user header without a guard (a standard one may be
included again) or with a misspelled pii:: attribute, and a corrupt entry
reported once.

  preamble_test.py PII_FLOW ANNOTATIONS_INCLUDE_DIR
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import time

DATA_H = '''#pragma once
#include <pii/annotations.h>
#include <string>
#include <vector>
struct User {
  PII_PURPOSE("security") std::string phone;
};
PII_SINK("advertising") void showAd(const std::string &key);
'''
GUARDED_H = '''#ifndef GUARDED_H
#define GUARDED_H
#include <string>
inline std::string relay(const std::string &s) { return s; }
#endif
'''
A_CPP = '''// The edited file.
#include "data.h"
#include "guarded.h"

void sync(const User &u) { showAd(relay(u.phone)); }
'''
B_CPP = '''#include "data.h"
std::vector<std::string> keys(const User &u) { return {u.phone}; }
'''


def main():
    pii, annotations = sys.argv[1], sys.argv[2]
    failures = []

    def expect(what, ok):
        if not ok:
            failures.append(what)

    with tempfile.TemporaryDirectory() as root:
        def write(name, text):
            with open(os.path.join(root, name), 'w') as f:
                f.write(text)
        for name, text in (('data.h', DATA_H), ('guarded.h', GUARDED_H), ('a.cpp', A_CPP),
                           ('b.cpp', B_CPP)):
            write(name, text)
        with open(os.path.join(root, 'compile_commands.json'), 'w') as f:
            json.dump([{'directory': root, 'file': name,
                        'arguments': ['clang++', '-std=c++17', '-I' + annotations, '-c', name]}
                       for name in ('a.cpp', 'b.cpp')], f)
        cache = os.path.join(root, 'cache')

        def run(*extra):
            return subprocess.run([pii, '-p', root, '-j', '2'] + list(extra), capture_output=True,
                                  text=True, timeout=300)

        def warm():
            return run('--stats', '--cache-dir', cache)

        def alone():  # what a parse without any preamble prints
            return run('--no-cache')

        def preambles():
            return [e for e in os.listdir(cache) if e.endswith('.preamble')]

        cold = warm()
        expect('cold run finds the flow', cold.returncode == 1 and 'a.cpp:5:' in cold.stdout)
        expect('a cold run builds no preamble', preambles() == [])

        write('a.cpp', A_CPP + '// edit 1\n')
        first = warm()
        expect('the first edit parses without a preamble',
               'with a preamble:   0 of 1 files parsed' in first.stderr)
        expect('...and builds one', len(preambles()) == 1)
        dump = subprocess.run([pii, 'dump', os.path.join(cache, preambles()[0])],
                              capture_output=True, text=True, timeout=60)
        expect('pii-flow dump prints the preamble entry: its include lines and PCH',
               dump.returncode == 0 and ': preamble-entry\ninclude lines\n#include' in dump.stdout
               and re.search(r'\npch [1-9][0-9]* bytes\n', dump.stdout))

        write('a.cpp', A_CPP + '// edit 2\n')
        second = warm()
        expect('the next edit parses with it', 'with a preamble:   1 of 1 files parsed' in second.stderr)
        expect('...into the summaries a parse without makes (the link is reused)',
               'from the cache:    1 of 2 files, and the link' in second.stderr)
        expect('...and the same findings', second.stdout == cold.stdout and second.returncode == 1)

        write('a.cpp', '\n' + A_CPP)
        on_top = warm()
        expect('a line added on top keeps the preamble',
               'with a preamble:   1 of 1 files parsed' in on_top.stderr)
        expect('...and the finding moves down with it',
               'a.cpp:6:' in on_top.stdout and on_top.stdout == alone().stdout)

        write('guarded.h', GUARDED_H.replace('return s;', 'return s + "";'))
        header = warm()
        expect('an edited header drops the preamble',
               'with a preamble:   0 of 1 files parsed' in header.stderr)
        expect('...and the findings follow the header', header.stdout == alone().stdout)

        # A header edited and restored, as git stash does: same content, a
        # new time. The PCH knows the header's #pragma once by its time, so
        # the old preamble would include it twice.
        write('a.cpp', A_CPP + '// edit 2b\n')
        warm()
        write('a.cpp', A_CPP + '// edit 2c\n')
        warm()
        write('data.h', DATA_H + '// stashed edit\n')
        warm()
        time.sleep(0.01)
        write('data.h', DATA_H)
        warm()
        write('a.cpp', A_CPP + '// edit 2d\n')
        restored = warm()
        expect('a header edited and restored: no redefinition, the findings as without',
               'redefinition' not in restored.stderr and restored.returncode == 1 and
               restored.stdout == alone().stdout)
        write('a.cpp', A_CPP + '// edit 2e\n')
        rebuilt = warm()
        expect('...and the preamble, built again, is used',
               'with a preamble:   1 of 1 files parsed' in rebuilt.stderr and
               'redefinition' not in rebuilt.stderr and rebuilt.returncode == 1)

        # A diagnostic in a header prints as a parse without a preamble
        # prints it: the header by its name from the include search, included
        # from the file's own line. (Only a.cpp includes guarded.h.)
        write('guarded.h', GUARDED_H.replace('#endif', 'PII_SINK("nosuch") void more(int);\n#endif'))
        warm()
        write('a.cpp', A_CPP + '// edit 3\n')
        warm()

        def same_as_alone(run):
            reference = alone()
            return (run.stderr.split('pii-flow statistics')[0] ==
                    reference.stderr.split('pii-flow:')[0] and run.stdout == reference.stdout)

        write('a.cpp', A_CPP + '// edit 4\n')
        diagnosed = warm()
        expect('a header diagnostic keeps the preamble',
               'with a preamble:   1 of 1 files parsed' in diagnosed.stderr)
        expect('...and prints as a parse without does',
               'In file included from a.cpp:3:\n./guarded.h:5:1: warning:' in diagnosed.stderr and
               same_as_alone(diagnosed))
        write('a.cpp', '// a line on top\n' + A_CPP)
        moved = warm()
        expect('...from the line the #include moved to',
               'with a preamble:   1 of 1 files parsed' in moved.stderr and
               'In file included from a.cpp:4:\n' in moved.stderr and same_as_alone(moved))

        def edited_after(header, tag):
            """A run after guarded.h became header and a.cpp was edited
            twice since: the first edit builds a preamble, if it may have
            one, and this run would use it."""
            write('guarded.h', header)
            warm()
            write('a.cpp', A_CPP + '// edit %s-1\n' % tag)
            warm()
            write('a.cpp', A_CPP + '// edit %s-2\n' % tag)
            return warm()

        # One the preamble cannot print so: a header with #line directives.
        renumbered = edited_after(GUARDED_H.replace(
            '#endif', '#line 40\nPII_SINK("nosuch") void more(int);\n#endif'), 'line')
        expect('a header with #line: parsed without the preamble',
               'with a preamble:   0 of 1 files parsed' in renumbered.stderr and
               'guarded.h:40:1: warning:' in renumbered.stderr and same_as_alone(renumbered))

        # A misspelled attribute in a header is found by following the
        # parse's tokens, which a PCH skips: parsed without the preamble.
        misspelled = edited_after(GUARDED_H.replace(
            '#endif', '[[pii::purpos("security")]] inline int legacy = 0;\n#endif'), 'attr')
        expect('a misspelled attribute in a header: parsed without the preamble, and reported',
               'with a preamble:   0 of 1 files parsed' in misspelled.stderr and
               "guarded.h:5:3: error: unknown attribute 'pii::purpos'" in misspelled.stderr and
               misspelled.returncode == 2)
        write('guarded.h', GUARDED_H)

        def edited_including(lines):
            """A run after a.cpp, with the #include lines given added below
            its own, was analyzed and then edited: the analysis builds a
            preamble, if the file may have one, and this run would use it."""
            text = A_CPP.replace('#include "guarded.h"', '#include "guarded.h"\n' + lines)
            write('a.cpp', text)
            warm()
            write('a.cpp', text + '// edit\n')
            return warm()

        # A header without a guard: the file's parse would read it again.
        write('unguarded.h', 'struct Plain { int x; };\n')
        unguarded = edited_including('#include "unguarded.h"')
        expect('a header without a guard: parsed without the preamble',
               'with a preamble:   0 of 1 files parsed' in unguarded.stderr and
               'could not be compiled' not in unguarded.stderr and unguarded.returncode == 1)

        # The standard library's headers may be included again, though
        # <cstdio> includes <stdio.h> before its guard (so Clang does not
        # count it as guarded), as do <cstdlib>, <cstring> and others.
        standard = edited_including('#include <cstdio>\n#include <cstring>')
        expect('a standard header with lines outside its guard: parsed with the preamble',
               'with a preamble:   1 of 1 files parsed' in standard.stderr and
               standard.stdout == alone().stdout and standard.returncode == 1)

        write('data.h', DATA_H)
        warm()
        write('a.cpp', A_CPP + '// edit 7\n')
        warm()
        entry = os.path.join(cache, preambles()[0])
        with open(entry, 'r+') as f:
            f.truncate(os.path.getsize(entry) // 2)
        write('a.cpp', A_CPP + '// edit 8\n')
        broken = warm()
        expect('a truncated preamble entry is reported once',
               broken.stderr.count('is unusable') == 1 and 'preamble' in broken.stderr)
        expect('...and the file parsed without it',
               'with a preamble:   0 of 1 files parsed' in broken.stderr and
               broken.stdout == alone().stdout)

    for f in failures:
        print('FAILED: ' + f)
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())

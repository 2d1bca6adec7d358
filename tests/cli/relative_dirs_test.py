#!/usr/bin/env python3
"""Compile commands with relative paths, in several directories, run in
parallel from an unrelated working directory: each file is compiled in its
own directory, and a warm run reuses every cache entry.

  relative_dirs_test.py PII_FLOW ANNOTATIONS_INCLUDE_DIR
"""
import json
import os
import subprocess
import sys
import tempfile

MAIN = '''#include <pii/annotations.h>
#include "purpose.h"
#include <string>
struct User {
  PII_PURPOSE("security") std::string phone;
};
SINK void send(const std::string &key);
void sync_%s(const User &u) { send(u.phone); }
'''


def main():
    pii, annotations = sys.argv[1], sys.argv[2]
    failures = []

    def expect(what, ok):
        if not ok:
            failures.append(what)

    with tempfile.TemporaryDirectory() as root:
        # The same relative names, resolved against each command's directory:
        # one directory makes the sink an advertising one, the other not.
        commands = []
        for name, kind in (('ads', 'advertising'), ('auth', 'security')):
            directory = os.path.join(root, name)
            os.makedirs(os.path.join(directory, 'include'))
            with open(os.path.join(directory, 'main.cpp'), 'w') as f:
                f.write(MAIN % name)
            with open(os.path.join(directory, 'include', 'purpose.h'), 'w') as f:
                f.write('#define SINK PII_SINK("%s")\n' % kind)
            commands.append({'directory': directory, 'file': 'main.cpp',
                             'arguments': ['clang++', '-std=c++17', '-I' + annotations,
                                           '-Iinclude', '-c', 'main.cpp']})
        with open(os.path.join(root, 'compile_commands.json'), 'w') as f:
            json.dump(commands, f)

        def run():
            return subprocess.run([pii, '-p', root, '-j', '2', '--stats'], cwd='/',
                                  capture_output=True, text=True, timeout=120)

        cold = run()
        ads = os.path.join(root, 'ads', 'main.cpp')
        expect('the advertising directory has the finding', ads + ':8:37: error:' in cold.stdout)
        expect('the other directory has none', cold.stdout.count('error:') == 1 and cold.returncode == 1)
        warm = run()
        expect('a warm run from another directory reuses both entries',
               'from the cache:    2 of 2' in warm.stderr)
        expect('...and prints the same', warm.stdout == cold.stdout)

    for f in failures:
        print('FAILED: ' + f)
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())

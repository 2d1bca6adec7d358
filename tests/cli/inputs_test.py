#!/usr/bin/env python3
"""Inputs as real builds and careless hands give them: a pipe named as a
source or a policy, a file named twice, a file a compile_commands.json lists
twice, a header and a new file the database does not list (they borrow a
neighbour's command), flags only GCC knows, a database that is not JSON,
a file name with a backslash. Compile errors show as their files are done. Each is analyzed once, or refused with a clear
error; nothing hangs, crashes or is counted twice.

  inputs_test.py PII_FLOW ANNOTATIONS_INCLUDE_DIR
"""
import json
import os
import resource
import subprocess
import sys
import tempfile

LEAK = '''#include <pii/annotations.h>
#include <string>
struct User { PII_PURPOSE("security") std::string phone; };
PII_SINK("advertising") void showAd(const std::string &key);
void sync(const User &u) { showAd(u.phone); }
'''
HEADER = '''#pragma once
#include <pii/annotations.h>
#include <string>
struct Card { PII_PURPOSE("security") std::string number; };
PII_SINK("advertising") void track(const std::string &key);
inline void leakCard(const Card &c) { track(c.number); }
'''
PLAIN = """struct User { [[clang::annotate("pii::purpose", "security")]] int phone; };
[[clang::annotate("pii::sink", "advertising")]] void showAd(int key);
void sync(const User &u) { showAd(u.phone); }
"""
GCC_ONLY = ['-fanalyzer', '-fconcepts-diagnostics-depth=2', '-fmodules-ts',
            '-fno-tree-vrp', '-fipa-pta', '-fmax-include-depth=300']


def main():
    pii, annotations = sys.argv[1], sys.argv[2]
    failures = []

    def expect(what, ok, run=None):
        if not ok:
            failures.append(what + ('\n  exit %s\n  stdout: %s\n  stderr: %s' % (
                run.returncode, run.stdout[-1500:], run.stderr[-1500:]) if run else ''))

    with tempfile.TemporaryDirectory() as root:
        def write(name, text):
            with open(os.path.join(root, name), 'w') as f:
                f.write(text)

        def run(*args, timeout=60):
            try:
                return subprocess.run([pii] + list(args), capture_output=True, text=True,
                                      cwd=root, timeout=timeout)
            except subprocess.TimeoutExpired:
                return subprocess.CompletedProcess(args, 'hung', '', '')

        write('leak.cpp', LEAK)
        write('card.h', HEADER)
        write('new_file.cpp', '#include "card.h"\nvoid more(const Card &c) { track(c.number); }\n')
        flags = ['-std=c++17', '-I' + annotations]
        entry = {'directory': root, 'file': 'leak.cpp',
                 'arguments': ['g++'] + GCC_ONLY + flags + ['-c', 'leak.cpp']}
        twice = dict(entry, arguments=entry['arguments'] + ['-DSECOND'])
        with open(os.path.join(root, 'compile_commands.json'), 'w') as f:
            json.dump([entry, twice], f)

        build = run('-p', '.')
        expect('-p: flags only GCC knows are dropped, and a file listed twice is analyzed once',
               build.returncode == 1 and build.stdout.count(': error: value') == 1 and
               'in 1 of 1 translation units' in build.stderr, build)
        os.symlink('leak.cpp', os.path.join(root, 'link.cpp'))
        named_twice = run('-p', '.', 'leak.cpp', './leak.cpp', os.path.join(root, 'leak.cpp'),
                          'link.cpp')
        expect('a file named twice, however spelled, is analyzed once',
               named_twice.returncode == 1 and 'in 1 of 1 translation units' in named_twice.stderr,
               named_twice)
        header = run('-p', '.', 'card.h', 'new_file.cpp')
        expect('a header and a new file borrow a neighbour\'s command, without errors of their own',
               header.returncode == 1 and 'card.h:6:45: error: value' in header.stdout and
               'new_file.cpp:2:34: error: value' in header.stdout and
               'error: no such file' not in header.stderr and
               'could not be compiled' not in header.stderr, header)
        dashes = run('leak.cpp', '--', *(GCC_ONLY + flags))
        expect('-- ARGS: flags only GCC knows are dropped',
               dashes.returncode == 1 and dashes.stdout.count(': error: value') == 1, dashes)

        os.mkfifo(os.path.join(root, 'pipe.cpp'))
        piped = run('pipe.cpp', 'leak.cpp', '--', *flags)
        expect('a pipe named as a source is refused, and the rest analyzed',
               piped.returncode == 2 and
               "pii-flow: error: not a regular file: 'pipe.cpp'" in piped.stderr and
               piped.stdout.count(': error: value') == 1, piped)
        os.mkfifo(os.path.join(root, 'pipe.json'))
        policy = run('--policy', 'pipe.json', 'leak.cpp', '--', *flags)
        expect('a pipe named as a policy is refused',
               policy.returncode == 2 and "'pipe.json': not a regular file" in policy.stderr, policy)

        linked = run('link', 'pipe.cpp')
        expect('a pipe named as a summary is refused',
               linked.returncode == 2 and "'pipe.cpp': not a regular file" in linked.stderr, linked)
        rooted = run('--source-root', 'no-such-dir', 'leak.cpp', '--', *flags)
        expect('a --source-root that is not a directory is refused',
               rooted.returncode == 2 and "'no-such-dir' is not a directory" in rooted.stderr,
               rooted)

        write('includes_pipe.cpp', '#include "pipe.cpp"\n' + LEAK)
        included = run('includes_pipe.cpp', '--', *flags)
        expect('an #include of a pipe is an error at the #include, not a hang',
               included.returncode == 2 and
               "includes_pipe.cpp:1:10: fatal error: cannot open file" in included.stderr, included)

        # A file without includes: the parse itself needs little memory.
        write('plain.cpp', PLAIN)
        limited = subprocess.run(
            [pii, '-j', '1', 'plain.cpp', '--'], capture_output=True, text=True, cwd=root,
            timeout=120,
            preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_AS, (300 << 20, 300 << 20)))
        expect('under a limit on address space (ulimit -v), files are still analyzed',
               limited.returncode == 1 and limited.stdout.count(': error: value') == 1, limited)

        write('back\\slash.cpp', LEAK)
        backslash = run('back\\slash.cpp', 'leak.cpp', '--', *flags)
        expect('a file name with a backslash is refused by name',
               backslash.returncode == 2 and 'holds a backslash' in backslash.stderr and
               backslash.stdout.count(': error: value') == 1, backslash)

        os.makedirs(os.path.join(root, 'bad'))
        with open(os.path.join(root, 'bad', 'compile_commands.json'), 'wb') as f:
            f.write(b'[{"directory": "/tmp", "file": "a.cpp", \x01\xff')
        binary = run('-p', 'bad')
        expect('a database that is not JSON: its line and column, and none of its bytes',
               binary.returncode == 2 and
               binary.stderr == 'bad/compile_commands.json:1:42: error: invalid UTF-8\n', binary)
        write('bad/compile_commands.json', '[{"directory": "/tmp", "file": 3, "command": "c++"}]')
        typed = run('-p', 'bad')
        expect('a database entry of the wrong type: its line and column',
               typed.returncode == 2 and
               'bad/compile_commands.json:1:32: error: "file" must be a string, not a number'
               in typed.stderr, typed)

        # A compile error is shown when its file is done, not at the end of
        # the run: here while a second, slower file is still being parsed.
        write('broken.cpp', 'int broken = ;\n')
        write('slow.cpp', ''.join('#include <%s>\n' % h for h in (
            'regex', 'iostream', 'map', 'unordered_map', 'thread', 'future', 'variant',
            'filesystem', 'algorithm', 'random', 'chrono', 'sstream', 'iomanip'))
            + 'int main() {}\n')
        live = subprocess.Popen([pii, '-j', '1', 'broken.cpp', 'slow.cpp', '--'] + flags,
                                cwd=root, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True)
        first = live.stderr.readline()
        running = live.poll() is None
        rest = live.communicate(timeout=120)
        expect('a compile error is shown while later files are still analyzed',
               'broken.cpp:1:14: error: expected expression' in first and running,
               subprocess.CompletedProcess(live.args, live.returncode, rest[0], first + rest[1]))
        expect('...and not shown again at the end', (first + rest[1]).count('expected expression') == 1)

    for f in failures:
        print('FAILED: ' + f)
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())

#!/usr/bin/env python3
"""The status line (cli/StatusLine.h): on a terminal, pii-flow says how many
files are extracted, and erases the line before anything else is written to
standard error; compile errors shown meanwhile start a line of their own.
Where standard error is a pipe (CI, a log) or TERM is "dumb", no terminal
control sequence is ever written.

  status_line_test.py PII_FLOW ANNOTATIONS_INCLUDE_DIR
"""
import os
import pty
import subprocess
import sys
import tempfile

ERASE = b'\r\x1b[K'
LEAK = b'''#include <pii/annotations.h>
#include <string>
struct User { PII_PURPOSE("security") std::string phone; };
PII_SINK("advertising") void showAd(const std::string &key);
void sync(const User &u) { showAd(u.phone); }
'''
BROKEN = b'int broken( {\n'


def on_terminal(command, env):
    """Runs command with standard error on a pseudo-terminal; returns its
    exit status and what it wrote there."""
    leader, follower = pty.openpty()
    process = subprocess.Popen(command, stdin=subprocess.DEVNULL,
                               stdout=subprocess.DEVNULL, stderr=follower,
                               env=env)
    os.close(follower)
    written = b''
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closed: the process is done
            break
        if not chunk:
            break
        written += chunk
    os.close(leader)
    return process.wait(timeout=120), written.replace(b'\r\n', b'\n')


def main():
    pii, annotations = sys.argv[1], sys.argv[2]
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for name, text in [('a.cpp', LEAK), ('b.cpp', BROKEN), ('c.cpp', LEAK)]:
            path = os.path.join(tmp, name)
            with open(path, 'wb') as f:
                f.write(text)
            files.append(path)
        command = [pii, '-j', '1'] + files + ['--', '-std=c++17',
                                               '-I', annotations]
        env = dict(os.environ, TERM='xterm')

        status, shown = on_terminal(command, env)
        if status != 2:
            failures.append('exit status %d on a terminal, expected 2' % status)
        if b'[3/3] files extracted' not in shown:
            failures.append('no "[3/3] files extracted" on the terminal')
        broken = os.path.join(tmp, 'b.cpp').encode()
        if ERASE + broken + b':1:14: error: expected' not in shown:
            failures.append('the compile error does not start a line of its own')
        drawn = shown.split(b'files extracted')[1:]
        if not drawn or not all(after.startswith(ERASE) for after in drawn):
            failures.append('the status line is not erased before what follows')
        if b'finding in 2 of 3 translation units' not in shown:
            failures.append('no summary line')

        dumb_status, dumb = on_terminal(command, dict(env, TERM='dumb'))
        if dumb_status != 2 or b'\x1b[' in dumb:
            failures.append('TERM=dumb: a control sequence was written')

        piped = subprocess.run(command, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, env=env, timeout=120)
        if piped.returncode != 2 or b'\x1b[' in piped.stderr or \
                b'files extracted' in piped.stderr:
            failures.append('standard error a pipe: a status line was written')

    for failure in failures:
        print('FAIL:', failure)
    if failures:
        print('--- on the terminal:\n' + shown.decode(errors='replace'))
        return 1
    print('PASS status line')
    return 0


if __name__ == '__main__':
    sys.exit(main())

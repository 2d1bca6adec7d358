#!/usr/bin/env python3
"""Pathological programs: pii-flow must finish each, without crashing, in
time that grows no worse than linearly, approximating (and saying so) where
a budget is reached. A benchmark, never a test.

  robustness.py --pii-flow BIN [--scale 1.0]

Each program plants a flow that must still be found: a 2FA phone entering
at one end and reaching an advertising sink at the other.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile
import time

PRELUDE = '''#include <pii/annotations.h>
#include <string>
struct User { PII_PURPOSE("security") std::string phone; };
PII_SINK("advertising") void upload(const std::string &key);
'''


def call_chain(n):
    body = ['std::string f%d(const std::string &s);' % i for i in range(n + 1)]
    body += ['std::string f%d(const std::string &s) { return f%d(s + "."); }' % (i, i + 1)
             for i in range(n)]
    body += ['std::string f%d(const std::string &s) { return s; }' % n,
             'void run(const User &u) { upload(f0(u.phone)); }']
    return body


def long_function(n):
    body = ['void run(const User &u) {', '  std::string a = u.phone, b = "x";']
    body += ['  { std::string t%d = a + "%d"; b = t%d; a = b; }' % (i, i, i) for i in range(n)]
    body += ['  upload(a);', '}']
    return body


def big_switch(n):
    body = ['void run(const User &u, int k) {', '  std::string out;', '  switch (k) {']
    body += ['  case %d: out = u.phone + "%d"; break;' % (i, i) for i in range(n)]
    body += ['  default: break;', '  }', '  upload(out);', '}']
    return body


def template_recursion(n):
    return ['template <int N> struct Deep {',
            '  static std::string go(const std::string &s) { return Deep<N - 1>::go(s + "."); }',
            '};',
            'template <> struct Deep<0> {',
            '  static std::string go(const std::string &s) { return s; }',
            '};',
            'void run(const User &u) { upload(Deep<%d>::go(u.phone)); }' % n]


def recursion_cycle(n):
    body = ['std::string g%d(const std::string &s, int k);' % i for i in range(n)]
    body += ['std::string g%d(const std::string &s, int k) { return k ? g%d(s, k - 1) : s; }'
             % (i, (i + 1) % n) for i in range(n)]
    body += ['void run(const User &u) { upload(g0(u.phone, 7)); }']
    return body


def wide_struct(n):
    body = ['struct Wide {']
    body += ['  std::string f%d;' % i for i in range(n)]
    body += ['};', 'void run(const User &u) {', '  Wide w;']
    body += ['  w.f%d = w.f%d + "x";' % (i, (i + 1) % n) for i in range(n)]
    body += ['  w.f%d = u.phone;' % (n // 2), '  Wide copy = w;',
             '  upload(copy.f%d);' % (n // 2), '  upload(copy.f0);', '}']
    return body


def dispatcher(n):
    # tdlib's command-line client: branches in if-else chains that join one
    # after the other, each writing the shared arguments through a call.
    body = ['void parse(std::string &args, int code);',
            'void send(const std::string &request);',
            'void run(const User &u, const std::string &op) {',
            '  std::string args;']
    for i in range(n):
        head = 'if' if i % 20 == 0 else '} else if'
        body += ['  %s (op == "c%d") {' % (head, i),
                 '    parse(args, %d);' % i,
                 '    send(args);']
        if i % 20 == 19 or i == n - 1:
            body += ['  }']
    body += ['  if (op == "phone") args = u.phone;', '  send(args);',
             '  upload(args);', '}']
    return body


def writes_in_a_row(n):
    # One object written by a call, then read, n times in one block.
    body = ['struct Registry { void add(const std::string &v); std::string last() const; };',
            'void use(const std::string &v);',
            'void run(const User &u, Registry &r) {',
            '  r.add(u.phone);']
    body += ['  r.add("%d"); use(r.last());' % i for i in range(n)]
    body += ['  upload(r.last());', '}']
    return body


CASES = [
    ('10,000-deep call chain', call_chain, 10000),
    ('20,000-line function', long_function, 20000),
    ('5,000-case switch', big_switch, 5000),
    ('template recursion, depth 800', template_recursion, 800),
    ('recursion cycle through 500 functions', recursion_cycle, 500),
    ('1,000-field struct', wide_struct, 1000),
    ('dispatcher of 2,000 branches in chains of 20', dispatcher, 2000),
    ('2,000 calls writing one object in a row', writes_in_a_row, 2000),
]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--pii-flow', required=True)
    ap.add_argument('--scale', type=float, default=1.0,
                    help='multiply every size (0.5 and 1.0 show how time grows)')
    opts = ap.parse_args()
    include = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'annotations', 'include')
    print('| program | lines | exit | findings | wall s | peak RSS MiB | approximations |')
    print('|---|---|---|---|---|---|---|')
    with tempfile.TemporaryDirectory() as work:
        for name, make, n in CASES:
            n = max(2, int(n * opts.scale))
            path = os.path.join(work, 'case.cpp')
            text = PRELUDE + '\n'.join(make(n)) + '\n'
            with open(path, 'w') as f:
                f.write(text)
            cmd = ['/usr/bin/time', '-f', '@@%M', opts.pii_flow, '--stats', path, '--',
                   '-std=c++17', '-I' + include, '-ftemplate-depth=2000']
            start = time.monotonic()
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=1800)
            wall = time.monotonic() - start
            rss = re.search(r'@@(\d+)', proc.stderr)
            approx = re.search(r'approximations: +(\d+.*)', proc.stderr)
            print('| %s | %d | %d | %d | %.2f | %.0f | %s |' % (
                name if opts.scale == 1.0 else '%s (x%.2f)' % (name, opts.scale), text.count('\n'),
                proc.returncode, proc.stdout.count(': error: '), wall,
                int(rss.group(1)) / 1024 if rss else 0, approx.group(1) if approx else '?'))
            sys.stdout.flush()


if __name__ == '__main__':
    main()

#!/usr/bin/env python3
"""Extracts one file twice and fails unless the two summaries are the same,
byte for byte: the cache tells whether a link result still holds by
comparing summaries, and a build system compares them to skip the link.

  same_summaries.py PII_FLOW SOURCE -- COMPILER_ARGS...
"""
import os
import subprocess
import sys
import tempfile


def main():
    pii, source, rest = sys.argv[1], sys.argv[2], sys.argv[3:]
    outputs = []
    with tempfile.TemporaryDirectory(prefix='pii-same-summaries-') as work:
        for run in ('first', 'second'):
            out = os.path.join(work, run + '.summary')
            proc = subprocess.run([pii, 'extract', '-o', out, source] + rest,
                                  capture_output=True, text=True, timeout=300)
            if proc.returncode != 0:
                print('%s extraction: exit %d\n%s' % (run, proc.returncode, proc.stderr))
                return 1
            with open(out, 'rb') as f:
                outputs.append(f.read())
    if outputs[0] == outputs[1]:
        return 0
    at = next(i for i, (a, b) in enumerate(zip(*outputs)) if a != b) \
        if any(a != b for a, b in zip(*outputs)) else min(map(len, outputs))
    print('the summaries of %s differ from byte %d:\n  %r\n  %r' % (
        source, at, outputs[0][max(0, at - 40):at + 40], outputs[1][max(0, at - 40):at + 40]))
    return 1


if __name__ == '__main__':
    sys.exit(main())

#!/usr/bin/env python3
"""Runs two commands and fails unless their exit status and output agree.

  same_output.py CMD1... ::: CMD2...
"""
import subprocess
import sys


def main():
    argv = sys.argv[1:]
    if ':::' not in argv:
        print(__doc__)
        return 2
    split = argv.index(':::')
    runs = [subprocess.run(cmd, capture_output=True, text=True, timeout=300)
            for cmd in (argv[:split], argv[split + 1:])]
    first, second = runs
    if (first.returncode, first.stdout, first.stderr) == \
            (second.returncode, second.stdout, second.stderr):
        return 0
    for name, run in zip(('first', 'second'), runs):
        print('--- %s: exit %d\n%s%s' % (name, run.returncode, run.stdout, run.stderr))
    return 1


if __name__ == '__main__':
    sys.exit(main())

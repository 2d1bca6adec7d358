#!/usr/bin/env python3
"""Runs one command and checks its exit status and output.

  expect.py --exit N [--stdout REGEX]... [--stderr REGEX]... [--no-stdout] -- CMD...

Each REGEX must match somewhere in that stream (re.MULTILINE). A status above
2 or a signal is always a failure: pii-flow never crashes on bad input.
"""
import argparse
import re
import subprocess
import sys


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--exit", type=int, required=True)
    parser.add_argument("--stdout", action="append", default=[])
    parser.add_argument("--stderr", action="append", default=[])
    parser.add_argument("--no-stdout", action="store_true")
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command

    run = subprocess.run(command, capture_output=True, text=True, timeout=120)
    problems = []
    if run.returncode != args.exit:
        problems.append(f"exit status {run.returncode}, expected {args.exit}")
    for stream, patterns in (("stdout", args.stdout), ("stderr", args.stderr)):
        text = getattr(run, stream)
        problems += [f"{stream} does not match /{p}/" for p in patterns
                     if not re.search(p, text, re.MULTILINE)]
    if args.no_stdout and run.stdout:
        problems.append("stdout is not empty")
    if problems:
        print("$ " + " ".join(command))
        print("--- stdout\n" + run.stdout + "--- stderr\n" + run.stderr + "---")
        print("\n".join(problems))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

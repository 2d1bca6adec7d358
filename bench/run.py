#!/usr/bin/env python3
"""Measures pii-flow against the parse floor on one program.

  run.py --pii-flow BIN --program DIR [--policy FILE] [-j N] [--label NAME]

DIR holds a compile_commands.json (bench/generate.py writes one; a CMake
build directory works too). A relative DIR is taken below $PII_BENCH_CORPUS
when that is set: real codebases live outside this repository (see
README.md, "Real code"). FILE is the policy pii-flow runs with: on real
code, the one that declares its sources and sinks (bench/policies/). For
the same translation units at the same -j:

  floor       clang++-19 -fsyntax-only on each TU (N processes at a time)
  cold        pii-flow -p DIR, empty cache
  warm        pii-flow -p DIR again, nothing changed
  touched     pii-flow -p DIR after a comment was added at the end of one
              TU: it is parsed again, but no summary changes (median of 5)
  edited      pii-flow -p DIR after a line was added at the top of one TU:
              every place in it moves, so its summaries change and the
              program is linked again (median of 5)
              (both next to that TU's own parse, timed after each of these
              runs, and the target: its parse + 10% of the cold link; the
              first touched run builds the TU's preamble, which the later
              ones use: each row says how many of its runs parsed with one)
  link        the link step alone (from --stats)
  summaries   bytes of the cache directory after the cold run

Each line reports wall seconds, CPU seconds (user+sys, all processes) and
peak RSS in MiB (floor: the largest clang process times N, what N parallel
parses hold at once). Prints a Markdown table; a benchmark, never a test.
"""
import argparse
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time

EDITED_RUNS = 5


def timed(cmd, cwd):
    """(wall, cpu, peak RSS MiB, stdout, stderr) of one command."""
    wrapped = ['/usr/bin/time', '-f', '@@%e %U %S %M'] + cmd
    start = time.monotonic()
    proc = subprocess.run(wrapped, cwd=cwd, capture_output=True, text=True)
    wall = time.monotonic() - start
    m = re.search(r'@@([\d.]+) ([\d.]+) ([\d.]+) (\d+)', proc.stderr)
    cpu = float(m.group(2)) + float(m.group(3))
    return wall, cpu, int(m.group(4)) / 1024, proc.stdout, proc.stderr


def floor(commands, jobs):
    """Runs every TU's parse, jobs at a time; returns (wall, cpu, peak)."""
    start = time.monotonic()
    running, cpu, peak = [], 0.0, 0.0
    queue = list(commands)
    while queue or running:
        while queue and len(running) < jobs:
            entry = queue.pop(0)
            args = shlex.split(entry['command']) if 'command' in entry else entry['arguments']
            # The floor is Clang's own parse, whatever compiler the build uses.
            args = ['clang++-19'] + [a for a in args[1:] if a != '-c']
            if '-o' in args:
                i = args.index('-o')
                del args[i:i + 2]
            # The timing goes to a file of its own: a build with many
            # warnings (-Weverything) fills a pipe before the parse ends,
            # and the parse would wait on it for ever.
            timing = tempfile.NamedTemporaryFile('r', prefix='pii-floor-')
            cmd = ['/usr/bin/time', '-o', timing.name, '-f', '@@%U %S %M'] + args + \
                ['-fsyntax-only']
            running.append((subprocess.Popen(cmd, cwd=entry['directory'],
                                             stdout=subprocess.DEVNULL,
                                             stderr=subprocess.DEVNULL), timing))
        for p, timing in list(running):
            if p.poll() is not None:
                m = re.search(r'@@([\d.]+) ([\d.]+) (\d+)', timing.read())
                cpu += float(m.group(1)) + float(m.group(2))
                peak = max(peak, int(m.group(3)) / 1024)
                timing.close()
                running.remove((p, timing))
        time.sleep(0.01)
    return time.monotonic() - start, cpu, peak * jobs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--pii-flow', required=True)
    ap.add_argument('--program', required=True)
    ap.add_argument('-j', type=int, default=os.cpu_count())
    ap.add_argument('--label', default=None)
    ap.add_argument('--policy', action='append', default=[])
    opts = ap.parse_args()
    program = opts.program
    if not os.path.isabs(program) and os.environ.get('PII_BENCH_CORPUS'):
        program = os.path.join(os.environ['PII_BENCH_CORPUS'], program)
    program = os.path.abspath(program)
    pii_flow = os.path.abspath(opts.pii_flow)
    with open(os.path.join(program, 'compile_commands.json')) as f:
        commands = json.load(f)
    lines = 0
    for entry in commands:
        with open(os.path.join(entry['directory'], entry['file'])) as f:
            lines += sum(1 for _ in f)

    rows = []
    f_wall, f_cpu, f_rss = floor(commands, opts.j)
    rows.append(('parse floor', f_wall, f_cpu, f_rss, None))
    cache = tempfile.mkdtemp(prefix='pii-bench-cache-')
    base = [pii_flow, '-p', program, '-j', str(opts.j), '--stats', '--cache-dir', cache]
    for policy in opts.policy:
        base += ['--policy', os.path.abspath(policy)]
    cache_bytes = None
    link = None
    findings = None
    first = os.path.join(commands[0]['directory'], commands[0]['file'])
    with open(first) as f:
        original = f.read()
    # Each edit differs from the one before, so that every run parses the
    # file again.
    edits = {
        'touched': lambda i: original + '// touched %d\n' % i,
        'edited': lambda i: '// edited\n' * (i + 1) + original,
    }
    # The machine's speed drifts within minutes: the file's own parse, the
    # target the edited runs are set against, is timed after each of them.
    parses = []
    for label in ('cold', 'warm', 'touched', 'edited'):
        runs = []
        with_preamble = 0
        for i in range(EDITED_RUNS if label in edits else 1):
            if label in edits:
                with open(first, 'w') as f:
                    f.write(edits[label](i))
            try:
                wall, cpu, rss, out, err = timed(base, program)
                if label in edits:
                    parses.append(floor(commands[:1], 1)[0])
            finally:
                if label in edits:
                    with open(first, 'w') as f:
                        f.write(original)
            m = re.search(r'time: +([\d.]+) s extract, ([\d.]+) s link', err)
            if not m:
                sys.exit('pii-flow %s run failed:\n%s' % (label, err[-2000:]))
            if label == 'cold':
                link = float(m.group(2))
                findings = out.count(': error: ')
                cache_bytes = sum(os.path.getsize(os.path.join(d, f))
                                  for d, _, files in os.walk(cache) for f in files)
            with_preamble += re.search(r'with a preamble: +[1-9]', err) is not None
            runs.append((wall, cpu, rss))
        wall, cpu, rss = sorted(runs)[len(runs) // 2]
        if label in edits:
            label += ' (%d of %d with a preamble)' % (with_preamble, len(runs))
        rows.append(('pii-flow ' + label, wall, cpu, rss, m.group(0)))
    shutil.rmtree(cache)

    name = opts.label or os.path.basename(program)
    print('### %s: %d translation units, %d lines, -j %d, %d findings' % (
        name, len(commands), lines, opts.j, findings))
    print()
    print('| run | wall s | CPU s | peak RSS MiB | vs floor (wall) |')
    print('|---|---|---|---|---|')
    for label, wall, cpu, rss, _ in rows:
        print('| %s | %.2f | %.2f | %.0f | %.2fx |' % (label, wall, cpu, rss, wall / f_wall))
    print('| link step alone | %.2f | | | %.1f%% of cold |' % (link, 100 * link / rows[1][1]))
    print('| summaries on disk | %.1f MiB | | | %.0f KiB a TU |' % (
        cache_bytes / 2**20, cache_bytes / 1024 / len(commands)))
    touched_parse = sorted(parses)[len(parses) // 2]
    print('| touched TU parse alone (median of %d, after each edited run) | %.2f | | | '
          'target for touched and edited: %.2f |' % (len(parses), touched_parse,
                                                     touched_parse + 0.1 * link))
    print()


if __name__ == '__main__':
    sys.exit(main())

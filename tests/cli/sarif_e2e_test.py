#!/usr/bin/env python3
"""The SARIF logs of the bundled example and of every end-to-end case,
validated by the Microsoft SARIF multitool in one run: real findings with
real paths, suppressions, broken files and misused annotations.

  sarif_e2e_test.py PII_FLOW MULTITOOL CASES_DIR ANNOTATIONS_DIR \
                    EXAMPLE_BUILD_DIR EXAMPLE_POLICY
"""
import os
import subprocess
import sys
import tempfile

from sarif_validator import sarif_errors

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', 'e2e'))
import run_e2e  # noqa: E402  (its marker reader)


def main():
    pii, multitool, cases, annotations, example, example_policy = sys.argv[1:7]
    logs, failures = [], []
    with tempfile.TemporaryDirectory() as work:
        log = os.path.join(work, 'example.sarif')
        run = subprocess.run([pii, '-p', example, '--policy', example_policy, '--sarif', log],
                             capture_output=True, text=True, timeout=300)
        if run.returncode != 1:
            failures.append('example: exit %d, expected 1\n%s' % (run.returncode, run.stderr[-500:]))
        logs.append(log)
        for name in sorted(os.listdir(cases)):
            case = os.path.join(cases, name)
            if os.path.isdir(case):
                files = [os.path.join(case, n) for n in sorted(os.listdir(case))]
            elif name.endswith('.cpp'):
                files = [case]
            else:
                continue
            cpps = [f for f in files if f.endswith('.cpp')]
            marked = [f for f in files if f.endswith(run_e2e.SOURCE_EXTS)]
            _, extra, _, options = run_e2e.read_test(marked)
            log = os.path.join(work, name + '.sarif')
            root = case if os.path.isdir(case) else cases
            run = subprocess.run([pii, '--sarif', log] + options + cpps +
                                 ['--', '-std=c++17', '-I', annotations, '-I', root] + extra,
                                 capture_output=True, text=True, timeout=300, cwd=cases)
            if run.returncode not in (0, 1, 2) or not os.path.exists(log):
                failures.append('%s: exit %d, no log\n%s' % (name, run.returncode, run.stderr[-500:]))
                continue
            logs.append(log)
        failures += sarif_errors(multitool, logs)
    for f in failures:
        print('FAILED: ' + f)
    print('%d logs validated' % len(logs))
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())

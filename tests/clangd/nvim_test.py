#!/usr/bin/env python3
"""A real editor client: headless Neovim (Debian's, its built-in LSP client)
opens examples/editor/signup.cpp, which has a type error and a pii-flow
violation, through pii-clangd and reads both diagnostics back; an edit that
removes the violation clears it (nvim_client.lua does the editing).

  nvim_test.py PII_CLANGD ANNOTATIONS_DIR EXAMPLE_FILE
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile


def main():
    pii_clangd, annotations, example = (os.path.abspath(a) for a in sys.argv[1:4])
    if not shutil.which('nvim'):
        print('FAILED: nvim is not installed; scripts/install-deps.sh --tests installs it')
        return 1
    work = tempfile.mkdtemp(prefix='pii-nvim-test-')
    # A copy, which the editing changes, with a compile command of its own.
    source = os.path.join(work, os.path.basename(example))
    shutil.copy(example, source)
    with open(os.path.join(work, 'compile_commands.json'), 'w') as f:
        json.dump([{'directory': work, 'file': os.path.basename(source),
                    'command': 'clang++ -std=c++17 -I%s -c %s' % (annotations, source)}], f)
    result = os.path.join(work, 'result.txt')
    script = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'nvim_client.lua')
    env = dict(os.environ, PII_CLANGD=pii_clangd, PII_RESULT=result)
    try:
        run = subprocess.run(['nvim', '--headless', '-u', 'NONE', '-i', 'NONE', source,
                              '-c', 'luafile ' + script],
                             capture_output=True, text=True, timeout=300, env=env, cwd=work)
    except subprocess.TimeoutExpired:
        print('FAILED: nvim did not finish')
        return 1
    lines = open(result).read().splitlines() if os.path.exists(result) else []
    failures = [l for l in lines if not l.startswith('ok ')]
    if not lines:
        failures = ['no result from nvim:\n' + run.stdout[-2000:] + run.stderr[-2000:]]
    shutil.rmtree(work)
    for f in failures:
        print(f)
    print('\n'.join(l for l in lines if l.startswith('ok ')))
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())

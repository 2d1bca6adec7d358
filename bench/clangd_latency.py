#!/usr/bin/env python3
"""Time from didOpen and from didSave to pii-clangd's merged publish (the one
holding pii-flow's finding), next to the time clangd alone takes to publish
for the same file; medians of three sessions. Warm: the summary cache is filled first, as an earlier
pii-flow run or an earlier editor session leaves it.

  clangd_latency.py --pii-clangd BIN --pii-flow BIN --build-dir DIR
                    [--policy POLICY] [--file F]

DIR holds compile_commands.json; F (default: the first file with a finding
in `pii-flow -p DIR`, with POLICY if given) is opened. A benchmark, never a
test.
"""
import argparse
import os
import re
import subprocess
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'tests', 'clangd'))
from lsp_client_test import Client  # noqa: E402


def session(command, path, text, cwd, settle=0):
    """Seconds to the first clang publish and to the first pii-flow one after
    didOpen, then to the pii-flow publish after an edit (a line added on
    top) and didSave, \p settle seconds after the open; None where nothing came
    within 10 minutes."""
    uri = 'file://' + path
    client = Client(command, cwd)
    init = client.request('initialize', {'processId': os.getpid(), 'rootUri': 'file://' + cwd,
                                         'capabilities': {}})
    client.wait_for(lambda m: m.get('id') == init, 60)
    client.notify('initialized', {})

    def publish(pred):
        return lambda m: (m.get('method') == 'textDocument/publishDiagnostics' and
                          m['params']['uri'] == uri and pred(m['params']['diagnostics']))

    def has_finding(ds):
        return any(d.get('source') == 'pii-flow' for d in ds)
    start = time.time()
    client.notify('textDocument/didOpen', {'textDocument': {
        'uri': uri, 'languageId': 'cpp', 'version': 1, 'text': text}})
    first = client.wait_for(publish(lambda ds: True), 600)
    clang = time.time() - start if first else None
    pii = None
    found = first if first and has_finding(first['params']['diagnostics']) else None
    if found:
        pii = clang
    elif '--clangd' in command:
        found = client.wait_for(publish(has_finding), 600)
        pii = time.time() - start if found else None
    def pii_lines(ds):
        return sorted(d['range']['start']['line'] for d in ds if d.get('source') == 'pii-flow')
    lines = pii_lines((found or first or {'params': {'diagnostics': []}})['params']['diagnostics'])
    saved = None
    if '--clangd' in command:
        # Opening a file also extracts it again (for its annotations' problems);
        # the edit comes once that is done, as a user's would after reading.
        time.sleep(settle)
        with open(path, 'w') as f:
            f.write('\n' + text)
        start = time.time()
        client.notify('textDocument/didChange', {'textDocument': {'uri': uri, 'version': 2},
                                                 'contentChanges': [{'text': '\n' + text}]})
        client.notify('textDocument/didSave', {'textDocument': {'uri': uri}})
        # Done when the findings have all moved down with the added line.
        # clangd publishes the edited file again at once, with pii-flow's
        # findings of the text before: those must not count.
        moved = client.wait_for(publish(
            lambda ds: pii_lines(ds) == [line + 1 for line in lines]), 600)
        saved = time.time() - start if moved else None
        # Back as it was, and analyzed so, so that the cache matches the file
        # again for the next session.
        with open(path, 'w') as f:
            f.write(text)
        client.notify('textDocument/didChange', {'textDocument': {'uri': uri, 'version': 3},
                                                 'contentChanges': [{'text': text}]})
        client.notify('textDocument/didSave', {'textDocument': {'uri': uri}})
        if moved:
            client.wait_for(publish(lambda ds: pii_lines(ds) == lines), 600)
    client.request('shutdown', None)
    client.notify('exit', None)
    client.proc.wait(timeout=60)
    return clang, pii, saved


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--pii-clangd', required=True)
    parser.add_argument('--pii-flow', required=True)
    parser.add_argument('--build-dir', required=True)
    parser.add_argument('--policy')
    parser.add_argument('--file')
    opts = parser.parse_args()
    build = os.path.abspath(opts.build_dir)
    pii_clangd = os.path.abspath(opts.pii_clangd)
    policy = ['--policy', os.path.abspath(opts.policy)] if opts.policy else []
    path = opts.file
    if not path:
        out = subprocess.run([opts.pii_flow, '-p', build] + policy, capture_output=True,
                             text=True).stdout
        path = re.match(r'^(\S+?):\d+:\d+: error:', out, re.M).group(1)
    path = os.path.abspath(path)
    with open(path) as f:
        text = f.read()
    # Fill pii-clangd's cache, then measure.
    clangd_args = ['--log=error', '--compile-commands-dir=' + build]
    ours_command = [pii_clangd, '--clangd', 'clangd-19'] + policy + clangd_args
    session(ours_command, path, text, build)
    # The machine's other work (clangd's background index among it) makes
    # single sessions noisy: each figure is the median of three.
    def median(runs):
        return [sorted(r[i] for r in runs)[1] if None not in (r[i] for r in runs) else None
                for i in range(3)]
    clangd = median([session(['clangd-19'] + clangd_args, path, text, build) for _ in range(3)])
    # Long enough for the open's own analysis: clangd's parse, twice.
    ours = median([session(ours_command, path, text, build, settle=2 * clangd[0] + 1)
                   for _ in range(3)])
    print('| file | clangd alone, didOpen to its publish | pii-clangd, didOpen to the finding '
          '| pii-clangd, didSave (a line added on top) to the moved finding |')
    print('|---|---|---|---|')
    print('| %s | %.2f s | %.2f s (%.2fx) | %.2f s (%.2fx) |' % (
        os.path.relpath(path, build), clangd[0], ours[1], ours[1] / clangd[0],
        ours[2], ours[2] / clangd[0]))


if __name__ == '__main__':
    sys.exit(main())

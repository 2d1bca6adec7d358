#!/usr/bin/env python3
"""pii-clangd fed messages no editor should send and no clangd should
answer with, in both directions: members missing or of the wrong type,
bytes that are not UTF-8, nesting hundreds of thousands deep, a length that
wraps around. A fake clangd (cat) sends every message back, so that each
also reaches the side that reads clangd's output. pii-clangd must forward
them and end cleanly when its input does: no crash, no hang.

  malformed_messages_test.py PII_CLANGD
"""
import os
import subprocess
import sys
import tempfile


def framed(body):
    body = body if isinstance(body, bytes) else body.encode()
    return b'Content-Length: %d\r\n\r\n' % len(body) + body


URI = 'file:///tmp/pii-malformed/a.cpp'
MESSAGES = [
    '{"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": 7}}',
    '{"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": '
    '{"uri": "%s", "languageId": "cpp", "version": 1, "text": "int a;\\n"}}}' % URI,
    # An incremental change without the ends of its range, or with words.
    '{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": '
    '{"uri": "%s", "version": 2}, "contentChanges": [{"range": {}, "text": "x"}]}}' % URI,
    '{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": '
    '{"uri": "%s", "version": 3}, "contentChanges": [{"range": {"start": "here", '
    '"end": {"line": -4, "character": 1e30}}, "text": 5}]}}' % URI,
    '{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": 3, '
    '"contentChanges": {"a": 1}}}',
    '{"jsonrpc": "2.0", "method": 42, "params": [1, 2]}',
    '{"jsonrpc": "2.0", "method": "textDocument/didSave", "params": null}',
    # What clangd might send, seen by the side that merges diagnostics.
    '{"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", '
    '"params": {"uri": 9, "diagnostics": {"not": "a list"}, "version": [1]}}',
    '{"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", '
    '"params": {"uri": "%s", "diagnostics": [7, {"code": "-Wunknown-attributes", '
    '"range": {"start": {"line": 99999999999, "character": "x"}}}]}}' % URI,
    b'{"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": '
    b'{"uri": "file:///tmp/\xe9.cpp", "text": "\xff\xfe"}}}',
    '[' * 400000 + ']' * 400000,
    '{"jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": ' +
    '{"a": ' * 200000 + '1' + '}' * 200000 + '}',
    'not json at all',
]
# Last: a length that wraps around when added to the header's.
WRAPPING = b'Content-Length: 18446744073709551576\r\n\r\n{}'


def main():
    pii_clangd = sys.argv[1]
    with tempfile.TemporaryDirectory() as work:
        fake = os.path.join(work, 'fake-clangd')
        with open(fake, 'w') as f:
            f.write('#!/bin/sh\nexec cat\n')
        os.chmod(fake, 0o755)
        stream = b''.join(framed(m) for m in MESSAGES) + WRAPPING
        try:
            run = subprocess.run([pii_clangd, '--clangd', fake], input=stream,
                                 capture_output=True, timeout=120, cwd=work)
        except subprocess.TimeoutExpired:
            print('FAILED: pii-clangd hangs')
            return 1
    failures = []
    if run.returncode != 0:
        failures.append('exit status %d, expected 0' % run.returncode)
    if b'Content-Length' not in run.stdout:
        failures.append('nothing was forwarded')
    if b'terminate called' in run.stderr or b'Assertion' in run.stderr:
        failures.append('an abort: ' + run.stderr.decode(errors='replace')[-500:])
    for f in failures:
        print('FAILED: ' + f)
    if failures:
        print('--- log (last 2000 bytes)\n' + run.stderr.decode(errors='replace')[-2000:])
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())

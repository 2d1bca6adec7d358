#!/usr/bin/env python3
"""pii-clangd driven by a scripted LSP client, with the real clangd-19 behind
it: clangd's diagnostics and pii-flow's arrive in one publish per file; the
"unknown attribute" warnings for pii:: attributes are gone, and only those;
pii-flow reports an annotation naming an unknown purpose itself; an unsaved
edit is analyzed once typing pauses, and an edit that removes the flow
clears its diagnostic, saved or not; shutdown and exit end both processes
cleanly; --version is clangd's. With --policy, the file's rules apply; an
invalid policy file is logged at its line and column, and clangd's
diagnostics still flow. A file compile_commands.json does not list, one of a
compile_flags.txt project, and one with no commands above it are analyzed;
the user is told once when the command is a guess.

  lsp_client_test.py PII_CLANGD ANNOTATIONS_DIR
"""
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import time

# clangd's background index would write its shards into the source tree of
# the headers the test files include (the repository); nothing here uses it.
NO_INDEX = '--background-index=false'

SOURCE = '''#include <pii/annotations.h>
#include <string>

struct User {
  [[pii::purpose("security")]] std::string phone;
  [[gnu::hot_unknown]] int other;
  [[pii::purpose("securty")]] std::string backup;
  [[pii::purpos("security")]] std::string legacy;
};
[[pii::sink("advertising")]] void showAd(const std::string &key);

void sync(const User &u) {
  showAd(u.phone);
  int broken = undeclared_name;
}
'''


class Client:
    def __init__(self, command, cwd):
        # The log goes to a file: a full stderr pipe would stall the server.
        self.log = tempfile.TemporaryFile()
        self.proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=self.log, cwd=cwd)
        self.buffer = b''
        self.next_id = 1

    def send(self, message):
        body = json.dumps(message).encode()
        self.proc.stdin.write(b'Content-Length: %d\r\n\r\n' % len(body) + body)
        self.proc.stdin.flush()

    def request(self, method, params):
        self.send({'jsonrpc': '2.0', 'id': self.next_id, 'method': method, 'params': params})
        self.next_id += 1
        return self.next_id - 1

    def notify(self, method, params):
        self.send({'jsonrpc': '2.0', 'method': method, 'params': params})

    def receive(self, deadline):
        """The next message, or None at the deadline or the end of output."""
        fd = self.proc.stdout.fileno()
        while True:
            end = self.buffer.find(b'\r\n\r\n')
            if end >= 0:
                length = int([l for l in self.buffer[:end].split(b'\r\n')
                              if l.lower().startswith(b'content-length')][0].split(b':')[1])
                if len(self.buffer) >= end + 4 + length:
                    body = self.buffer[end + 4:end + 4 + length]
                    self.buffer = self.buffer[end + 4 + length:]
                    return json.loads(body)
            left = deadline - time.time()
            if left <= 0 or not select.select([fd], [], [], left)[0]:
                return None
            chunk = os.read(fd, 65536)
            if not chunk:
                return None
            self.buffer += chunk

    def wait_for(self, accept, seconds):
        """The first message accept() takes, answering clangd's requests."""
        deadline = time.time() + seconds
        while True:
            message = self.receive(deadline)
            if message is None:
                return None
            if 'id' in message and 'method' in message:  # a request to us
                self.send({'jsonrpc': '2.0', 'id': message['id'], 'result': None})
            if accept(message):
                return message


def session(pii_clangd, work, source, text, accept, options=(), published_for=None):
    """A session on the file source (holding text) with pii-clangd's
    options: the publish for it (or for the file published_for) that
    accept() takes, the messages shown to the user (window/showMessage), and
    the log."""
    published_for = published_for or source
    client = Client([pii_clangd, '--log=error', NO_INDEX] + list(options), work)
    init = client.request('initialize', {'processId': os.getpid(), 'rootUri': 'file://' + work,
                                         'capabilities': {}})
    client.wait_for(lambda m: m.get('id') == init, 120)
    client.notify('initialized', {})
    client.notify('textDocument/didOpen', {'textDocument': {
        'uri': 'file://' + source, 'languageId': 'cpp', 'version': 1, 'text': text}})
    shown = []

    def published(m):
        if m.get('method') == 'window/showMessage':
            shown.append(m['params'])
        return (m.get('method') == 'textDocument/publishDiagnostics' and
                m['params']['uri'] == 'file://' + published_for and
                accept(m['params']['diagnostics']))
    found = client.wait_for(published, 120)
    shutdown = client.request('shutdown', None)
    client.wait_for(lambda m: published(m) and False or m.get('id') == shutdown, 120)
    client.notify('exit', None)
    client.proc.wait(timeout=120)
    client.log.seek(0)
    return found, shown, client.log.read().decode(errors='replace')


def session_with_policy(pii_clangd, work, policy_text, accept):
    """A session on sync.cpp under --policy; the publish accept() takes, and
    the log."""
    policy = os.path.join(work, 'policy.json')
    with open(policy, 'w') as f:
        f.write(policy_text)
    source = os.path.join(work, 'sync.cpp')
    with open(source) as f:
        text = f.read()
    found, _, log = session(pii_clangd, work, source, text, accept,
                            ['--policy', policy, '--compile-commands-dir=' + work])
    return found, log


def check_policies(pii_clangd, work, expect):
    with open(os.path.join(work, 'sync.cpp'), 'w') as f:
        f.write(SOURCE.replace('showAd(u.phone);', 'showAd(u.backup);'))
    rule = '{"rules": [{"id": "backup-not-for-ads", "from": ["securty"], ' \
           '"to": ["advertising"], "level": "warning"}]}'
    found, log = session_with_policy(pii_clangd, work, rule, lambda ds: any(
        d.get('code') == 'backup-not-for-ads' for d in ds))
    expect('--policy: the file\'s rule is applied, at its level',
           found and any(d.get('code') == 'backup-not-for-ads' and d['severity'] == 2
                         for d in found['params']['diagnostics']), log)
    shown, log = session_with_policy(pii_clangd, work, '{"rules": 3}', lambda ds: any(
        d.get('source') == 'clang' for d in ds))
    expect('an invalid policy: clangd\'s diagnostics still flow', shown is not None, log)
    expect('an invalid policy is logged at its line and column', 'policy.json:1:11: error' in log, log)


LONE = """struct User { [[clang::annotate("pii::purpose", "security")]] int phone; };
[[clang::annotate("pii::sink", "advertising")]] void showAd(int key);
void sync(const User &u) { showAd(u.phone); }
"""


def finding_in(diagnostics):
    return any(d.get('code') == 'security-to-advertising' for d in diagnostics)


def check_files_without_commands(pii_clangd, annotations, expect):
    """Files compile_commands.json does not list, a compile_flags.txt
    project, and a file with neither above it: each analyzed, and the user
    told once when its command is a guess."""
    work = tempfile.mkdtemp(prefix='pii-clangd-unlisted-')
    with open(os.path.join(work, 'listed.cpp'), 'w') as f:
        f.write('int listed() { return 0; }\n')
    with open(os.path.join(work, 'compile_commands.json'), 'w') as f:
        json.dump([{'directory': work, 'file': 'listed.cpp',
                    'command': 'clang++ -std=c++17 -I%s -c listed.cpp' % annotations}], f)
    found, shown, log = session(pii_clangd, work, os.path.join(work, 'new_file.cpp'), SOURCE,
                                finding_in)
    expect('a file compile_commands.json does not list is analyzed with a neighbour\'s command',
           found is not None, log)
    expect('...and the user is told so, once',
           [m['type'] for m in shown] == [3] and 'is not in' in shown[0]['message'] and
           'compile_commands.json' in shown[0]['message'], shown)

    flags = tempfile.mkdtemp(prefix='pii-clangd-flags-')
    with open(os.path.join(flags, 'compile_flags.txt'), 'w') as f:
        f.write('-std=c++17\n-I%s\n' % annotations)
    found, shown, log = session(pii_clangd, flags, os.path.join(flags, 'sync.cpp'), SOURCE,
                                finding_in)
    expect('a compile_flags.txt project is analyzed, without a word',
           found is not None and shown == [], (shown, log))

    alone = tempfile.mkdtemp(prefix='pii-clangd-alone-')
    found, shown, log = session(pii_clangd, alone, os.path.join(alone, 'lone.cpp'), LONE,
                                finding_in)
    expect('a file with no compile commands above it is analyzed with the defaults',
           found is not None, log)
    expect('...and the user is told so, once', len(shown) == 1 and
           'no compile_commands.json or compile_flags.txt' in shown[0]['message'], shown)
    for d in (work, flags, alone):
        shutil.rmtree(d)


def check_pathological(pii_clangd, annotations, expect):
    """A header with a Latin-1 byte in a purpose, and a 10,000-term sum:
    the server publishes, in valid UTF-8, and lives on."""
    work = tempfile.mkdtemp(prefix='pii-clangd-pathological-')
    with open(os.path.join(work, 'compile_flags.txt'), 'w') as f:
        f.write('-std=c++17\n-I%s\n' % annotations)
    with open(os.path.join(work, 'legacy.h'), 'wb') as f:
        f.write(b'#pragma once\n#include <pii/annotations.h>\n'
                b'struct Legacy { PII_PURPOSE("s\xe9curity") int code; };\n')
    text = ('#include "legacy.h"\n' + SOURCE +
            'int sum(int a) { return a' + ' + a' * 10000 + '; }\n')
    source = os.path.join(work, 'deep.cpp')
    found, shown, log = session(pii_clangd, work, source, text, finding_in)
    expect('a deep expression and a Latin-1 header: the finding is published', found is not None,
           log[-2000:])
    found, shown, log = session(
        pii_clangd, work, source, text,
        lambda ds: any('s\ufffdcurity' in d['message'] for d in ds),
        published_for=os.path.join(work, 'legacy.h'))
    expect('...and the Latin-1 purpose is reported, with a replacement character',
           found is not None and 'internal error' not in log, log[-2000:])
    shutil.rmtree(work)


def main():
    pii_clangd, annotations = (os.path.abspath(a) for a in sys.argv[1:3])
    failures = []

    def expect(what, ok, detail=''):
        if not ok:
            failures.append(what + (': ' + str(detail)[:2000] if detail else ''))

    version = subprocess.run([pii_clangd, '--version'], capture_output=True, text=True, timeout=30)
    clangd_version = subprocess.run(['clangd-19', '--version'], capture_output=True, text=True, timeout=30)
    expect('--version prints clangd\'s version', version.returncode == 0 and
           version.stdout == clangd_version.stdout, version.stdout + version.stderr)

    helped = subprocess.run([pii_clangd, '--help'], capture_output=True, text=True, timeout=30)
    expect('--help lists pii-clangd\'s own options, then clangd\'s',
           helped.returncode == 0 and '--policy=<file>' in helped.stdout and
           '--clangd=<path>' in helped.stdout and
           helped.stdout.index('--policy') < helped.stdout.index('OVERVIEW: clangd'),
           helped.stdout[:1000] + helped.stderr)

    work = tempfile.mkdtemp(prefix='pii-clangd-test-')
    source = os.path.join(work, 'sync.cpp')
    with open(source, 'w') as f:
        f.write(SOURCE)
    with open(os.path.join(work, 'compile_commands.json'), 'w') as f:
        json.dump([{'directory': work, 'file': 'sync.cpp',
                    'command': 'clang++ -std=c++17 -I%s -c sync.cpp' % annotations}], f)
    uri = 'file://' + source

    # The database's directory also tells this test's clangd from others.
    clangd_args = ['--log=error', NO_INDEX, '--compile-commands-dir=' + work]
    client = Client([pii_clangd, '--clangd', 'clangd-19'] + clangd_args, work)
    init = client.request('initialize', {
        'processId': os.getpid(), 'rootUri': 'file://' + work,
        'capabilities': {'textDocument': {'publishDiagnostics': {'relatedInformation': True}}}})
    reply = client.wait_for(lambda m: m.get('id') == init, 120)
    expect('initialize is answered by clangd', reply and 'capabilities' in reply.get('result', {}), reply)
    client.notify('initialized', {})
    client.notify('textDocument/didOpen', {'textDocument': {
        'uri': uri, 'languageId': 'cpp', 'version': 1, 'text': SOURCE}})

    def publish_with(pred):
        return lambda m: (m.get('method') == 'textDocument/publishDiagnostics' and
                          m['params']['uri'] == uri and pred(m['params']['diagnostics']))

    def sources(diagnostics):
        return {d.get('source') for d in diagnostics}

    both = client.wait_for(publish_with(lambda ds: {'pii-flow', 'clang'} <= sources(ds)), 120)
    expect('one publish holds clangd\'s and pii-flow\'s diagnostics', both is not None)
    if both:
        diagnostics = both['params']['diagnostics']
        finding = [d for d in diagnostics if d.get('source') == 'pii-flow'][0]
        expect('the finding covers the sink argument, with the rule as its code',
               finding['range'] == {'start': {'line': 12, 'character': 9},
                                    'end': {'line': 12, 'character': 16}} and
               finding['code'] == 'security-to-advertising' and finding['severity'] == 1 and
               finding['codeDescription']['href'], finding)
        expect('its headline names purpose, source and sink',
               all(s in finding['message'] for s in ("'security'", "'User::phone'", "'showAd'")), finding)
        expect('the path is related information', len(finding.get('relatedInformation', [])) >= 1, finding)
        unknown = sorted(d['message'] for d in diagnostics if d.get('code') == '-Wunknown-attributes')
        expect('clangd\'s unknown-attribute warnings stay for the names pii-flow does not know',
               len(unknown) == 2 and 'hot_unknown' in unknown[0] and 'purpos' in unknown[1], unknown)
        misspelled = [d for d in diagnostics if d.get('source') == 'pii-flow' and
                      "unknown attribute 'pii::purpos'" in d['message']]
        expect('pii-flow reports the misspelled attribute as an error, with the likely name',
               len(misspelled) == 1 and misspelled[0]['severity'] == 1 and
               "did you mean 'pii::purpose'" in misspelled[0]['message'] and
               misspelled[0]['range']['start'] == {'line': 7, 'character': 4}, misspelled)
        expect('clangd\'s error is there', any('undeclared_name' in d['message'] for d in diagnostics),
               diagnostics)

    warns = publish_with(lambda ds: any(
        d.get('source') == 'pii-flow' and 'securty' in d['message'] for d in ds))
    misspelt = both if both and warns(both) else client.wait_for(warns, 120)
    expect('pii-flow warns of the unknown purpose, with the likely spelling',
           misspelt and any(d.get('severity') == 2 and 'did you mean "security"' in d['message']
                            for d in misspelt['params']['diagnostics']), misspelt)

    def has_finding(diagnostics):
        return any(d.get('code') == 'security-to-advertising' for d in diagnostics)

    def change(version, text):
        client.notify('textDocument/didChange', {'textDocument': {'uri': uri, 'version': version},
                                                 'contentChanges': [{'text': text}]})

    def versioned(version, pred):
        return lambda m: publish_with(pred)(m) and m['params'].get('version') == version

    # The file's preamble is built after its first analysis, unless an edit
    # is already waiting: the edits below come once it is there.
    cache = os.path.join(work, 'pii-flow-cache')
    deadline = time.time() + 120
    while time.time() < deadline and not any(
            e.endswith('.preamble') for e in (os.listdir(cache) if os.path.isdir(cache) else [])):
        time.sleep(0.1)

    fixed = SOURCE.replace('showAd(u.phone);', 'showAd("shoes");')
    change(2, fixed)
    unsaved = client.wait_for(versioned(2, lambda ds: not has_finding(ds)), 120)
    expect('an unsaved edit that removes the flow clears its diagnostic', unsaved is not None)
    change(3, SOURCE)
    back = client.wait_for(versioned(3, has_finding), 120)
    expect('an unsaved edit that brings the flow back shows it again', back is not None)

    change(4, SOURCE.replace('showAd(u.phone);', 'showAd(u.phone); // pii-flow: allow('
                             'security-to-advertising) consented, CF-12'))
    accepted = client.wait_for(versioned(4, lambda ds: not has_finding(ds)), 120)
    expect('a suppression typed but not saved accepts the finding', accepted is not None)

    with open(source, 'w') as f:
        f.write(fixed)
    change(5, fixed)
    client.notify('textDocument/didSave', {'textDocument': {'uri': uri}})
    cleared = client.wait_for(versioned(5, lambda ds: not has_finding(ds)), 120)
    expect('a saved edit that removes the flow clears its diagnostic', cleared is not None)

    # LSP counts characters in UTF-16 code units: on a line with an emoji and
    # an accent, byte offsets would put the edit three bytes early.
    wide = fixed.replace('showAd("shoes");', '/* \U0001F600\u00e9 */ showAd("shoes");')
    change(6, wide)
    client.wait_for(versioned(6, lambda ds: not has_finding(ds)), 120)
    line = wide.split('\n').index([l for l in wide.split('\n') if 'shoes' in l][0])
    prefix = wide.split('\n')[line].split('"shoes"')[0]
    start = len(prefix.encode('utf-16-le')) // 2
    client.notify('textDocument/didChange', {'textDocument': {'uri': uri, 'version': 7},
                                             'contentChanges': [{'range': {
                                                 'start': {'line': line, 'character': start},
                                                 'end': {'line': line, 'character': start + 7}},
                                                 'text': 'u.phone'}]})
    incremental = client.wait_for(versioned(7, has_finding), 120)
    expect('an incremental edit after non-ASCII text lands where the editor meant',
           incremental is not None)
    if incremental:
        placed = [d['range'] for d in incremental['params']['diagnostics']
                  if d.get('code') == 'security-to-advertising']
        expect('...and its finding is placed in UTF-16 code units, as LSP counts',
               placed == [{'start': {'line': line, 'character': start},
                           'end': {'line': line, 'character': start + 7}}], placed)

    shutdown = client.request('shutdown', None)
    expect('shutdown is answered', client.wait_for(lambda m: m.get('id') == shutdown, 120) is not None)
    client.notify('exit', None)
    try:
        status = client.proc.wait(timeout=120)
    except subprocess.TimeoutExpired:
        client.proc.kill()
        status = 'hung'
    expect('exit ends pii-clangd with status 0', status == 0, status)
    client.log.seek(0)
    analyses = [l for l in client.log.read().decode(errors='replace').splitlines()
                if l.startswith("pii-clangd: analyzed '%s'" % source)]
    # With the preamble there, the edits parse only the file's text.
    expect('an edit after the first analysis parses the file with its preamble',
           any('(1 of 1 parsed with a preamble;' in l for l in analyses[1:]), analyses)
    stray = subprocess.run(['pgrep', '-f', 'clangd-19 ' + ' '.join(clangd_args)],
                           capture_output=True, text=True)
    expect('no clangd is left behind', stray.stdout.strip() == '', stray.stdout)

    check_policies(pii_clangd, work, expect)
    check_files_without_commands(pii_clangd, annotations, expect)
    check_pathological(pii_clangd, annotations, expect)
    shutil.rmtree(work)
    if failures:
        client.log.seek(0)
        print('--- pii-clangd log (last 3000 bytes)\n' + client.log.read().decode(errors='replace')[-3000:])
    for f in failures:
        print('FAILED: ' + f)
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())

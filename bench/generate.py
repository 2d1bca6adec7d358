#!/usr/bin/env python3
"""Generates a synthetic C++ program for benchmarking pii-flow.

  generate.py --lines N --out DIR [--lines-per-tu 1500] [--seed 1]

The program is a realistic mix: classes with fields and virtual methods,
STL containers and their iteration, calls across translation units through
a shared header, templates and lambdas. Every 25th translation unit plants a
flow from a purpose-annotated field, through helpers in another file, to an
advertising sink in a third; the rest are clean. Writes the sources,
compile_commands.json (clang++-19, so the parse floor and pii-flow compile
the same commands) and expected.txt (the number of planted flows).
"""
import argparse
import json
import os
import random

HEADER = '''#pragma once
#include <pii/annotations.h>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace app {{
struct User {{
  PII_PURPOSE("security") std::string phone;
  std::string name;
  int id = 0;
}};
struct Event {{
  std::string kind;
  std::string payload;
  long stamp = 0;
}};
class Handler {{
public:
  virtual ~Handler() = default;
  virtual std::string handle(const Event &e) = 0;
}};
PII_SINK("advertising") void upload(const std::string &key);
PII_SINK("security") void sendCode(const std::string &phone);
template <typename T> T pick(const std::vector<T> &v, size_t i) {{
  return v.empty() ? T() : v[i % v.size()];
}}
{decls}
}} // namespace app
'''


def unit(i, units, rng, lines):
    body = ['#include "app.h"', '', 'namespace app {', '']
    n = 0
    k = 0
    while n < lines:
        c = 'C%d_%d' % (i, k)
        nxt = 'f%d_%d' % ((i + 1) % units, rng.randrange(8))
        body += [
            'class %s : public Handler {' % c,
            'public:',
            '  std::string handle(const Event &e) override {',
            '    std::string out = e.kind + ":" + e.payload;',
            '    for (const auto &[key, value] : index_) out += key + value;',
            '    return %s(out, %d);' % (nxt, k),
            '  }',
            '  void add(const Event &e) { events_.push_back(e); index_[e.kind] = e.payload; }',
            '  size_t count() const { return events_.size(); }',
            'private:',
            '  std::vector<Event> events_;',
            '  std::map<std::string, std::string> index_;',
            '};',
            '',
            'std::string f%d_%d(const std::string &s, int n) {' % (i, k % 8) if k < 8 else
            'static std::string g%d_%d(const std::string &s, int n) {' % (i, k),
            '  std::vector<std::string> parts{s, std::to_string(n)};',
            '  std::string joined;',
            '  for (const auto &p : parts) joined += p;',
            '  auto shout = [&](const std::string &x) { return x + "!"; };',
            '  return n > 2 ? shout(joined) : pick(parts, n);',
            '}',
            '',
            'void run%d_%d(const User &u) {' % (i, k),
            '  std::unique_ptr<Handler> h = std::make_unique<%s>();' % c,
            '  Event e{"login", u.name, %d};' % k,
            '  std::string r = h->handle(e);',
            '  if (u.phone.empty()) upload(r);  // control dependence only',
            '  sendCode(u.phone);',
            '}',
            '',
        ]
        n += 30
        k += 1
    # Defined for every unit so the shared declarations always resolve.
    for j in range(8):
        if j >= k:
            body += ['std::string f%d_%d(const std::string &s, int) { return s; }' % (i, j)]
    if i % 25 == 0 and units >= 3:
        a, b = (i + 1) % units, (i + 2) % units
        body += [
            '',
            '// A planted flow: the 2FA phone, through helpers elsewhere, to ads.',
            'void leak%d(const User &u) { relay%d(normalize%d(u.phone)); }' % (i, b, a),
        ]
    if i % 25 == 1 and units >= 3:
        body += ['std::string normalize%d(const std::string &p) { return f%d_0(p, 1); }' % (i, i)]
    if i % 25 == 2 and units >= 3:
        body += ['void relay%d(const std::string &key) { upload(key + "#"); }' % i]
    body += ['', '} // namespace app', '']
    return '\n'.join(body)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--lines', type=int, required=True)
    ap.add_argument('--out', required=True)
    ap.add_argument('--lines-per-tu', type=int, default=1500)
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--annotations', default=os.path.join(
        os.path.dirname(os.path.abspath(__file__)), '..', 'annotations', 'include'))
    opts = ap.parse_args()
    rng = random.Random(opts.seed)
    units = max(3, opts.lines // opts.lines_per_tu)
    os.makedirs(opts.out, exist_ok=True)
    decls = []
    for i in range(units):
        decls += ['std::string f%d_%d(const std::string &s, int n);' % (i, j) for j in range(8)]
        if i % 25 == 1:
            decls.append('std::string normalize%d(const std::string &p);' % i)
        if i % 25 == 2:
            decls.append('void relay%d(const std::string &key);' % i)
    with open(os.path.join(opts.out, 'app.h'), 'w') as f:
        f.write(HEADER.format(decls='\n'.join(decls)))
    commands, total = [], 0
    for i in range(units):
        name = 'u%04d.cpp' % i
        text = unit(i, units, rng, opts.lines_per_tu)
        total += text.count('\n')
        with open(os.path.join(opts.out, name), 'w') as f:
            f.write(text)
        commands.append({'directory': os.path.abspath(opts.out), 'file': name,
                         'command': 'clang++-19 -std=c++17 -I%s -I%s -c %s -o %s.o' % (
                             os.path.abspath(opts.annotations), os.path.abspath(opts.out), name, name)})
    with open(os.path.join(opts.out, 'compile_commands.json'), 'w') as f:
        json.dump(commands, f, indent=1)
    planted = len([i for i in range(units) if i % 25 == 0 and (i + 2) % 25 == 2 and units >= 3])
    with open(os.path.join(opts.out, 'expected.txt'), 'w') as f:
        f.write('%d\n' % planted)
    print('%d translation units, %d lines, %d planted flows' % (units, total, planted))


if __name__ == '__main__':
    main()

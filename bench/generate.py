#!/usr/bin/env python3
"""Generates a synthetic C++ program for benchmarking pii-flow.

  generate.py --lines N --out DIR [--lines-per-tu 1500] [--seed 1]
              [--shape textbook|service]

--shape textbook (the default) is a mix of classes with fields and virtual
methods, STL containers and their iteration, calls across translation units
through a shared header, templates and lambdas. Every 25th translation unit
plants a flow from a purpose-annotated field, through helpers in another
file, to an advertising sink in a third; the rest are clean.

--shape service is written the way the services that showed issue 17 are:
every translation unit includes a header-heavy core (inline and template
code, a central Service object owning its managers through unique_ptr, an
event bus whose callbacks are std::function values stored in a member and
called later), functions call three others across units (a dense call
graph), and about 1% of the functions read the 2FA phone into the auth
manager the Service owns, while the Service is passed everywhere. Those
functions also log a message holding the phone through a serializer, as
tdlib logs its queries: every message class stores itself, and its child
objects through a virtual store(), into the one storer, so the storer that
holds the phone enters the store() of every message class of the program
(MESSAGES_PER_UNIT in each unit). Every 25th unit plants a flow from the
auth manager's phone to an advertising sink, through a callback registered
on the bus. Every 25th unit (the third) also has a command console like
tdlib's command-line client: one function whose hundreds of branches each
write the shared arguments and the console through calls, in chains that
join one after the other, so that every later branch reads what every
earlier one wrote.

Writes the sources, compile_commands.json (clang++-19, so the parse floor
and pii-flow compile the same commands) and expected.txt (the number of
planted flows).
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


SERVICE_HEADER = '''#pragma once
#include <pii/annotations.h>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace svc {{
struct User {{
  PII_PURPOSE("security") std::string phone;
  std::string name;
  long id = 0;
}};
PII_SINK("advertising") void track(const std::string &event);
void logLine(const std::string &line);

class AuthManager {{
public:
  void remember(const std::string &phone) {{ lastPhone_ = phone; ++logins_; }}
  const std::string &lastPhone() const {{ return lastPhone_; }}
  long logins() const {{ return logins_; }}
private:
  std::string lastPhone_;
  long logins_ = 0;
}};

class Cache {{
public:
  void put(const std::string &k, std::string v) {{ map_[k] = std::move(v); }}
  std::string get(const std::string &k) const {{
    auto it = map_.find(k);
    return it == map_.end() ? std::string() : it->second;
  }}
  size_t size() const {{ return map_.size(); }}
private:
  std::map<std::string, std::string> map_;
}};

class EventBus {{
public:
  using Callback = std::function<void(const std::string &)>;
  void subscribe(std::string topic, Callback cb) {{
    subs_.emplace_back(std::move(topic), std::move(cb));
  }}
  void emit(const std::string &topic, const std::string &payload) const {{
    for (const auto &[t, cb] : subs_)
      if (t == topic) cb(payload);
  }}
private:
  std::vector<std::pair<std::string, Callback>> subs_;
}};

template <typename T> class Counter {{
public:
  void add(const T &v) {{ seen_.push_back(v); }}
  size_t count() const {{ return seen_.size(); }}
  T last() const {{ return seen_.empty() ? T() : seen_.back(); }}
private:
  std::vector<T> seen_;
}};

class Object;

// A serializer in the manner of tdlib's TlStorerToString: the text is built
// in a buffer the storer owns, and an object stores its fields, and its
// child objects through their virtual store(), into it.
class Storer {{
public:
  void field(const char *name, const std::string &v) {{ append(name); append(v); }}
  void field(const char *name, long v) {{ append(name); append(std::to_string(v)); }}
  void object(const char *name, const Object *o);
  std::string str() const {{ return std::string(begin_, cur_); }}
private:
  void append(const std::string &v) {{
    if (static_cast<size_t>(end_ - cur_) < v.size()) grow(v.size());
    for (char c : v) *cur_++ = c;
  }}
  void grow(size_t n) {{
    size_t used = cur_ - begin_;
    buffer_.resize(used + n + 64);
    begin_ = &buffer_[0];
    cur_ = begin_ + used;
    end_ = begin_ + buffer_.size();
  }}
  std::string buffer_;
  char *begin_ = nullptr;
  char *cur_ = nullptr;
  char *end_ = nullptr;
}};

class Object {{
public:
  virtual ~Object() = default;
  virtual void store(Storer &s) const = 0;
}};

inline void Storer::object(const char *name, const Object *o) {{
  append(name);
  if (o) o->store(*this);
}}

inline std::string to_string(const Object &o) {{
  Storer s;
  o.store(s);
  return s.str();
}}

{messages}

class Service;

// Each manager points back at the Service that owns it, as each of tdlib's
// managers holds td_: what the Service holds is reachable from all of them.
class Manager {{
public:
  explicit Manager(Service *service) : service_(service) {{}}
  virtual ~Manager() = default;
  virtual std::string work(const User &u, int n) = 0;
protected:
  Service *service_;
}};
{managers}
class Service {{
public:
  Service() : auth_(std::make_unique<AuthManager>()),
              cache_(std::make_unique<Cache>()) {{ restart(); }}
  // Managers are made by a method, as tdlib's Td::init_managers does: the
  // Service they are given is then whatever the caller's Service holds.
  void restart() {{
{make_managers}
  }}
  Manager &manager(int k) {{
    switch (k) {{
{manager_cases}
    }}
    return *m0_;
  }}
  AuthManager &auth() {{ return *auth_; }}
  Cache &cache() {{ return *cache_; }}
  EventBus &bus() {{ return bus_; }}
  Counter<std::string> &names() {{ return names_; }}
  std::string describe() const {{ return "svc#" + std::to_string(cache_->size()); }}
private:
  std::unique_ptr<AuthManager> auth_;
  std::unique_ptr<Cache> cache_;
  EventBus bus_;
  Counter<std::string> names_;
{manager_members}
}};

{decls}
}} // namespace svc
'''


# How many manager classes the Service owns.
MANAGERS = 8
# How many message classes each unit defines the store() of.
MESSAGES_PER_UNIT = 30
# Every 25th unit (the third) has a command console written as tdlib's
# command-line client is: one function of DISPATCH_BLOCKS if-else chains of
# DISPATCH_BRANCHES_PER_BLOCK branches, each parsing the shared arguments
# and sending a request through the console.
DISPATCH_BLOCKS = 20
DISPATCH_BRANCHES_PER_BLOCK = 20


def service_unit(i, units, rng, lines):
    body = ['#include "svc.h"', '', 'namespace svc {', '']
    n = 0
    k = 0
    while n < lines:
        callees = ['h%d_%d' % (rng.randrange(units), rng.randrange(8))
                   for _ in range(3)]
        name = 'h%d_%d' % (i, k) if k < 8 else 'static_h%d_%d' % (i, k)
        static = '' if k < 8 else 'static '
        reads_source = rng.randrange(100) == 0
        body += [
            '%sstd::string %s(Service &s, const User &u, int n) {' % (static, name),
            '  s.names().add(u.name);',
            '  s.cache().put(u.name, s.describe());',
        ]
        if reads_source:
            body += ['  s.auth().remember(u.phone);  // the 1%: a source read',
                     '  s.restart();',
                     '  Msg%d_0 query;' % i,
                     '  query.text_ = u.phone;',
                     '  query.child_ = std::make_unique<Msg%d_%d>();' % (
                         rng.randrange(units), rng.randrange(MESSAGES_PER_UNIT)),
                     '  logLine(to_string(query));']
        body += [
            '  std::string out = s.cache().get(u.name) + std::to_string(n);',
            '  if (n > 0) {',
            '    out += s.manager(%d).work(u, n - 1);' % rng.randrange(MANAGERS),
        ] + ['    out += %s(s, u, n - 1);' % c for c in callees] + [
            '  }',
            '  logLine(out);',
            '  return out;',
            '}',
            '',
        ]
        n += 16
        k += 1
    for j in range(8):
        if j >= k:
            body += ['std::string h%d_%d(Service &, const User &u, int) { return u.name; }' % (i, j)]
    for m in range(MANAGERS):
        if m % units == i:
            body += [
                'std::string Manager%d::work(const User &u, int n) {' % m,
                '  std::string out = service_->cache().get(u.name);',
                '  if (n > 0)',
                '    out += service_->manager(%d).work(u, n - 1);' % rng.randrange(MANAGERS),
                '  service_->names().add(out);',
                '  return out + service_->describe();',
                '}',
            ]
    for j in range(MESSAGES_PER_UNIT):
        body += [
            'void Msg%d_%d::store(Storer &s) const {' % (i, j),
            '  s.field("text", text_);',
            '  s.field("id", id_);',
            '  s.object("child", child_.get());',
            '}',
        ]
    body += [
        '',
        'void wire%d(Service &s) {' % i,
        '  s.bus().subscribe("login", [&s](const std::string &who) {',
        '    s.names().add(who);',
        '    logLine(s.describe());',
        '  });',
        '}',
    ]
    if i % 25 == 0:
        body += [
            '',
            '// A planted flow: the 2FA phone remembered by the auth manager the',
            '// Service owns, read back in another unit and tracked. It is also',
            '// emitted on the bus to a stored callback, which pii-flow does not',
            '// follow yet (issue 18, item 1): that one is not counted.',
            'void plant%d(Service &s, const User &u) {' % i,
            '  s.auth().remember(u.phone);',
            '  s.bus().subscribe("audience", [](const std::string &key) { track(key); });',
            '  s.bus().emit("audience", s.auth().lastPhone());',
            '}',
            'void report%d(Service &s);' % i,
            'void session%d(Service &s, const User &u) { plant%d(s, u); report%d(s); }'
            % (i, i, i),
        ]
    if i % 25 == 1:
        body += ['void report%d(Service &s) { track(s.auth().lastPhone()); }' % (i - 1)]
    if i % 25 == 3:
        body += console(i)
    body += ['', '} // namespace svc', '']
    return '\n'.join(body)


def console(i):
    """A command console: DISPATCH_BLOCKS chains of branches in one function."""
    body = [
        '',
        'class Console%d {' % i,
        ' public:',
        '  void onCommand(const std::string &line);',
        ' private:',
        '  void send(const std::string &request);',
        '  std::string last_;',
        '};',
        'void parseArgs(std::string &args, long &a, std::string &b);',
        '',
        'void Console%d::onCommand(const std::string &line) {' % i,
        '  std::string op = line.substr(0, line.find(\' \'));',
        '  std::string args = line.substr(op.size());',
        '  long a = 0;',
        '  std::string b;',
    ]
    for block in range(DISPATCH_BLOCKS):
        for k in range(DISPATCH_BRANCHES_PER_BLOCK):
            body += [
                '  %sif (op == "c%d_%d") {' % ('' if k == 0 else '} else ', block, k),
                '    parseArgs(args, a, b);',
                '    send(args + b + std::to_string(a + %d));' % k,
            ]
        body += ['  }']
    body += ['  last_ = args;', '}']
    return body


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--lines', type=int, required=True)
    ap.add_argument('--out', required=True)
    ap.add_argument('--lines-per-tu', type=int, default=1500)
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--shape', choices=['textbook', 'service'], default='textbook')
    ap.add_argument('--annotations', default=os.path.join(
        os.path.dirname(os.path.abspath(__file__)), '..', 'annotations', 'include'))
    opts = ap.parse_args()
    rng = random.Random(opts.seed)
    units = max(3, opts.lines // opts.lines_per_tu)
    os.makedirs(opts.out, exist_ok=True)
    if opts.shape == 'service':
        write_service(opts, rng, units)
        return
    decls = []
    for i in range(units):
        decls += ['std::string f%d_%d(const std::string &s, int n);' % (i, j) for j in range(8)]
        if i % 25 == 1:
            decls.append('std::string normalize%d(const std::string &p);' % i)
        if i % 25 == 2:
            decls.append('void relay%d(const std::string &key);' % i)
    with open(os.path.join(opts.out, 'app.h'), 'w') as f:
        f.write(HEADER.format(decls='\n'.join(decls)))
    planted = len([i for i in range(units) if i % 25 == 0 and units >= 3])
    write_units(opts, units, lambda i: unit(i, units, rng, opts.lines_per_tu),
                planted)


def write_units(opts, units, make_unit, planted):
    """Writes each unit make_unit(i) makes, their compile commands and the
    number of planted flows."""
    commands, total = [], 0
    for i in range(units):
        name = 'u%04d.cpp' % i
        text = make_unit(i)
        total += text.count('\n')
        with open(os.path.join(opts.out, name), 'w') as f:
            f.write(text)
        commands.append({'directory': os.path.abspath(opts.out), 'file': name,
                         'command': 'clang++-19 -std=c++17 -I%s -I%s -c %s -o %s.o' % (
                             os.path.abspath(opts.annotations), os.path.abspath(opts.out), name, name)})
    with open(os.path.join(opts.out, 'compile_commands.json'), 'w') as f:
        json.dump(commands, f, indent=1)
    with open(os.path.join(opts.out, 'expected.txt'), 'w') as f:
        f.write('%d\n' % planted)
    print('%d translation units, %d lines, %d planted flows' % (units, total, planted))


def write_service(opts, rng, units):
    decls = ['std::string h%d_%d(Service &s, const User &u, int n);' % (i, j)
             for i in range(units) for j in range(8)]
    ms = range(MANAGERS)
    with open(os.path.join(opts.out, 'svc.h'), 'w') as f:
        f.write(SERVICE_HEADER.format(
            decls='\n'.join(decls),
            messages='\n'.join(
                'struct Msg%d_%d : Object { std::string text_; long id_ = 0;'
                ' std::unique_ptr<Object> child_;'
                ' void store(Storer &s) const override; };' % (i, j)
                for i in range(units) for j in range(MESSAGES_PER_UNIT)),
            managers='\n'.join(
                'class Manager%d : public Manager {{ public: using Manager::Manager;'
                ' std::string work(const User &u, int n) override; }};'.format() % m
                for m in ms),
            make_managers='\n'.join(
                '    m%d_ = std::make_unique<Manager%d>(this);' % (m, m) for m in ms),
            manager_cases='\n'.join(
                '    case %d: return *m%d_;' % (m, m) for m in ms),
            manager_members='\n'.join(
                '  std::unique_ptr<Manager%d> m%d_;' % (m, m) for m in ms)))
    write_units(opts, units,
                lambda i: service_unit(i, units, rng, opts.lines_per_tu),
                len([i for i in range(units) if i % 25 == 0]))


if __name__ == '__main__':
    main()

#!/usr/bin/env python3
"""Pathological but valid C++, generated, run through the real pii-flow.

  pathological_test.py PII_FLOW INCLUDE_DIR

Generated code nests as deep and runs as long as its generator likes: sums of
thousands of terms, conditionals nested thousands deep, initializer lists of
a hundred thousand elements, megabyte lines, call chains thousands of
functions long, aggregates nested 200 deep, text in encodings other than
UTF-8. Clang compiles all of it,
so pii-flow must analyze all of it: every flow found, nothing crashing, no
file lost, and its SARIF log valid JSON.

The programs carry the end-to-end tests' inline expectations
(`// $ finding=RULE`) and are checked by their driver (tests/e2e/run_e2e.py);
what that driver cannot read (file names and text that are not UTF-8) is
checked here.
"""
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'e2e'))
import run_e2e  # noqa: E402

RULE = 'security-to-advertising'
FINDING = '// $ finding=' + RULE

PRELUDE = '''#include <pii/annotations.h>
#include <string>
#include <vector>
struct User {
  PII_PURPOSE("security") std::string phone;
  std::string name;
};
PII_SINK("advertising") void show(const std::string &);
'''


def deep_expressions():
    """Expressions as deep as they are long: eval may not recurse per level."""
    plus = ' + a' * 3000
    return PRELUDE + f'''
void concatenation_source_first(const User &u, std::string a) {{
  show(u.phone{plus}); {FINDING}
}}
void concatenation_source_last(const User &u, std::string a) {{
  show(a{plus} + u.phone); {FINDING}
}}
void concatenation_clean(const User &u, std::string a) {{
  show(a{plus} + u.name);
}}
int integer_sum(const User &u, int a) {{
  int n = (int)u.phone.size(){' + a' * 10000};
  show(std::to_string(n)); {FINDING}
  int m = a{' + a' * 10000};
  show(std::to_string(m));
  return n + m;
}}
std::string nested_conditional(const User &u, bool c, std::string a) {{
  std::string s = {'c ? a : ' * 3000}u.phone;
  show(s); {FINDING}
  return s;
}}
int comma_chain(const User &u, int a) {{
  int n = ({'a, ' * 5000}(int)u.phone.size());
  show(std::to_string(n)); {FINDING}
  return n;
}}
std::string parentheses(const User &u) {{
  std::string s = {'(' * 200}u.phone{')' * 200};
  show(s); {FINDING}
  return s;
}}
'''


def deep_statements():
    """Statements nested thousands deep, and a long function."""
    nested_if = ''.join(f'if (c{i % 7}) ' for i in range(1500))
    blocks = '{' * 200 + f' show(u.phone); {FINDING}\n' + '}' * 200
    cases = ''.join(f'  case {i}: s = {"u.phone" if i == 4321 else "u.name"}; break;\n'
                    for i in range(10000))
    statements = ''.join(f'  t += u.name; t.resize({i % 13});\n' for i in range(5000))
    return PRELUDE + f'''
void nested_ifs(const User &u, {", ".join(f"bool c{i}" for i in range(7))}) {{
  {nested_if}show(u.phone); {FINDING}
}}
void nested_blocks(const User &u) {blocks}
void big_switch(const User &u, int k) {{
  std::string s;
  switch (k) {{
{cases}  }}
  show(s); {FINDING}
}}
void long_function(const User &u) {{
  std::string t;
{statements}  show(t);
  t = u.phone;
  show(t); {FINDING}
}}
'''


def wide_data():
    """A huge initializer list, a megabyte line, a long member chain."""
    numbers = ', '.join(str(i % 1000) for i in range(200000))
    names = ', '.join(f'"n{i}"' for i in range(5000))
    chain = '->next' * 5000
    long_literal = '"' + 'x' * (1 << 20) + '"'
    return PRELUDE + f'''
int table[200000] = {{{numbers}}};
struct Node {{
  Node *next;
  PII_PURPOSE("security") std::string phone;
}};
void many_elements(const User &u) {{
  std::vector<std::string> v = {{{names}, u.phone}};
  show(v[0]); {FINDING}
}}
void long_line(const User &u) {{ std::string s = {long_literal}; show(s); show(u.phone); {FINDING}
}}
void member_chain(Node *n) {{
  show(n{chain}->phone); {FINDING}
}}
'''


def long_chains():
    """A call chain thousands of functions long, and template recursion."""
    chain = ''.join(f'std::string hop{i}(const User &u) {{ return hop{i + 1}(u); }}\n'
                    for i in range(1999, -1, -1))
    declarations = ''.join(f'std::string hop{i}(const User &u);\n' for i in range(2001))
    return PRELUDE + declarations + f'''
std::string hop2000(const User &u) {{ return u.phone; }}
{chain}
void call_chain(const User &u) {{
  show(hop0(u)); {FINDING}
}}
template <int N> struct Depth {{
  static std::string get(const User &u) {{ return Depth<N - 1>::get(u); }}
}};
template <> struct Depth<0> {{
  static std::string get(const User &u) {{ return u.phone; }}
}};
void template_recursion(const User &u) {{
  show(Depth<900>::get(u)); {FINDING}
}}
'''


def nested_braces():
    """Aggregates nested 200 deep, initialized by nested braces."""
    depth = 200
    types = 'struct N%d { std::string leaf; };\n' % depth + ''.join(
        'struct N%d { N%d n; };\n' % (i, i + 1) for i in range(depth - 1, -1, -1))
    return PRELUDE + types + f'''
N0 make(const User &u) {{ return N0{'{' * (depth + 1)}u.phone{'}' * (depth + 1)}; }}
void use(const User &u) {{
  N0 x = make(u);
  show(x{'.n' * depth}.leaf); {FINDING}
}}
'''


def many_functions():
    """Twenty thousand small functions in one translation unit."""
    return PRELUDE + ''.join(
        f'std::string f{i}(const User &u) {{ return {"u.phone" if i == 777 else "u.name"}; }}\n'
        for i in range(20000)) + f'''
void use_them(const User &u) {{
  show(f776(u));
  show(f777(u)); {FINDING}
}}
'''


PROGRAM = {
    'deep_expressions.cpp': deep_expressions,
    'deep_statements.cpp': deep_statements,
    'wide_data.cpp': wide_data,
    'long_chains.cpp': long_chains,
    'many_functions.cpp': many_functions,
    'nested_braces.cpp': nested_braces,
}

# Text that is not UTF-8: a Latin-1 comment, string, suppression reason and
# purpose, in a file whose name is Latin-1 too.
LATIN1_FILE = 'caf\xe9.cpp'.encode('latin-1')
LATIN1_SOURCE = (PRELUDE + '''
// Commentaire : num\xe9ro de t\xe9l\xe9phone
struct Legacy { PII_PURPOSE("s\xe9curit\xe9") std::string code; };
void accepted(const User &u) {
  show(u.phone); // pii-flow: allow(security-to-advertising) r\xe9vision l\xe9gale LR-7
}
void reported(const User &u) {
  show("caf\xe9 " + u.phone);
}
''').encode('latin-1')
BROKEN_LATIN1_FILE = 'cass\xe9.cpp'.encode('latin-1')
BROKEN_LATIN1_SOURCE = 'int broken = ; // cass\xe9\n'.encode('latin-1')


def check_encodings(pii, include, work):
    """The run over files and text that are not UTF-8: the findings, every
    file named, and a SARIF log that is valid JSON."""
    os.makedirs(work)
    workb = os.fsencode(work)
    for name, text in ((LATIN1_FILE, LATIN1_SOURCE), (BROKEN_LATIN1_FILE, BROKEN_LATIN1_SOURCE)):
        with open(os.path.join(workb, name), 'wb') as f:
            f.write(text)
    sarif = os.path.join(work, 'log.sarif')
    cmd = [pii, '--sarif', sarif, LATIN1_FILE, BROKEN_LATIN1_FILE, '--',
           '-std=c++17', '-I', include]
    run = subprocess.run(cmd, cwd=work, capture_output=True, timeout=300)
    errors = []
    if run.returncode != 2:  # a file does not compile
        errors.append('exit status %d, expected 2\n%s' % (run.returncode, run.stderr.decode('latin-1')))
    if run.stdout.count(b'error: value with purpose') != 1:
        errors.append('expected one finding, got:\n' + run.stdout.decode('latin-1'))
    if b'could not be compiled' not in run.stderr:
        errors.append('the file that does not compile is not named:\n' + run.stderr.decode('latin-1'))
    try:
        with open(sarif, encoding='utf-8') as f:
            log = json.load(f)
    except (OSError, ValueError) as e:
        return errors + ['the SARIF log is missing or not valid UTF-8 JSON: %s' % e]
    results = log['runs'][0]['results']
    if sorted(bool(r.get('suppressions')) for r in results) != [False, True]:
        errors.append('expected one reported and one suppressed result: %s' % results)
    justifications = [s.get('justification', '') for r in results for s in r.get('suppressions', [])]
    if not any('r\ufffdvision' in j for j in justifications):
        errors.append('the Latin-1 justification is not kept with replacement characters: %s'
                      % justifications)
    notifications = log['runs'][0]['invocations'][0]['toolExecutionNotifications']
    if not any('cass\ufffd.cpp' in n['message']['text'] for n in notifications):
        errors.append('the file that does not compile is not among the notifications: %s'
                      % notifications)
    return errors


def main():
    pii, include = sys.argv[1], sys.argv[2]
    errors = []
    with tempfile.TemporaryDirectory(prefix='pii-pathological-') as work:
        program = os.path.join(work, 'program')
        os.makedirs(program)
        for name, generate in PROGRAM.items():
            with open(os.path.join(program, name), 'w') as f:
                f.write(generate())
        case_errors, summary, _, output = run_e2e.run_case(pii, include, program, timeout=300)
        if case_errors:
            errors += case_errors + ['--- output (last 3000 characters):\n' + output[-3000:]]
        else:
            print(summary)
        errors += check_encodings(pii, include, os.path.join(work, 'encodings'))
    for e in errors:
        print(e)
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main())

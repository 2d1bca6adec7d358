#!/usr/bin/env python3
"""Checks every #include in tool/ against the rules docs/ARCHITECTURE.md
states: a folder includes its own headers and those its row of the table
lists, and Clang's or nlohmann's JSON only where the table says so. A rule broken, or a folder
the table does not name, fails the test with file:line.

    include_rules_test.py REPOSITORY_ROOT
"""
import os
import re
import sys

root = sys.argv[1]
# Libraries every folder may use.
OUTSIDE = ('llvm/',)
failures = []


def fail(message):
    failures.append(message)


def read_rules():
    path = os.path.join(root, 'docs', 'ARCHITECTURE.md')
    text = open(path, encoding='utf-8').read()
    match = re.search(r'<!-- include-rules: begin -->(.*?)<!-- include-rules: end -->',
                      text, re.S)
    if not match:
        sys.exit(f'{path}: no include-rules table')
    rules = {}
    for line in match.group(1).splitlines():
        cells = [c.strip() for c in line.strip().strip('|').split('|')]
        if len(cells) != 4 or not cells[0].startswith('`'):
            continue
        folder = cells[0].strip('`')
        allowed = set(re.findall(r'`([^`]+)`', cells[1])) | {folder}
        rules[folder] = (allowed, cells[2] == 'yes', cells[3] == 'yes')
    return rules


def folder_of(header, folders):
    """The folder of the table a path below tool/ is in, the longest that
    holds it."""
    best = None
    for folder in folders:
        if header.startswith(folder + '/') and (best is None or len(folder) > len(best)):
            best = folder
    return best


def main():
    rules = read_rules()
    tool = os.path.join(root, 'tool')
    include = re.compile(r'\s*#\s*include\s*[<"]([^>"]+)[>"]')
    checked = 0
    for directory, _, files in os.walk(tool):
        for name in sorted(files):
            if not name.endswith(('.h', '.cpp')):
                continue
            path = os.path.join(directory, name)
            relative = os.path.relpath(path, tool)
            folder = folder_of(relative, rules)
            if folder is None:
                fail(f'tool/{relative}: in no folder of the include-rules table')
                continue
            allowed, clang, nlohmann = rules[folder]
            with open(path, encoding='utf-8') as source:
                for number, line in enumerate(source, 1):
                    found = include.match(line)
                    if not found:
                        continue
                    header = found.group(1)
                    where = f'tool/{relative}:{number}'
                    if header.startswith(OUTSIDE):
                        continue
                    if header.startswith('nlohmann/'):
                        if not nlohmann:
                            fail(f'{where}: {folder}/ may not include nlohmann ({header})')
                        continue
                    if header.startswith('clang/'):
                        if not clang:
                            fail(f'{where}: {folder}/ may not include Clang ({header})')
                        continue
                    if os.path.exists(os.path.join(tool, header)):
                        target = folder_of(header, rules)
                        if target not in allowed:
                            fail(f'{where}: {folder}/ may not include {header}')
                    elif '"' in line.split('include', 1)[1][:3]:
                        fail(f'{where}: "{header}" is no header of tool/')
                    checked += 1
    for failure in failures:
        print(failure)
    print(f'{checked} includes checked, {len(failures)} against the rules')
    return 1 if failures else 0


sys.exit(main())

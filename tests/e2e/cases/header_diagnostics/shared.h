// A header included by both files of the program, with a sink kind no rule
// names: Clang reports it in each file, under that file's include stack;
// pii-flow says it once, with one include stack, and no stack alone.
#ifndef HEADER_DIAGNOSTICS_SHARED_H
#define HEADER_DIAGNOSTICS_SHARED_H

#include <pii/annotations.h>

#include <string>

PII_SINK("telemetry") void record(const std::string &event); // $ diag="no rule of the policy names the sink kind 'telemetry'"

#endif
// PII_EXIT: 0

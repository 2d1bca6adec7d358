#!/bin/bash
# Runs pii-flow ($REAL) and keeps its stdout in , one file per run.
out=$( "$@"); rc=$?
n=$(ls "" | wc -l)
printf '%s\n' "$out" | sed -E 's#/tmp/[^ :]*/##g' > "/$(printf %04d $n).out"
printf '%s\n' "$out"
exit $rc

//===- Report.h - What a run prints, and its exit status ---------*- C++
//-*-===//

#ifndef PII_CLI_REPORT_H
#define PII_CLI_REPORT_H

#include "core/ProgramAnalysis.h"

#include <cstddef>

namespace pii {

/// Exit status, SPEC section 4.
enum ExitCode { ExitClean = 0, ExitFindings = 1, ExitIncomplete = 2 };

/// Prints \p Result (compiler diagnostics and problems to stderr, findings
/// to stdout, statistics when \p Stats) for a run over \p Files files, and
/// returns the exit status. \p Incomplete: something was already missing
/// (an input file).
int report(const ProgramAnalysis &Result, size_t Files, bool Stats,
           bool Incomplete);

} // namespace pii

#endif // PII_CLI_REPORT_H

//===- Report.h - What a run prints, and its exit status --------*- C++ -*-===//
//
// Between the analysis and the reporters: the findings are prepared
// (report/FindingPipeline.h), and then each requested form is written. The
// exit status counts only what is left to fix.
//
//===----------------------------------------------------------------------===//

#ifndef PII_CLI_REPORT_H
#define PII_CLI_REPORT_H

#include "core/policy/PolicyFile.h"
#include "driver/ProgramAnalysis.h"
#include "report/SarifReporter.h"

#include <cstddef>
#include <set>
#include <string>

namespace pii {

/// Exit status, SPEC section 4.
enum ExitCode { ExitClean = 0, ExitFindings = 1, ExitIncomplete = 2 };

enum class OutputFormat { Text, Github };

struct ReportOptions {
  /// The files the run was asked to analyze.
  size_t Files = 0;
  const Policy *Rules = nullptr;
  /// An absolute directory; paths below it are reported relative to it.
  std::string SourceRoot;
  OutputFormat Format = OutputFormat::Text;
  /// Where to write a SARIF log, if anywhere.
  std::string SarifPath;
  /// Fingerprints of findings accepted earlier, if a baseline was given.
  const std::set<std::string> *Baseline = nullptr;
  bool Stats = false;
  /// What was said before the analysis (a missing file, a policy's
  /// warnings), for the SARIF log.
  std::vector<RunProblem> Problems;
  /// The declarations the policy files name, and where: an entry whose
  /// name the program does not declare is warned about.
  std::vector<PolicyNameUse> PolicyNames;
  /// The compiler's diagnostics shown while the files were analyzed.
  std::string DiagnosticsShown;
};

/// Prints \p Result (compiler diagnostics and problems to stderr, findings
/// to stdout, statistics when asked), writes the SARIF log, and returns the
/// exit status.
int report(ProgramAnalysis &Result, const ReportOptions &Options);

} // namespace pii

#endif // PII_CLI_REPORT_H

//===- SarifReporter.h - Findings as a SARIF 2.1.0 log ----------*- C++ -*-===//
//
// The log code reviewers read (GitHub code scanning, VS Code's SARIF viewer)
// and CI keeps as a baseline: one run with the policy's rules, one result per
// finding with the whole path as a code flow and the source declaration as a
// related location, files under the source root named relative to
// %SRCROOT%, and what could not be analyzed as tool notifications.
//
//===----------------------------------------------------------------------===//

#ifndef PII_REPORT_SARIFREPORTER_H
#define PII_REPORT_SARIFREPORTER_H

#include "core/model/Finding.h"
#include "core/policy/Policy.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include "report/SourceLines.h"

#include <optional>
#include <string>
#include <vector>

namespace pii {

struct SarifRun {
  /// Reported findings, and those accepted by a suppression comment (which
  /// the log marks as suppressed).
  const std::vector<Finding> &Findings;
  const Policy &Rules;
  /// Files that failed to compile or to analyze, misused suppressions...
  llvm::ArrayRef<RunProblem> Problems;
  /// An absolute directory.
  llvm::StringRef SourceRoot;
  /// The sources, for columns as viewers count them (Columns.h).
  SourceLines &Lines;
};

/// The SARIF log of \p Run, as text.
std::string sarifLog(const SarifRun &Run);

} // namespace pii

#endif // PII_REPORT_SARIFREPORTER_H

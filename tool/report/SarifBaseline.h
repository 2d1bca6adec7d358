//===- SarifBaseline.h - Findings accepted by an earlier log ----*- C++ -*-===//
//
// --baseline takes a SARIF log pii-flow wrote before (kept in the repository
// or a CI artifact) and reports only findings that are not in it, matched by
// fingerprint (Fingerprint.h), so that lines moving around them do not turn
// old findings into new ones.
//
//===----------------------------------------------------------------------===//

#ifndef PII_REPORT_SARIFBASELINE_H
#define PII_REPORT_SARIFBASELINE_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <set>
#include <string>

namespace pii {

/// Baselines larger than this are refused rather than read.
inline constexpr size_t MaxBaselineBytes = size_t(512) << 20;

/// The fingerprints of the results in the SARIF log \p Text. Errors are
/// PositionedErrors, or plain ones for a log that is not pii-flow's SARIF.
llvm::Expected<std::set<std::string>> parseBaseline(llvm::StringRef Text);

/// The same, from the file \p Path.
llvm::Expected<std::set<std::string>> readBaselineFile(llvm::StringRef Path);

} // namespace pii

#endif // PII_REPORT_SARIFBASELINE_H

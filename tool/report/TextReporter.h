//===- TextReporter.h - Findings in clang's diagnostic format ---*- C++ -*-===//
//
// `path:line:col: error: <message> [<rule-id>]` and then one `note:` line per
// step of the path, source first: the format compilers print, so editors'
// error parsers and CI problem matchers read it unchanged.
//
//===----------------------------------------------------------------------===//

#ifndef PII_REPORT_TEXTREPORTER_H
#define PII_REPORT_TEXTREPORTER_H

#include "core/model/Finding.h"

#include "llvm/Support/raw_ostream.h"

#include <vector>

namespace pii {

void printFindings(llvm::raw_ostream &OS, const std::vector<Finding> &Findings);

/// One line in that format: `path:line:col: <severity>: <message>`.
void printDiagnostic(llvm::raw_ostream &OS, const SourceSpot &Where,
                     llvm::StringRef Severity, llvm::StringRef Message);

} // namespace pii

#endif // PII_REPORT_TEXTREPORTER_H

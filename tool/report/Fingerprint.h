//===- Fingerprint.h - Names for findings that survive edits ----*- C++ -*-===//
//
// A baseline lists the findings a team has accepted for now; it must still
// match them after lines are added above. A fingerprint is therefore built
// from what the finding is (rule, purpose, source, sink, argument), the file
// it is in (relative to the source root) and the text of its sink line
// (whitespace aside), but not the line's number; findings alike in all of
// that are told apart by their order in the file, which unrelated edits do
// not change. A new flow on a line of its own gets a fingerprint of its own,
// even next to an old one to the same sink.
//
//===----------------------------------------------------------------------===//

#ifndef PII_REPORT_FINGERPRINT_H
#define PII_REPORT_FINGERPRINT_H

#include "core/model/Finding.h"
#include "report/SourceLines.h"

#include "llvm/ADT/StringRef.h"

#include <vector>

namespace pii {

/// Sets the Fingerprint of each of \p Findings (sorted, as link returns
/// them), reading their sink lines from \p Lines; paths under \p SourceRoot
/// count relative to it.
void assignFingerprints(std::vector<Finding> &Findings,
                        llvm::StringRef SourceRoot, SourceLines &Lines);

} // namespace pii

#endif // PII_REPORT_FINGERPRINT_H

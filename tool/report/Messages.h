//===- Messages.h - The words of findings and steps -------------*- C++ -*-===//
//
// The analysis keeps what it found as data (core/model); these are the
// only words it is said in, shared by every reporter so that they agree
// word for word, and kept out of every summary and cache entry so that
// rewording one changes nothing found.
//
//===----------------------------------------------------------------------===//

#ifndef PII_REPORT_MESSAGES_H
#define PII_REPORT_MESSAGES_H

#include "core/model/Finding.h"
#include "core/model/Summary.h"

#include "llvm/ADT/StringRef.h"

#include <string>

namespace pii {

/// The headline of \p F.
std::string findingMessage(const Finding &F);

/// The note for \p Step, e.g. "flows into 'digits'".
std::string stepMessage(const FlowStep &Step);

/// The name of \p Kind, as `--stats` shows it (e.g. "indirect-call").
llvm::StringRef approximationName(ApproximationKind Kind);

/// What \p A means for the findings, e.g. "inline assembly is not
/// analyzed; values it moves are not followed".
std::string approximationMessage(const Approximation &A);

} // namespace pii

#endif // PII_REPORT_MESSAGES_H

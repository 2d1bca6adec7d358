//===- Suppressions.h - Findings accepted in the source ---------*- C++ -*-===//
//
// A suppression comment (SuppressionComments.h) accepts a finding of a rule
// it names when it is on the line of the sink call (the line of the called
// function's name) or on the line of the sink argument, which differ when a
// call spans lines:
//
//   ads.upload(   // pii-flow: allow(security-to-advertising) consented, CF-12
//       hash(u.phone));
//
// An accepted finding does not fail the run, and it is not dropped either:
// SARIF records it as suppressed, with the reason. A malformed comment, one
// on a finding's line that does not name the finding's rule, and a rule no
// policy defines are errors: each would otherwise hide a finding nobody
// justified. A comment, or a rule in one, that accepts no finding (the code
// changed, or it is on the line above the call) is a warning: stale
// suppressions rot.
//
//===----------------------------------------------------------------------===//

#ifndef PII_REPORT_SUPPRESSIONS_H
#define PII_REPORT_SUPPRESSIONS_H

#include "core/model/Finding.h"
#include "core/model/Summary.h"
#include "core/policy/Policy.h"

#include "llvm/ADT/ArrayRef.h"

#include <vector>

namespace pii {

/// Sets the Justification of each of \p Findings that one of \p Comments
/// accepts, given the rules of \p P; returns the problems, in the order of
/// their places.
std::vector<PlacedProblem>
applySuppressions(std::vector<Finding> &Findings,
                  llvm::ArrayRef<SuppressionComment> Comments, const Policy &P);

} // namespace pii

#endif // PII_REPORT_SUPPRESSIONS_H

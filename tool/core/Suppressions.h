//===- Suppressions.h - Findings accepted in the source ---------*- C++ -*-===//
//
// A team may accept a flow, with a reason a reviewer can read, by a comment
// on the sink line:
//
//   ads.upload(hash(u.phone)); // pii-flow: allow(security-to-advertising)
//   consented in 2023 ToS v4
//
// Several rule ids may be listed, separated by commas. An accepted finding
// does not fail the run, and it is not dropped either: SARIF records it as
// suppressed, with the reason. A suppression without a reason, or naming a
// rule the line does not break, is itself an error: it would otherwise hide
// a finding nobody justified.
//
//===----------------------------------------------------------------------===//

#ifndef PII_CORE_SUPPRESSIONS_H
#define PII_CORE_SUPPRESSIONS_H

#include "core/Finding.h"
#include "core/SourceLines.h"

#include <string>
#include <vector>

namespace pii {

struct SuppressionProblem {
  SourceSpot Where;
  std::string Message;
};

/// Sets the Justification of each of \p Findings that a comment on its sink
/// line accepts, reading the lines from \p Lines; returns the malformed
/// comments.
std::vector<SuppressionProblem>
applySuppressions(std::vector<Finding> &Findings, SourceLines &Lines);

} // namespace pii

#endif // PII_CORE_SUPPRESSIONS_H

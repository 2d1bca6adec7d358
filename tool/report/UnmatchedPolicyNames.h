//===- UnmatchedPolicyNames.h - Entries applying to nothing -----*- C++ -*-===//
//
// A policy entry whose name the program does not declare (a typo, a field
// renamed since the policy was written) switches a check off without a
// word: a source that is never read, a sink never reached. Once the
// program is analyzed, each such entry is a warning (an error with
// --werror-unknown-purpose) at its place in the policy file, with the
// declaration it probably means.
//
//===----------------------------------------------------------------------===//

#ifndef PII_REPORT_UNMATCHEDPOLICYNAMES_H
#define PII_REPORT_UNMATCHEDPOLICYNAMES_H

#include "core/model/Finding.h"
#include "core/policy/PolicyFile.h"

#include "llvm/ADT/ArrayRef.h"

#include <vector>

namespace pii {

/// A problem of \p Level (a warning, or an error where unknown names are)
/// for each of \p Uses that \p Declared (what the program declares of the
/// names the policy gives, sorted) does not hold, in the order of \p Uses:
/// declared as another kind, declared close to it, or not at all.
std::vector<RunProblem>
unmatchedPolicyNames(llvm::ArrayRef<PolicyNameUse> Uses,
                     llvm::ArrayRef<PolicyName> Declared, RuleLevel Level);

} // namespace pii

#endif // PII_REPORT_UNMATCHEDPOLICYNAMES_H

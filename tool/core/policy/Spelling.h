//===- Spelling.h - "Did you mean ...?" -------------------------*- C++ -*-===//

#ifndef PII_CORE_POLICY_SPELLING_H
#define PII_CORE_POLICY_SPELLING_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>

namespace pii {

/// The name in \p Known that \p Unknown is probably a misspelling of: the
/// closest, with at most about a third of its letters wrong.
std::optional<std::string>
closestSpelling(llvm::StringRef Unknown, llvm::ArrayRef<llvm::StringRef> Known);

/// " (did you mean "x"?)" for closestSpelling's answer, or "".
std::string didYouMean(llvm::StringRef Unknown,
                       llvm::ArrayRef<llvm::StringRef> Known);

} // namespace pii

#endif // PII_CORE_POLICY_SPELLING_H

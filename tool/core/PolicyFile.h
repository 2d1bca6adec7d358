//===- PolicyFile.h - Reads a --policy file --------------------*- C++ -*-===//
//
// The JSON policy file of SPEC section 3. Its rules are added to the
// built-in one (a rule with the built-in's id replaces it, to change its
// level or kinds); its sources, sinks and declassifiers are added to what
// the code's annotations say.
//
// A policy decides what fails a build, so nothing in it is guessed: an
// unknown key, a wrong type or an unknown level is an error at the line and
// column of the value at fault, and nothing is analyzed. A purpose or sink
// kind that no rule names is a warning, with the rule's name it is probably
// a misspelling of: a typo must not silently disable a check.
//
//===----------------------------------------------------------------------===//

#ifndef PII_CORE_POLICYFILE_H
#define PII_CORE_POLICYFILE_H

#include "core/JsonDocument.h"
#include "core/Policy.h"

#include "llvm/Support/Error.h"

#include <string>
#include <vector>

namespace pii {

struct PolicyWarning {
  TextPosition Where;
  std::string Message;
};

struct PolicyFile {
  Policy Rules;
  std::vector<PolicyWarning> Warnings;
};

/// Policy files larger than this are refused rather than read.
inline constexpr size_t MaxPolicyFileBytes = 16 << 20;

/// Reads a policy from \p Text. Errors are PositionedErrors.
llvm::Expected<PolicyFile> parsePolicy(llvm::StringRef Text);

/// Reads the policy file \p Path. Errors are PositionedErrors for problems
/// in the file, plain errors when it cannot be read.
llvm::Expected<PolicyFile> readPolicyFile(llvm::StringRef Path);

} // namespace pii

#endif // PII_CORE_POLICYFILE_H

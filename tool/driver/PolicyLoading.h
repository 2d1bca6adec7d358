//===- PolicyLoading.h - The policy a tool runs with ------------*- C++ -*-===//
//
// pii-flow and pii-clangd read --policy files the same way: their warnings
// and errors go to stderr as a compiler prints them, at the file's line and
// column, and an invalid file means nothing is analyzed.
//
//===----------------------------------------------------------------------===//

#ifndef PII_DRIVER_POLICYLOADING_H
#define PII_DRIVER_POLICYLOADING_H

#include "core/model/Finding.h"
#include "core/policy/Policy.h"
#include "core/policy/PolicyFile.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"

#include <optional>
#include <string>
#include <vector>

namespace pii {

/// Prints \p E, which is about \p Path unless it names its file; a
/// PositionedError as a compiler prints an error in a file.
void printFileError(llvm::Error E, llvm::StringRef Path);

struct LoadedPolicy {
  Policy Rules;
  /// What was said about the files (already printed), for the SARIF log.
  std::vector<RunProblem> Problems;
  /// The declarations the files name, and where (PolicyFile::Names).
  std::vector<PolicyNameUse> Names;
};

/// The built-in policy with the files \p Paths added, in order (see
/// PolicyBuilder). With \p UnknownNamesAreErrors, a purpose or sink kind no
/// rule names is an error (the run is incomplete), in the files and in the
/// code's annotations alike, rather than a warning. Prints what is wrong;
/// on an error that makes the policy unusable, returns nothing.
std::optional<LoadedPolicy> loadPolicy(llvm::ArrayRef<std::string> Paths,
                                       bool UnknownNamesAreErrors = false);

} // namespace pii

#endif // PII_DRIVER_POLICYLOADING_H

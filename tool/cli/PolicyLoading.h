//===- PolicyLoading.h - The policy a tool runs with ------------*- C++ -*-===//
//
// pii-flow and pii-clangd read a --policy file the same way: its warnings
// and errors go to stderr as a compiler prints them, at the file's line and
// column, and an invalid file means nothing is analyzed.
//
//===----------------------------------------------------------------------===//

#ifndef PII_CLI_POLICYLOADING_H
#define PII_CLI_POLICYLOADING_H

#include "core/Policy.h"

#include "llvm/Support/Error.h"

#include <optional>

namespace pii {

/// Prints \p E, which is about \p Path; a PositionedError as a compiler
/// prints an error in a file.
void printFileError(llvm::Error E, llvm::StringRef Path);

/// The built-in policy, with the file \p PolicyPath's added (none: empty).
/// Prints the file's warnings; on an error, prints it and returns nothing.
std::optional<Policy> loadPolicy(llvm::StringRef PolicyPath);

} // namespace pii

#endif // PII_CLI_POLICYLOADING_H

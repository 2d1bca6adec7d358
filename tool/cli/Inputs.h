//===- Inputs.h - Which files, compiled how ----------------------*- C++
//-*-===//
//
// The files to analyze and their compile commands, from `-- ARGS`, from
// `-p BUILD_DIR`, or from a compile_commands.json above the first file.
//
//===----------------------------------------------------------------------===//

#ifndef PII_CLI_INPUTS_H
#define PII_CLI_INPUTS_H

#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/Error.h"

#include <memory>
#include <string>
#include <vector>

namespace pii {

struct Inputs {
  std::unique_ptr<clang::tooling::CompilationDatabase> Commands;
  std::vector<std::string> Files;
  std::vector<std::string> MissingFiles;
};

/// \p Files as given (empty: every file of the build directory), with the
/// commands of \p FromArgs (`--`) or \p BuildDir (`-p`).
llvm::Expected<Inputs>
chooseInputs(const std::vector<std::string> &Files, llvm::StringRef BuildDir,
             std::unique_ptr<clang::tooling::CompilationDatabase> FromArgs);

} // namespace pii

#endif // PII_CLI_INPUTS_H

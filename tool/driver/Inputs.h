//===- Inputs.h - Which files, compiled how ---------------------*- C++ -*-===//
//
// The files to analyze and their compile commands, from `-- ARGS`, from
// `-p BUILD_DIR`, or from a compile_commands.json above the first file.
//
//===----------------------------------------------------------------------===//

#ifndef PII_DRIVER_INPUTS_H
#define PII_DRIVER_INPUTS_H

#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/Error.h"

#include <memory>
#include <string>
#include <vector>

namespace pii {

/// A file named that cannot be analyzed.
struct UnreadableFile {
  std::string File;
  /// Why, as "no such file".
  std::string Problem;
};

struct Inputs {
  /// One command per file: a file a compile_commands.json lists several
  /// times is analyzed with the first, as clangd does.
  std::unique_ptr<clang::tooling::CompilationDatabase> Commands;
  /// Each once, in the order given.
  std::vector<std::string> Files;
  std::vector<UnreadableFile> Unreadable;
};

/// Where a file's compile commands come from, found as clangd finds them.
struct CommandSource {
  enum KindT {
    /// A compile_commands.json: the program is every file it lists.
    Database,
    /// A compile_flags.txt: the same flags for every file, and no list of
    /// them.
    FlagsFile,
    /// Neither: the compiler's defaults.
    Defaults,
  } Kind;
  std::string Directory;
};

/// The nearest directory above \p File (absolute) holding a
/// compile_commands.json or a compile_flags.txt; with \p InBuild, also one
/// whose build/ holds a compile_commands.json, as clangd looks. The file's
/// own directory, with the defaults, if none does.
CommandSource findCommandSource(llvm::StringRef File, bool InBuild);

/// The commands \p Source gives, every file of a database's with them.
llvm::Expected<std::unique_ptr<clang::tooling::CompilationDatabase>>
loadCommands(const CommandSource &Source);

/// \p Files as given (empty: every file of the build directory), with the
/// commands of \p FromArgs (`--`) or \p BuildDir (`-p`); with neither,
/// those of the command source above the first file.
llvm::Expected<Inputs>
chooseInputs(const std::vector<std::string> &Files, llvm::StringRef BuildDir,
             std::unique_ptr<clang::tooling::CompilationDatabase> FromArgs);

} // namespace pii

#endif // PII_DRIVER_INPUTS_H

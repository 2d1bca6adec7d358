//===- ParseTool.cpp ------------------------------------------------------===//

#include "core/ParseTool.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/VirtualFileSystem.h"

using namespace clang;

namespace pii {
namespace {

/// Flags GCC accepts and Clang rejects as unknown arguments; compile
/// databases written for g++ carry them.
constexpr llvm::StringLiteral GccOnlyFlagPrefixes[] = {
    "-fconcepts-diagnostics-depth=",
    "-fno-tree-",
    "-ftree-",
    "-fmax-include-depth=",
    "-fno-allow-store-data-races",
    "-mno-direct-extern-access",
    "-fipa-",
    "-fno-ipa-",
    "-fcond-mismatch",
};

tooling::CommandLineArguments
adjustForLibTooling(const tooling::CommandLineArguments &Args,
                    llvm::StringRef /*File*/) {
  tooling::CommandLineArguments Result;
  bool HasResourceDir = false;
  for (const std::string &Arg : Args) {
    llvm::StringRef A(Arg);
    if (llvm::any_of(GccOnlyFlagPrefixes,
                     [&](llvm::StringRef P) { return A.starts_with(P); }))
      continue;
    HasResourceDir |= A.starts_with("-resource-dir");
    Result.push_back(Arg);
  }
  // Clang's builtin headers (stddef.h, ...): LibTooling would look for them
  // next to this binary, where they are not.
  if (!HasResourceDir && !Result.empty())
    Result.insert(Result.begin() + 1, "-resource-dir=" PII_CLANG_RESOURCE_DIR);
  // The user's compiler warnings are not ours to report, and -Werror in a
  // build's flags must not turn them into failed translation units.
  Result.push_back("-w");
  Result.push_back("-Wno-unknown-warning-option");
  // The compiler prints "N errors generated." straight to stderr, outside
  // the per-file diagnostics buffer (and so out of order under -j); it does
  // not with this option, which our own printer does not read.
  Result.push_back("-fno-caret-diagnostics");
  return Result;
}

} // namespace

std::unique_ptr<tooling::ClangTool>
parseToolFor(const tooling::CompilationDatabase &Commands,
             const std::string &File, const FileOverlay &Overlay) {
  // A file system of its own: the shared real one follows the compile
  // command's directory by changing the process's working directory, which
  // parallel tools would race on.
  auto Tool = std::make_unique<tooling::ClangTool>(
      Commands, std::vector<std::string>{File},
      std::make_shared<PCHContainerOperations>(),
      llvm::vfs::createPhysicalFileSystem());
  Tool->appendArgumentsAdjuster(adjustForLibTooling);
  for (const auto &[Path, Text] : Overlay)
    Tool->mapVirtualFile(Path, Text);
  Tool->setPrintErrorMessage(false);
  return Tool;
}

} // namespace pii

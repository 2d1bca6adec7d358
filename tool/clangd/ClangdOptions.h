//===- ClangdOptions.h - pii-clangd's command line --------------*- C++ -*-===//
//
// pii-clangd stands where the editor expects clangd, so its command line is
// clangd's with two options of its own. It is read by hand rather than by
// llvm::cl: llvm::cl would answer --help and --version itself (editors
// parse clangd's version line) and refuse the options it does not know,
// which are clangd's and must reach it unchanged and in order.
//
//===----------------------------------------------------------------------===//

#ifndef PII_CLANGD_CLANGDOPTIONS_H
#define PII_CLANGD_CLANGDOPTIONS_H

#include "llvm/ADT/ArrayRef.h"

#include <optional>
#include <string>
#include <vector>

namespace pii {

struct ClangdOptions {
  /// --clangd: the clangd to run.
  std::string Clangd = "clangd-19";
  /// --policy, each time given.
  std::vector<std::string> PolicyPaths;
  /// Every other argument, for clangd.
  std::vector<std::string> ClangdArgs;
  /// clangd's --compile-commands-dir, which the analysis follows too.
  std::optional<std::string> BuildDir;
  /// --help or --version: clangd answers, after pii-clangd's own help.
  bool ClangdAnswersAlone = false;
  bool PrintOwnHelp = false;
};

/// Reads the arguments after the program's name.
ClangdOptions parseClangdOptions(llvm::ArrayRef<const char *> Args);

} // namespace pii

#endif // PII_CLANGD_CLANGDOPTIONS_H

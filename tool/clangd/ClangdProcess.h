//===- ClangdProcess.h - The real clangd, behind pii-clangd -----*- C++ -*-===//

#ifndef PII_CLANGD_CLANGDPROCESS_H
#define PII_CLANGD_CLANGDPROCESS_H

#include "llvm/Support/Error.h"

#include <string>
#include <sys/types.h>
#include <utility>
#include <vector>

namespace pii {

/// clangd started with pipes to its standard input and output; its standard
/// error is ours, so its log lands where the editor keeps pii-clangd's.
class ClangdProcess {
public:
  /// Starts \p Program (found on PATH unless it has a slash) with \p Args.
  static llvm::Expected<ClangdProcess>
  start(const std::string &Program, const std::vector<std::string> &Args);

  /// Hands clangd's input over: the caller closes it, and clangd ends when
  /// it is closed.
  int takeInput() { return std::exchange(In, -1); }
  int output() const { return Out; }
  /// Closes clangd's input, unless it was taken, and waits for clangd; its
  /// exit status, or 128 plus the signal that ended it.
  int finish();

private:
  pid_t Pid = -1;
  int In = -1;
  int Out = -1;
};

} // namespace pii

#endif // PII_CLANGD_CLANGDPROCESS_H

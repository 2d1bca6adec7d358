//===- CompilerDiagnostics.h - Each said once, in order ---------*- C++ -*-===//
//
// Every file that includes a header finds the header's problems; a run says
// each once, file by file in the order the files were given, so that -j
// changes nothing but the time.
//
//===----------------------------------------------------------------------===//

#ifndef PII_DRIVER_COMPILERDIAGNOSTICS_H
#define PII_DRIVER_COMPILERDIAGNOSTICS_H

#include "llvm/ADT/StringRef.h"

#include <functional>
#include <mutex>
#include <set>
#include <string>
#include <vector>

namespace pii {

/// Called with the compiler's diagnostics while a program is analyzed, in
/// file order, each said once.
using DiagnosticsShower = std::function<void(llvm::StringRef)>;

/// Appends to \p Out the diagnostics in \p Text not appended before: every
/// file that includes a header finds that header's problems, which are said
/// once. A diagnostic is its first line with the notes and source lines
/// under it, after the include stack that led to it; the stack differs
/// from file to file and is not part of what is compared.
void appendNewDiagnostics(std::string &Out, llvm::StringRef Text,
                          std::set<std::string> &Seen);

/// Shows the files' diagnostics as the files are done, in file order (so
/// that -j changes nothing), each said once: those of a file as soon as it
/// and every file before it are done.
class DiagnosticsInFileOrder {
public:
  DiagnosticsInFileOrder(size_t Files, const DiagnosticsShower &Show)
      : Texts(Files), Done(Files), Show(Show) {}

  /// From the pool: file \p I is done, with \p Text.
  void done(size_t I, llvm::StringRef Text);

private:
  std::vector<std::string> Texts;
  std::vector<bool> Done;
  const DiagnosticsShower &Show;
  std::mutex Lock;
  size_t Next = 0;
  std::set<std::string> Seen;
};

} // namespace pii

#endif // PII_DRIVER_COMPILERDIAGNOSTICS_H

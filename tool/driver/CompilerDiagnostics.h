//===- CompilerDiagnostics.h - Each said once, in order ---------*- C++ -*-===//
//
// Every file that includes a header finds the header's problems; a run says
// each once, file by file in the order the files were given, so that -j
// changes nothing but the time.
//
//===----------------------------------------------------------------------===//

#ifndef PII_DRIVER_COMPILERDIAGNOSTICS_H
#define PII_DRIVER_COMPILERDIAGNOSTICS_H

#include "core/model/CompilerDiagnostic.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

#include <functional>
#include <mutex>
#include <set>
#include <string>
#include <tuple>
#include <vector>

namespace pii {

/// Called with the compiler's diagnostics while a program is analyzed, in
/// file order, each said once.
using DiagnosticsShower = std::function<void(llvm::StringRef)>;

/// The diagnostics said so far, each once: every file that includes a
/// header finds that header's problems again.
class SaidDiagnostics {
public:
  /// Appends to \p Out the text of each of \p Diagnostics not said before.
  void appendNew(std::string &Out,
                 llvm::ArrayRef<CompilerDiagnostic> Diagnostics);

private:
  std::set<std::tuple<DiagnosticLevel, SourceSpot, std::string>> Seen;
};

/// Shows the files' diagnostics as the files are done, in file order (so
/// that -j changes nothing), each said once: those of a file as soon as it
/// and every file before it are done.
class DiagnosticsInFileOrder {
public:
  DiagnosticsInFileOrder(size_t Files, const DiagnosticsShower &Show)
      : PerFile(Files), Done(Files), Show(Show) {}

  /// From the pool: file \p I is done, with \p Diagnostics.
  void done(size_t I, llvm::ArrayRef<CompilerDiagnostic> Diagnostics);

private:
  std::vector<std::vector<CompilerDiagnostic>> PerFile;
  std::vector<bool> Done;
  const DiagnosticsShower &Show;
  std::mutex Lock;
  size_t Next = 0;
  SaidDiagnostics Said;
};

} // namespace pii

#endif // PII_DRIVER_COMPILERDIAGNOSTICS_H

//===- PreambleDiagnostics.h - Print as if without a preamble ---*- C++ -*-===//
//
// A parse that loaded a preamble (Preamble.h) knows a header by the name
// the PCH recorded (absolute), included from the preamble's own header,
// which the PCH counts as included at the top of the file. Clang would print
// a diagnostic in the header with that include stack:
//
//   In file included from a.cpp:1:
//   In file included from /src/a.cpp.pii-preamble.h:2:
//   /src/app.h:4:3: warning: ...
//
// where a parse without the preamble prints
//
//   In file included from a.cpp:3:
//   ./app.h:4:3: warning: ...
//
// This printer makes the first print as the second, so that what a user
// reads does not depend on whether a preamble was used: before each
// diagnostic it gives the loaded files on its include stack their names back
// (line notes, as a #line directive would), and it drops the level the PCH
// adds on top.
//
//===----------------------------------------------------------------------===//

#ifndef PII_DRIVER_PREAMBLEDIAGNOSTICS_H
#define PII_DRIVER_PREAMBLEDIAGNOSTICS_H

#include "driver/Preamble.h"

#include "clang/Basic/Diagnostic.h"
#include "clang/Frontend/TextDiagnosticPrinter.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/raw_ostream.h"

namespace pii {

class PreambleDiagnosticPrinter : public clang::DiagnosticConsumer {
public:
  /// Prints to \p Out, as \p Options say (presumed locations shown), the
  /// diagnostics of a parse of the file with \p Includes that loaded
  /// \p Pre, whose header is \p HeaderPath.
  PreambleDiagnosticPrinter(llvm::raw_ostream &Out,
                            clang::DiagnosticOptions *Options,
                            const Preamble &Pre,
                            const LeadingIncludes &Includes,
                            llvm::StringRef HeaderPath);

  void BeginSourceFile(const clang::LangOptions &Lang,
                       const clang::Preprocessor *PP) override;
  void EndSourceFile() override;
  void finish() override;
  void HandleDiagnostic(clang::DiagnosticsEngine::Level Level,
                        const clang::Diagnostic &Info) override;

  /// Whether a diagnostic could not be printed as without the preamble: one
  /// with no location (the PCH could not be used), or in a header with
  /// #line directives of its own; or whether an error is in a header, which
  /// the PCH may have caused. The parse is better done again without.
  bool unfaithful() const { return Unfaithful; }

private:
  /// Gives each loaded file on \p Loc's include stack the name and lines a
  /// parse without the preamble knows it by; false when one cannot be.
  bool nameAsWithout(clang::SourceLocation Loc);
  bool nameAsWithout(clang::FileID File);
  /// Drops the level the PCH adds on top of \p Text's include stack.
  std::string withoutPchLevel(llvm::StringRef Text) const;

  llvm::raw_ostream &Out;
  const LeadingIncludes &Includes;
  std::string HeaderPath;
  llvm::StringMap<std::string> Spelled;
  clang::SourceManager *SM = nullptr;
  llvm::DenseSet<clang::FileID> Named;
  std::string MainName;
  std::string Scratch;
  llvm::raw_string_ostream ScratchStream{Scratch};
  clang::TextDiagnosticPrinter Printer;
  bool Unfaithful = false;
};

} // namespace pii

#endif // PII_DRIVER_PREAMBLEDIAGNOSTICS_H

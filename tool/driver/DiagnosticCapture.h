//===- DiagnosticCapture.h - A parse's diagnostics, one by one --*- C++ -*-===//
//
// Wraps the printer a parse reports through (Clang's, or the one that
// prints as if without a preamble) and keeps each diagnostic as a
// CompilerDiagnostic: its level, place and message from Clang's own
// Diagnostic, its text from what the printer wrote for it.
//
//===----------------------------------------------------------------------===//

#ifndef PII_DRIVER_DIAGNOSTICCAPTURE_H
#define PII_DRIVER_DIAGNOSTICCAPTURE_H

#include "core/model/CompilerDiagnostic.h"

#include "clang/Basic/Diagnostic.h"

#include <string>
#include <vector>

namespace pii {

class DiagnosticCapture : public clang::DiagnosticConsumer {
public:
  /// \p Printer writes to \p Printed; what it writes for each diagnostic
  /// goes to \p Out.
  DiagnosticCapture(clang::DiagnosticConsumer &Printer, std::string &Printed,
                    std::vector<CompilerDiagnostic> &Out)
      : Printer(Printer), Printed(Printed), Out(Out) {}

  void BeginSourceFile(const clang::LangOptions &Lang,
                       const clang::Preprocessor *PP) override {
    Printer.BeginSourceFile(Lang, PP);
  }
  void EndSourceFile() override { Printer.EndSourceFile(); }
  void finish() override { Printer.finish(); }
  void HandleDiagnostic(clang::DiagnosticsEngine::Level Level,
                        const clang::Diagnostic &Info) override;

  /// Whether the parse stopped at a fatal error other than Clang's limit
  /// of errors: a file it could not find or open, a precompiled header
  /// it could not use. A parse again may not stop there.
  bool stoppedShort() const { return StoppedShort; }

private:
  bool StoppedShort = false;
  clang::DiagnosticConsumer &Printer;
  std::string &Printed;
  std::vector<CompilerDiagnostic> &Out;
};

} // namespace pii

#endif // PII_DRIVER_DIAGNOSTICCAPTURE_H

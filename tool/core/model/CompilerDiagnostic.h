//===- CompilerDiagnostic.h - What the compiler said, as data ---*- C++ -*-===//
//
// A parse's diagnostics (errors in the code, misused annotations), kept per
// diagnostic with what identifies it, so that a run can say each once
// although every file that includes a header finds the header's problems
// again, without reading it back out of printed text.
//
//===----------------------------------------------------------------------===//

#ifndef PII_CORE_MODEL_COMPILERDIAGNOSTIC_H
#define PII_CORE_MODEL_COMPILERDIAGNOSTIC_H

#include "core/model/Finding.h"

#include <cstdint>
#include <string>
#include <tuple>

namespace pii {

enum class DiagnosticLevel : uint8_t { Note, Remark, Warning, Error, Fatal };

struct CompilerDiagnostic {
  DiagnosticLevel Level = DiagnosticLevel::Error;
  /// Where Clang placed it (after #line directives), absolute; nowhere for
  /// a diagnostic of the compiler driver.
  SourceSpot Where;
  std::string Message;
  /// As Clang printed it: the include stack that led to it (when it
  /// differs from the previous diagnostic's), the diagnostic with its
  /// source line, and its notes.
  std::string Text;

  /// Two diagnostics are the same problem when these agree, whichever file
  /// included the header they are in.
  auto identity() const { return std::tie(Level, Where, Message); }
};

} // namespace pii

#endif // PII_CORE_MODEL_COMPILERDIAGNOSTIC_H

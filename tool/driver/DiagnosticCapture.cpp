//===- DiagnosticCapture.cpp ----------------------------------------------===//

#include "driver/DiagnosticCapture.h"
#include "core/analysis/FlowSteps.h"

#include "clang/Basic/DiagnosticIDs.h"

#include "llvm/ADT/SmallString.h"

using namespace clang;

namespace pii {

static DiagnosticLevel levelOf(DiagnosticsEngine::Level Level) {
  switch (Level) {
  case DiagnosticsEngine::Ignored:
  case DiagnosticsEngine::Note:
    return DiagnosticLevel::Note;
  case DiagnosticsEngine::Remark:
    return DiagnosticLevel::Remark;
  case DiagnosticsEngine::Warning:
    return DiagnosticLevel::Warning;
  case DiagnosticsEngine::Error:
    return DiagnosticLevel::Error;
  case DiagnosticsEngine::Fatal:
    return DiagnosticLevel::Fatal;
  }
  return DiagnosticLevel::Error;
}

/// Where \p Info is, as its printer placed it: the presumed location (after
/// #line directives, and the names a preamble's printer gave back), as a
/// step's place is written.
static SourceSpot placeOf(const Diagnostic &Info) {
  if (!Info.hasSourceManager() || Info.getLocation().isInvalid())
    return {};
  return spotOf(Info.getSourceManager(), Info.getLocation());
}

void DiagnosticCapture::HandleDiagnostic(DiagnosticsEngine::Level Level,
                                         const Diagnostic &Info) {
  DiagnosticConsumer::HandleDiagnostic(Level, Info);
  if (Level == DiagnosticsEngine::Fatal &&
      Info.getID() != diag::fatal_too_many_errors)
    StoppedShort = true;
  size_t Before = Printed.size();
  Printer.HandleDiagnostic(Level, Info);
  std::string Text = Printed.substr(Before);
  // A note belongs to the diagnostic before it.
  if (Level == DiagnosticsEngine::Note && !Out.empty()) {
    Out.back().Text += Text;
    return;
  }
  CompilerDiagnostic &D = Out.emplace_back();
  D.Level = levelOf(Level);
  D.Where = placeOf(Info);
  llvm::SmallString<128> Message;
  Info.FormatDiagnostic(Message);
  D.Message = Message.str().str();
  D.Text = std::move(Text);
}

} // namespace pii

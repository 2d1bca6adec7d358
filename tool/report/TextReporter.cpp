//===- TextReporter.cpp ---------------------------------------------------===//

#include "report/TextReporter.h"
#include "report/Messages.h"

namespace pii {

void printDiagnostic(llvm::raw_ostream &OS, const SourceSpot &Where,
                     llvm::StringRef Severity, llvm::StringRef Message) {
  OS << Where.File << ':' << Where.Line << ':' << Where.Column << ": "
     << Severity << ": " << Message << '\n';
}

void printFindings(llvm::raw_ostream &OS,
                   const std::vector<Finding> &Findings) {
  for (const Finding &F : Findings) {
    printDiagnostic(OS, F.Where, toString(F.Level),
                    findingMessage(F) + " [" + F.RuleId + "]");
    for (const FlowStep &Step : F.Steps)
      printDiagnostic(OS, Step.Where, "note", stepMessage(Step));
  }
}

} // namespace pii

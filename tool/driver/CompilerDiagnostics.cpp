//===- CompilerDiagnostics.cpp --------------------------------------------===//

#include "driver/CompilerDiagnostics.h"

namespace pii {

void SaidDiagnostics::appendNew(
    std::string &Out, llvm::ArrayRef<CompilerDiagnostic> Diagnostics) {
  for (const CompilerDiagnostic &D : Diagnostics)
    if (Seen.emplace(D.Level, D.Where, D.Message).second)
      Out += D.Text;
}

void DiagnosticsInFileOrder::done(
    size_t I, llvm::ArrayRef<CompilerDiagnostic> Diagnostics) {
  std::lock_guard<std::mutex> Guard(Lock);
  PerFile[I] = Diagnostics.vec();
  Done[I] = true;
  for (; Next < Done.size() && Done[Next]; ++Next) {
    std::string New;
    Said.appendNew(New, PerFile[Next]);
    std::vector<CompilerDiagnostic>().swap(PerFile[Next]);
    if (!New.empty())
      Show(New);
  }
}

} // namespace pii

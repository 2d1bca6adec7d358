//===- CompilerDiagnostics.cpp --------------------------------------------===//

#include "driver/CompilerDiagnostics.h"

#include "llvm/ADT/StringExtras.h"

namespace pii {

void appendNewDiagnostics(std::string &Out, llvm::StringRef Text,
                          std::set<std::string> &Seen) {
  auto IsIncludeStack = [](llvm::StringRef Line) {
    return Line.starts_with("In file included from ");
  };
  auto StartsDiagnostic = [](llvm::StringRef Line) {
    return !Line.empty() && !llvm::isSpace(Line.front()) &&
           !Line.contains(": note: ");
  };
  auto LineEnd = [&](size_t From) {
    size_t End = Text.find('\n', From);
    return End == llvm::StringRef::npos ? Text.size() : End + 1;
  };
  while (!Text.empty()) {
    size_t Own = 0;
    while (Own < Text.size() && IsIncludeStack(Text.drop_front(Own)))
      Own = LineEnd(Own);
    size_t End = LineEnd(Own);
    while (End < Text.size() && !StartsDiagnostic(Text.drop_front(End)))
      End = LineEnd(End);
    llvm::StringRef Diagnostic = Text.take_front(End);
    if (Seen.insert(Diagnostic.drop_front(Own).str()).second)
      Out += Diagnostic;
    Text = Text.drop_front(End);
  }
}

void DiagnosticsInFileOrder::done(size_t I, llvm::StringRef Text) {
  std::lock_guard<std::mutex> Guard(Lock);
  Texts[I] = Text.str();
  Done[I] = true;
  for (; Next < Done.size() && Done[Next]; ++Next) {
    std::string New;
    appendNewDiagnostics(New, Texts[Next], Seen);
    std::string().swap(Texts[Next]);
    if (!New.empty())
      Show(New);
  }
}

} // namespace pii

//===- ClassHierarchy.cpp -------------------------------------------------===//

#include "core/link/ClassHierarchy.h"
#include "core/model/StableDigest.h"

#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

namespace pii {

void ClassHierarchy::add(const ClassInfo &Class) {
  Answers.clear(); // what was answered may not hold with the new class
  auto &Known = Bases[Class.Usr];
  for (Symbol Base : Class.Bases)
    if (!llvm::is_contained(Known, Base)) {
      Known.push_back(Base);
      Derived[Base].push_back(Class.Usr);
      // By text, not by the symbols' addresses: it is compared with a
      // digest of another process's.
      Digest += StableDigest::of({Class.Usr.digest(), Base.digest()});
    }
}

bool ClassHierarchy::derivesFrom(Symbol Class, Symbol Base) const {
  // Iterative, and each class once: units that disagree on a class's bases
  // (an ODR violation) may make them a cycle.
  llvm::SmallVector<Symbol, 8> Work{Class};
  llvm::DenseSet<Symbol> Seen{Class};
  while (!Work.empty()) {
    Symbol Next = Work.pop_back_val();
    if (Next == Base)
      return true;
    if (auto It = Bases.find(Next); It != Bases.end())
      for (Symbol Direct : It->second)
        if (Seen.insert(Direct).second)
          Work.push_back(Direct);
  }
  return false;
}

bool ClassHierarchy::mayBeBoth(Symbol A, Symbol B) const {
  if (A == B)
    return true;
  auto [It, New] = Answers.try_emplace({A, B}, false);
  if (!New)
    return It->second;
  // Every class deriving from A, A included, until one derives from B.
  llvm::SmallVector<Symbol, 8> Work{A};
  llvm::DenseSet<Symbol> Seen{A};
  bool Both = false;
  while (!Work.empty() && !Both) {
    Symbol Class = Work.pop_back_val();
    Both = derivesFrom(Class, B);
    if (auto D = Derived.find(Class); D != Derived.end())
      for (Symbol Below : D->second)
        if (Seen.insert(Below).second)
          Work.push_back(Below);
  }
  It->second = Both;
  return Both;
}

/// Whether \p Usr is of a declaration local to a function, whose USR
/// begins with its own place in its file, counted from the function's
/// (`c:a.cc@~56@...`, analysis/AnalysisContext.cpp) or not (`c:a.cc@1234@`):
/// a local class's field and method then begin differently, and their
/// class cannot be read from either.
static bool isLocal(llvm::StringRef Usr) {
  if (!Usr.consume_front("c:"))
    return false;
  size_t At = Usr.find('@');
  if (At == llvm::StringRef::npos)
    return false;
  llvm::StringRef Offset =
      Usr.drop_front(At + 1).take_until([](char C) { return C == '@'; });
  Offset.consume_front("~");
  Offset.consume_front("-");
  return !Offset.empty() && llvm::all_of(Offset, llvm::isDigit);
}

/// The part of \p Usr before the last \p Marker, if it has one.
static std::optional<Symbol> parentIn(Symbol Usr, llvm::StringRef Marker) {
  llvm::StringRef Text = Usr.text();
  if (isLocal(Text))
    return std::nullopt;
  size_t At = Text.rfind(Marker);
  if (At == llvm::StringRef::npos || At == 0)
    return std::nullopt;
  return Symbol(Text.take_front(At));
}

std::optional<Symbol> ClassHierarchy::classOfField(Symbol Field) {
  return parentIn(Field, "@FI@");
}

std::optional<Symbol> ClassHierarchy::classOfMethod(Symbol Method) {
  return parentIn(Method, "@F@");
}

} // namespace pii

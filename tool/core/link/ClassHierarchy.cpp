//===- ClassHierarchy.cpp -------------------------------------------------===//

#include "core/link/ClassHierarchy.h"
#include "core/model/StableDigest.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

namespace pii {

void ClassHierarchy::add(const ClassInfo &Class) {
  Related.clear(); // what was answered may not hold with the new class
  auto Number = [&](Symbol C) {
    if (Ids.try_emplace(C, Classes.size()).second)
      Classes.push_back(C);
  };
  Number(Class.Usr);
  auto &Known = Bases[Class.Usr];
  for (Symbol Base : Class.Bases)
    if (!llvm::is_contained(Known, Base)) {
      Number(Base);
      Known.push_back(Base);
      Derived[Base].push_back(Class.Usr);
      // By text, not by the symbols' addresses: it is compared with a
      // digest of another process's.
      Digest += StableDigest::of({Class.Usr.digest(), Base.digest()});
    }
}

std::optional<unsigned> ClassHierarchy::idOf(Symbol Class) const {
  if (auto It = Ids.find(Class); It != Ids.end())
    return It->second;
  return std::nullopt;
}

const llvm::BitVector &ClassHierarchy::related(Symbol A) const {
  auto [It, New] = Related.try_emplace(A);
  if (!New)
    return It->second;
  // Adds to Seen every class \p Edges lead to from Work, at any depth, and
  // each once: units that disagree on a class's bases (an ODR violation)
  // may make them a cycle.
  auto Walk = [&](const auto &Edges, llvm::SmallVector<Symbol, 8> Work,
                  llvm::BitVector &Seen) {
    while (!Work.empty()) {
      Symbol Class = Work.pop_back_val();
      if (auto Next = Edges.find(Class); Next != Edges.end())
        for (Symbol To : Next->second)
          if (unsigned Id = *idOf(To); !Seen.test(Id)) {
            Seen.set(Id);
            Work.push_back(To);
          }
    }
  };
  // Every class deriving from A, A included, then every base of those.
  llvm::BitVector Below(Classes.size());
  Below.set(*idOf(A));
  Walk(Derived, {A}, Below);
  llvm::BitVector Found = Below;
  llvm::SmallVector<Symbol, 8> BelowClasses;
  for (unsigned Id : Below.set_bits())
    BelowClasses.push_back(Classes[Id]);
  Walk(Bases, std::move(BelowClasses), Found);
  return It->second = std::move(Found);
}

bool ClassHierarchy::mayBeBoth(Symbol A, Symbol B) const {
  if (A == B)
    return true;
  // A class with no base and none derived is only itself.
  std::optional<unsigned> IdA = idOf(A), IdB = idOf(B);
  return IdA && IdB && related(A).test(*IdB);
}

uint64_t ClassHierarchy::relatedDigest(Symbol A) const {
  if (!idOf(A))
    return 0;
  // A sum, as the classes' digest: the same whatever the numbering.
  uint64_t Sum = 0;
  for (unsigned Id : related(A).set_bits())
    Sum += StableDigest::of({Classes[Id].digest()});
  return Sum;
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

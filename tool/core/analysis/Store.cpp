//===- Store.cpp ----------------------------------------------------------===//

#include "core/analysis/Store.h"

#include <functional>
#include <vector>

namespace pii {

bool AccessPath::extend(const clang::FieldDecl *F) {
  if (Fields.size() == MaxFields) {
    Beyond = F;
    return false;
  }
  Fields.push_back(F);
  return true;
}

bool AccessPath::isPrefixOf(const AccessPath &Other) const {
  return Root == Other.Root && Fields.size() <= Other.Fields.size() &&
         std::equal(Fields.begin(), Fields.end(), Other.Fields.begin());
}

bool operator<(const AccessPath &A, const AccessPath &B) {
  std::less<const void *> Less;
  if (A.Root != B.Root)
    return Less(A.Root, B.Root);
  return std::lexicographical_compare(A.Fields.begin(), A.Fields.end(),
                                      B.Fields.begin(), B.Fields.end(), Less);
}

template <typename Fn>
void Store::forEachWithRoot(const AccessPath &P, Fn F) const {
  AccessPath First;
  First.Root = P.Root;
  for (auto It = Facts.lower_bound(First);
       It != Facts.end() && It->first.Root == P.Root; ++It)
    F(*It);
}

void Store::forEachOverlapping(const AccessPath &P, FactVisitor Visit) const {
  forEachWithRoot(P, [&](const auto &Fact) {
    if (Fact.first.isPrefixOf(P) || P.isPrefixOf(Fact.first))
      Visit(Fact.first, Fact.second);
  });
}

void Store::forEachFact(FactVisitor Visit) const {
  for (const auto &[Path, Taint] : Facts)
    Visit(Path, Taint);
}

void Store::forEachFactToChange(
    llvm::function_ref<void(const AccessPath &, TaintSet &)> Change) {
  for (auto &[Path, Taint] : Facts)
    Change(Path, Taint);
}

TaintSet Store::read(const AccessPath &P) const {
  TaintSet Result;
  forEachOverlapping(
      P, [&](const AccessPath &, const TaintSet &T) { Result.join(T); });
  return Result;
}

void Store::assign(const AccessPath &P, TaintSet T) {
  for (auto It = Facts.lower_bound(P);
       It != Facts.end() && P.isPrefixOf(It->first);)
    It = Facts.erase(It);
  if (!T.empty())
    Facts.emplace(P, std::move(T));
}

void Store::add(const AccessPath &P, const TaintSet &T) {
  if (!T.empty())
    Facts[P].join(T);
}

/// \p Path, which \p From is a prefix of, as the same place below \p To.
static AccessPath reroot(const AccessPath &Path, const AccessPath &From,
                         const AccessPath &To) {
  AccessPath Result = To;
  for (size_t I = From.Fields.size(); I < Path.Fields.size(); ++I)
    if (!Result.extend(Path.Fields[I]))
      break;
  return Result;
}

void Store::copyObject(const AccessPath &From, const AccessPath &To,
                       llvm::function_ref<TaintSet(const TaintSet &)> Step) {
  std::vector<std::pair<AccessPath, TaintSet>> Copies;
  forEachWithRoot(From, [&](const auto &Fact) {
    if (From.isPrefixOf(Fact.first))
      Copies.emplace_back(reroot(Fact.first, From, To), Step(Fact.second));
  });
  std::vector<std::pair<AccessPath, PathList>> CopiedTargets;
  for (const auto &[Path, Refers] : Targets)
    if (From.isPrefixOf(Path))
      CopiedTargets.emplace_back(reroot(Path, From, To), Refers);
  for (const auto &[Path, Taint] : Copies)
    add(Path, Taint);
  for (const auto &[Path, Refers] : CopiedTargets)
    addTargets(Path, Refers);
}

void Store::forget(const clang::ValueDecl *Root) {
  AccessPath First;
  First.Root = Root;
  for (auto It = Facts.lower_bound(First);
       It != Facts.end() && It->first.Root == Root;)
    It = Facts.erase(It);
  for (auto It = Targets.lower_bound(First);
       It != Targets.end() && It->first.Root == Root;)
    It = Targets.erase(It);
}

const PathList *Store::targetsOf(const AccessPath &P) const {
  auto It = Targets.find(P);
  return It == Targets.end() || It->second.empty() ? nullptr : &It->second;
}

void Store::forEachTargetBelow(
    const AccessPath &P,
    llvm::function_ref<void(const AccessPath &, const PathList &)> Visit)
    const {
  for (auto It = Targets.lower_bound(P);
       It != Targets.end() && P.isPrefixOf(It->first); ++It)
    if (!It->second.empty())
      Visit(It->first, It->second);
}

void Store::setTargets(const AccessPath &P, const PathList &Refers) {
  if (Refers.empty())
    Targets.erase(P);
  else
    Targets[P] = Refers;
}

void Store::addTargets(const AccessPath &P, const PathList &Refers) {
  PathList &Known = Targets[P];
  for (const AccessPath &T : Refers)
    if (llvm::find(Known, T) == Known.end())
      Known.push_back(T);
}

bool Store::join(const Store &Other) {
  bool Changed = false;
  for (const auto &[Path, Taint] : Other.Facts)
    Changed |= Facts[Path].join(Taint);
  for (const auto &[Path, Refers] : Other.Targets) {
    PathList &Known = Targets[Path];
    for (const AccessPath &T : Refers)
      if (llvm::find(Known, T) == Known.end()) {
        Known.push_back(T);
        Changed = true;
      }
  }
  Changed |= Thrown.join(Other.Thrown);
  return Changed;
}

} // namespace pii

//===- Store.cpp ----------------------------------------------------------===//

#include "core/Store.h"

#include <functional>

namespace pii {

bool AccessPath::extend(const clang::FieldDecl *F) {
  if (Fields.size() == MaxFields)
    return false;
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

TaintSet Store::read(const AccessPath &P) const {
  TaintSet Result;
  forEachWithRoot(P, [&](const auto &Fact) {
    if (Fact.first.isPrefixOf(P) || P.isPrefixOf(Fact.first))
      Result.join(Fact.second);
  });
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

bool Store::join(const Store &Other) {
  bool Changed = false;
  for (const auto &[Path, Taint] : Other.Facts)
    Changed |= Facts[Path].join(Taint);
  return Changed;
}

} // namespace pii

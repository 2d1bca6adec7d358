//===- TaintSet.cpp -------------------------------------------------------===//

#include "core/analysis/TaintSet.h"

#include <algorithm>

namespace pii {

bool TaintSet::add(LabelId Label, StepId Via) {
  auto It = llvm::lower_bound(
      Entries, Label, [](const Entry &E, LabelId L) { return E.first < L; });
  if (It != Entries.end() && It->first == Label)
    return false;
  Entries.insert(It, {Label, Via});
  return true;
}

bool TaintSet::join(const TaintSet &Other) {
  bool Changed = false;
  for (const Entry &E : Other.Entries)
    Changed |= add(E.first, E.second);
  return Changed;
}

TaintSet TaintSet::through(llvm::function_ref<StepId(StepId)> Extend) const {
  TaintSet Result;
  Result.Entries.reserve(Entries.size());
  for (const Entry &E : Entries)
    Result.Entries.push_back({E.first, Extend(E.second)});
  return Result;
}

bool TaintSet::sameLabels(const TaintSet &Other) const {
  return std::equal(Entries.begin(), Entries.end(), Other.Entries.begin(),
                    Other.Entries.end(), [](const Entry &A, const Entry &B) {
                      return A.first == B.first;
                    });
}

} // namespace pii

//===- Provenance.cpp -----------------------------------------------------===//

#include "core/analysis/Provenance.h"
#include "core/analysis/Store.h"

#include <algorithm>

namespace pii {

LabelId LabelTable::intern(Label L) {
  auto [It, Inserted] = Index.try_emplace(L.key(), Labels.size());
  if (Inserted)
    Labels.push_back(std::move(L));
  return It->second;
}

LabelId LabelTable::source(const std::string &Purpose,
                           const clang::NamedDecl *Origin) {
  Label L;
  L.Purpose = Purpose;
  L.Origin = Origin;
  return intern(std::move(L));
}

LabelId LabelTable::input(LabelKind Kind, int Index, int Arg,
                          const clang::NamedDecl *Origin) {
  Label L;
  L.Kind = Kind;
  L.Index = Index;
  L.Arg = Arg;
  L.Origin = Origin;
  return intern(std::move(L));
}

LabelId LabelTable::refine(LabelId Id,
                           llvm::ArrayRef<const clang::FieldDecl *> Suffix) {
  if (Suffix.empty() || Labels[Id].Kind == LabelKind::Source)
    return Id;
  Label L = Labels[Id];
  for (const clang::FieldDecl *F : Suffix) {
    if (L.Path.size() == AccessPath::MaxFields)
      break;
    L.Path.push_back(F);
  }
  return intern(std::move(L));
}

StepId StepArena::extend(StepId Parent, clang::SourceLocation Loc,
                         StepKind Kind, const clang::NamedDecl *Subject,
                         const clang::NamedDecl *Detail) {
  Key K{Parent, Loc.getRawEncoding(), Kind, Subject, Detail};
  auto [It, Inserted] = Index.try_emplace(K, Steps.size());
  if (Inserted)
    Steps.push_back({Parent, Loc, Kind, Subject, Detail});
  return It->second;
}

std::vector<const Step *> StepArena::chain(StepId Last) const {
  std::vector<const Step *> Chain;
  for (StepId Id = Last; Id != 0; Id = Steps[Id].Parent)
    Chain.push_back(&Steps[Id]);
  std::reverse(Chain.begin(), Chain.end());
  return Chain;
}

} // namespace pii

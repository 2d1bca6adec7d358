//===- Provenance.cpp -----------------------------------------------------===//

#include "core/Provenance.h"

#include <algorithm>

namespace pii {

LabelId LabelTable::intern(const std::string &Purpose,
                           const clang::NamedDecl *Origin) {
  auto [It, Inserted] = Index.try_emplace({Purpose, Origin}, Labels.size());
  if (Inserted)
    Labels.push_back({Purpose, Origin});
  return It->second;
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

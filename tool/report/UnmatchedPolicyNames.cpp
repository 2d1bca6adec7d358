//===- UnmatchedPolicyNames.cpp -------------------------------------------===//

#include "report/UnmatchedPolicyNames.h"
#include "core/policy/Spelling.h"

#include <algorithm>
#include <string>

namespace pii {

std::vector<RunProblem>
unmatchedPolicyNames(llvm::ArrayRef<PolicyNameUse> Uses,
                     llvm::ArrayRef<PolicyName> Declared, RuleLevel Level) {
  std::vector<RunProblem> Problems;
  for (const PolicyNameUse &Use : Uses) {
    const PolicyName &Named = Use.Named;
    if (std::binary_search(Declared.begin(), Declared.end(), Named))
      continue;
    std::string What = toString(Named.Kind);
    std::string Message;
    auto AsOther = llvm::find_if(
        Declared, [&](const PolicyName &D) { return D.Name == Named.Name; });
    if (AsOther != Declared.end()) {
      Message = "\"" + Named.Name + "\" is declared as a " +
                toString(AsOther->Kind) + ", not a " + What;
    } else {
      std::vector<llvm::StringRef> Near;
      for (const PolicyName &D : Declared)
        if (D.Kind == Named.Kind)
          Near.push_back(D.Name);
      Message = "no analyzed file declares the " + What + " \"" + Named.Name +
                "\"" + didYouMean(Named.Name, Near);
    }
    Problems.push_back(
        {Level, Message + "; the entry applies to nothing",
         SourceSpot{Use.File, Use.Where.Line, Use.Where.Column}});
  }
  return Problems;
}

} // namespace pii

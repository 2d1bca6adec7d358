//===- Suppressions.cpp ---------------------------------------------------===//

#include "report/Suppressions.h"
#include "core/policy/Spelling.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

#include <map>
#include <set>

namespace pii {

std::vector<PlacedProblem>
applySuppressions(std::vector<Finding> &Findings,
                  llvm::ArrayRef<SuppressionComment> Comments,
                  const Policy &P) {
  std::map<std::pair<Symbol, unsigned>, std::vector<size_t>> ByLine;
  for (size_t I = 0; I < Comments.size(); ++I)
    ByLine[{Comments[I].Where.File, Comments[I].Where.Line}].push_back(I);
  std::set<PlacedProblem> Problems;
  auto Error = [&](const SourceSpot &Where, std::string Message) {
    Problems.insert({Where, std::move(Message), /*Warning=*/false});
  };
  // The rules each comment accepted a finding of.
  std::vector<std::set<std::string>> Accepted(Comments.size());

  for (Finding &F : Findings) {
    std::vector<size_t> Near;
    for (const SourceSpot &Line : {F.Call, F.Where})
      if (auto It = ByLine.find({Line.File, Line.Line}); It != ByLine.end())
        for (size_t I : It->second)
          if (!llvm::is_contained(Near, I))
            Near.push_back(I);
    auto Accepts = [&](size_t I) {
      const SuppressionComment &C = Comments[I];
      return C.Problem.empty() &&
             std::binary_search(C.Rules.begin(), C.Rules.end(), F.RuleId);
    };
    if (auto By = llvm::find_if(Near, Accepts); By != Near.end()) {
      F.Justification = Comments[*By].Reason;
      Accepted[*By].insert(F.RuleId);
      continue;
    }
    for (size_t I : Near)
      if (Comments[I].Problem.empty())
        Error(Comments[I].Where,
              "the suppression accepts " + llvm::join(Comments[I].Rules, ", ") +
                  ", but the flow here breaks '" + F.RuleId + "'");
  }

  std::vector<llvm::StringRef> RuleIds;
  for (const Rule &R : P.Rules)
    RuleIds.push_back(R.Id);
  llvm::sort(RuleIds);
  for (size_t I = 0; I < Comments.size(); ++I) {
    const SuppressionComment &C = Comments[I];
    if (!C.Problem.empty()) {
      Error(C.Where, C.Problem);
      continue;
    }
    for (const std::string &Id : C.Rules) {
      if (!std::binary_search(RuleIds.begin(), RuleIds.end(),
                              llvm::StringRef(Id)))
        Error(C.Where, "the suppression names the rule '" + Id +
                           "', which no policy defines" +
                           didYouMean(Id, RuleIds));
      else if (!Accepted[I].count(Id))
        Problems.insert(
            {C.Where,
             "the suppression of '" + Id +
                 "' accepts nothing: no finding of that rule is on this "
                 "line (a suppression goes on the line of the sink call or "
                 "of its argument); remove it if the flow is gone",
             /*Warning=*/true});
    }
  }
  return {Problems.begin(), Problems.end()};
}

} // namespace pii

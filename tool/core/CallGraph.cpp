//===- CallGraph.cpp ------------------------------------------------------===//

#include "core/CallGraph.h"

#include "llvm/ADT/STLExtras.h"

#include <map>
#include <string>

namespace pii {

int CallGraph::addSet(std::vector<int> Targets) {
  TargetSets.push_back(std::move(Targets));
  return static_cast<int>(TargetSets.size()) - 1;
}

CallGraph::CallGraph(const std::vector<const FunctionSummary *> &Functions) {
  std::map<Symbol, int> Index;
  std::map<Symbol, std::vector<int>> OverriddenBy;
  for (size_t I = 0; I < Functions.size(); ++I) {
    Index.emplace(Functions[I]->Usr, static_cast<int>(I));
    for (Symbol Base : Functions[I]->Overrides)
      OverriddenBy[Base].push_back(static_cast<int>(I));
  }
  auto Resolve = [&](Symbol Usr, bool Virtual, std::vector<int> &Out) {
    if (auto It = Index.find(Usr); It != Index.end())
      Out.push_back(It->second);
    if (Virtual)
      if (auto It = OverriddenBy.find(Usr); It != OverriddenBy.end())
        Out.insert(Out.end(), It->second.begin(), It->second.end());
  };

  auto ResolveAll = [&](const CallSite &Call) {
    std::vector<int> Targets;
    for (Symbol Callee : Call.Callees)
      Resolve(Callee, Call.Virtual, Targets);
    return addSet(std::move(Targets));
  };

  // A call through a callback parameter gains targets below, so its set is
  // its own; the others share one set per callee list.
  std::map<std::pair<std::vector<Symbol>, bool>, int> SharedSets;
  SiteSets.resize(Functions.size());
  Passed.resize(Functions.size());
  for (size_t I = 0; I < Functions.size(); ++I) {
    for (const CallSite &Call : Functions[I]->Calls) {
      if (Call.CalleeParam >= 0) {
        SiteSets[I].push_back(ResolveAll(Call));
        continue;
      }
      auto [It, New] = SharedSets.try_emplace({Call.Callees, Call.Virtual}, 0);
      if (New)
        It->second = ResolveAll(Call);
      SiteSets[I].push_back(It->second);
    }
    Passed[I].resize(Functions[I]->Calls.size());
  }

  // Functions passed to each parameter, by callers or passed on.
  std::vector<std::map<int, std::set<FunctionRef>>> ParamFunctions(
      Functions.size());
  for (bool Changed = true; Changed;) {
    Changed = false;
    for (size_t I = 0; I < Functions.size(); ++I) {
      const std::vector<CallSite> &Calls = Functions[I]->Calls;
      for (size_t C = 0; C < Calls.size(); ++C) {
        const CallSite &Call = Calls[C];
        if (Call.CalleeParam >= 0)
          for (const FunctionRef &Ref : ParamFunctions[I][Call.CalleeParam])
            if (Passed[I][C].insert(Ref).second) {
              Resolve(Ref.Usr, false, TargetSets[SiteSets[I][C]]);
              Changed = true;
            }
        for (size_t A = 0; A < Call.Args.size(); ++A) {
          const CallArgument &Arg = Call.Args[A];
          std::set<FunctionRef> Given(Arg.Functions.begin(),
                                      Arg.Functions.end());
          if (int Forwarded = Arg.ForwardedParam; Forwarded >= 0)
            Given.insert(ParamFunctions[I][Forwarded].begin(),
                         ParamFunctions[I][Forwarded].end());
          if (Given.empty())
            continue;
          for (int Target : TargetSets[SiteSets[I][C]])
            for (const FunctionRef &Ref : Given)
              Changed |= ParamFunctions[Target][A].insert(Ref).second;
        }
      }
    }
  }

  SetSites.resize(TargetSets.size());
  for (size_t I = 0; I < SiteSets.size(); ++I)
    for (size_t C = 0; C < SiteSets[I].size(); ++C)
      SetSites[SiteSets[I][C]].push_back(
          {static_cast<int>(I), static_cast<int>(C)});
  SetsContaining.resize(Functions.size());
  for (size_t Set = 0; Set < TargetSets.size(); ++Set) {
    std::vector<int> &Targets = TargetSets[Set];
    llvm::sort(Targets);
    Targets.erase(std::unique(Targets.begin(), Targets.end()), Targets.end());
    for (int Target : Targets)
      SetsContaining[Target].push_back(static_cast<int>(Set));
  }
}

} // namespace pii

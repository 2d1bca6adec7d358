//===- CallGraph.h - Who calls whom in the linked program -------*- C++ -*-===//
//
// Resolves every call site of the program to the functions it may reach: the
// static callee, the overrides of a virtual callee, and, for a call through a
// callback parameter, the functions callers pass in (to a fixpoint, since a
// callback may be passed on).
//
// Call sites that resolve alike share one target set: every virtual call of
// a method with N overrides, made at M sites, costs N + M rather than N * M,
// and so do the caller lists walked back from the overrides. An interface
// implemented and called in every file of a large program is common.
//
//===----------------------------------------------------------------------===//

#ifndef PII_CORE_CALLGRAPH_H
#define PII_CORE_CALLGRAPH_H

#include "core/Summary.h"

#include <set>
#include <vector>

namespace pii {

class CallGraph {
public:
  /// \p Functions are the program's functions, numbered by position.
  explicit CallGraph(const std::vector<const FunctionSummary *> &Functions);

  /// The functions \p Site of \p Fn may call, sorted; empty when none has a
  /// body in the program (an opaque call).
  const std::vector<int> &targets(int Fn, int Site) const {
    return TargetSets[SiteSets[Fn][Site]];
  }

  /// For a call through a callback parameter: the functions callers pass,
  /// with a body or not (a sink may have none).
  const std::set<FunctionRef> &passed(int Fn, int Site) const {
    return Passed[Fn][Site];
  }

  /// Calls \p Visit(Caller, Site) for each call site that may call \p Fn.
  template <typename VisitFn> void forEachCaller(int Fn, VisitFn Visit) const {
    for (int Set : SetsContaining[Fn])
      for (auto [Caller, Site] : SetSites[Set])
        Visit(Caller, Site);
  }

private:
  /// A new target set holding \p Targets.
  int addSet(std::vector<int> Targets);

  std::vector<std::vector<int>> TargetSets;
  /// The target set of each call site, by function and site.
  std::vector<std::vector<int>> SiteSets;
  std::vector<std::vector<std::set<FunctionRef>>> Passed;
  /// The inverse: the sites using each set, and the sets holding each
  /// function.
  std::vector<std::vector<std::pair<int, int>>> SetSites;
  std::vector<std::vector<int>> SetsContaining;
};

} // namespace pii

#endif // PII_CORE_CALLGRAPH_H

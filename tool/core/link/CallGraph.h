//===- CallGraph.h - Who calls whom in the linked program -------*- C++ -*-===//
//
// Resolves the call sites of the program to the functions they may reach:
// the static callee, the overrides of a virtual callee, and, for a call
// through a callback parameter, the functions callers pass in (to a
// fixpoint, since a callback may be passed on).
//
// Only callbacks are resolved up front. Everything else is resolved when the
// link first asks, so a link follows the flows of its sources without first
// resolving every call of the program. Functions are numbered as the link
// meets them; since every list handed out is in an order of USRs, the
// numbering depends on the program alone, never on the order in which its
// translation units were read.
//
//===----------------------------------------------------------------------===//

#ifndef PII_CORE_LINK_CALLGRAPH_H
#define PII_CORE_LINK_CALLGRAPH_H

#include "core/link/ProgramIndex.h"

#include <deque>
#include <optional>
#include <set>
#include <vector>

namespace pii {

class CallGraph {
public:
  /// \p Index must outlive the call graph.
  explicit CallGraph(const ProgramIndex &Index);

  /// The number of \p Body, one of the program's bodies.
  int idOf(const FunctionSummary &Body);
  const FunctionSummary &summary(int Fn) const { return *Functions[Fn].Body; }

  /// The functions \p Site of \p Fn may call; empty when none has a body in
  /// the program (an opaque call).
  const std::vector<int> &targets(int Fn, int Site);

  /// For a call through a callback parameter: the functions callers pass,
  /// with a body or not (a sink may have none).
  const std::set<FunctionRef> &passed(int Fn, int Site) const;

  /// A digest of where the calls of \p Body, one of the program's bodies,
  /// go: the functions each may reach, by USR, and the sinks among those
  /// callers pass to it. What the reached functions do is not in it.
  uint64_t callsDigest(const FunctionSummary &Body) const;

  /// Calls \p Visit(Caller, Site) for each call site that may call \p Fn.
  template <typename VisitFn> void forEachCaller(int Fn, VisitFn Visit) {
    for (auto [Caller, Site] : callers(Fn))
      Visit(Caller, Site);
  }

  /// A digest of the call sites that may call \p Fn, by their
  /// functions' USRs, the same in a later process.
  uint64_t callersDigest(int Fn);

  /// The functions that read the global \p Usr.
  const std::vector<int> &readersOf(Symbol Usr);
  /// A digest of those, by their USRs.
  uint64_t readersDigest(Symbol Usr);
  /// The functions that read a purpose source.
  std::vector<int> sourceReaders();
  /// The call sites that pass functions on or call through a parameter, by
  /// caller and position.
  llvm::ArrayRef<ProgramIndex::Site> callbackSites() const {
    return CallbackSites;
  }
  /// How many call sites of the whole program reach no body.
  unsigned opaqueSites() const;

private:
  struct FunctionCalls {
    const FunctionSummary *Body;
    /// Per call site: its entry in Lists once resolved, else -1; empty
    /// until one is asked for.
    std::vector<int> SiteTargets;
    std::optional<std::vector<std::pair<int, int>>> Callers;
  };

  /// Calls \p Visit with each body \p Site of \p Caller may reach, repeats
  /// included, until it returns false. Returns whether it never did.
  template <typename VisitFn>
  bool forEachBody(const FunctionSummary &Caller, int Site,
                   VisitFn Visit) const;
  /// The bodies \p Site of \p Caller may reach, repeats included.
  std::vector<const FunctionSummary *>
  bodiesReached(const FunctionSummary &Caller, int Site) const;
  void resolveCallbacks();
  int resolve(const FunctionSummary &Caller, int Site);
  const std::vector<std::pair<int, int>> &callers(int Fn);
  /// \p Bodies numbered, in an order of their USRs, without repeats.
  std::vector<int> numbered(std::vector<const FunctionSummary *> Bodies);
  /// The program's bodies among \p Bodies (duplicates left out), numbered.
  std::vector<int>
  numberedDefinitions(llvm::ArrayRef<const FunctionSummary *> Bodies);
  int addList(std::vector<int> Ids);

  const ProgramIndex &Index;
  /// Stable under growth: callers hold references while the link asks for
  /// more.
  std::deque<FunctionCalls> Functions;
  llvm::DenseMap<const FunctionSummary *, int> Ids;
  std::deque<std::vector<int>> Lists;
  /// Sites that name one callee and get no callbacks resolve alike, so
  /// they share one list: every virtual call of a method with N overrides,
  /// made at M sites, costs N + M rather than N * M.
  llvm::DenseMap<Symbol, int> StaticCalls, VirtualCalls;
  llvm::DenseMap<Symbol, int> GlobalReaders;
  std::vector<ProgramIndex::Site> CallbackSites;
  llvm::DenseMap<std::pair<const FunctionSummary *, int>, std::set<FunctionRef>>
      Passed;
  /// The inverse of Passed: by the USR passed, where.
  llvm::DenseMap<Symbol, std::vector<ProgramIndex::Site>> PassedTo;
};

} // namespace pii

#endif // PII_CORE_LINK_CALLGRAPH_H

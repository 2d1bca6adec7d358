//===- Trace.h - The steps of a path the link follows -----------*- C++ -*-===//
//
// A finding's path is built while the link follows values: each summary
// holds the path from its input to each place it reaches, and a caller's
// path nests the callee's. Paths are therefore ropes, joined in constant
// time, and flattened into steps only for a finding.
//
//===----------------------------------------------------------------------===//

#ifndef PII_CORE_LINK_TRACE_H
#define PII_CORE_LINK_TRACE_H

#include "core/model/Finding.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLFunctionalExtras.h"

#include <deque>
#include <vector>

namespace pii {

/// A rope of steps: summaries nest inside each other's paths, so paths are
/// joined in constant time and flattened only for a finding. A node is
/// what comes Before, then its own Count steps, then what comes After.
/// Nodes live as long as the link, in its TraceArena: a trace is a
/// pointer, copied and dropped for nothing.
struct TraceNode {
  const TraceNode *Before = nullptr;
  const FlowStep *Steps = nullptr;
  size_t Count = 0;
  const TraceNode *After = nullptr;
};
using Trace = const TraceNode *;

class TraceArena {
public:
  /// \p T, then \p Steps (which must outlive the arena).
  Trace extend(Trace T, const std::vector<FlowStep> &Steps) {
    if (Steps.empty())
      return T;
    return &Nodes.emplace_back(TraceNode{T, Steps.data(), Steps.size()});
  }
  /// \p T, then \p Step.
  Trace extend(Trace T, FlowStep Step) {
    const FlowStep &Kept = OwnSteps.emplace_back(std::move(Step));
    return &Nodes.emplace_back(TraceNode{T, &Kept, 1});
  }
  Trace concat(Trace A, Trace B) {
    if (!A)
      return B;
    if (!B)
      return A;
    return &Nodes.emplace_back(TraceNode{A, nullptr, 0, B});
  }

  /// Moves the places its steps name, for bodies that only moved
  /// (MovedBody.h): a node reading the steps of an array in \p Arrays
  /// reads those of the array paired with it, the same but for places,
  /// and \p Move moves the place of each step the arena holds itself.
  void
  relocate(const llvm::DenseMap<const FlowStep *, const FlowStep *> &Arrays,
           llvm::function_ref<void(SourceSpot &)> Move);

  /// How many nodes it holds: what its memory grows with.
  size_t size() const { return Nodes.size(); }

private:
  std::deque<TraceNode> Nodes;
  std::deque<FlowStep> OwnSteps;
};

/// Makes a trace when first asked: most steps lead to facts already
/// reached, whose traces would never be read.
using MakeTrace = llvm::function_ref<Trace()>;
template <typename MakeFn> class LazyTrace {
public:
  explicit LazyTrace(MakeFn Make) : Make(std::move(Make)) {}
  Trace operator()() {
    if (!Made) {
      T = Make();
      Made = true;
    }
    return T;
  }

private:
  MakeFn Make;
  Trace T = nullptr;
  bool Made = false;
};

/// The steps of \p T, in order, a place said twice in a row said once.
std::vector<FlowStep> flatten(Trace T);

} // namespace pii

#endif // PII_CORE_LINK_TRACE_H

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

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLFunctionalExtras.h"

#include <deque>
#include <vector>

namespace pii {

/// A rope of steps: summaries nest inside each other's paths, so paths are
/// joined in constant time and flattened only for a finding. A node is
/// what comes before, then either its own steps or what comes after: it
/// never holds both, and so holds either in the same word (on tdlib, 11
/// million nodes). Nodes live as long as the link, in its TraceArena: a
/// trace is a pointer, copied and dropped for nothing.
class TraceNode {
public:
  const TraceNode *before() const { return Before; }
  const TraceNode *after() const { return Count ? nullptr : After; }
  llvm::ArrayRef<FlowStep> steps() const {
    return Count ? llvm::ArrayRef<FlowStep>(Steps, Count)
                 : llvm::ArrayRef<FlowStep>();
  }

private:
  friend class TraceArena;
  TraceNode(const TraceNode *Before, const FlowStep *Steps, uint32_t Count)
      : Before(Before), Steps(Steps), Count(Count) {}
  TraceNode(const TraceNode *Before, const TraceNode *After)
      : Before(Before), After(After), Count(0) {}

  const TraceNode *Before;
  union {
    const FlowStep *Steps;  // with Count
    const TraceNode *After; // without
  };
  uint32_t Count;
};
using Trace = const TraceNode *;

class TraceArena {
public:
  /// \p T, then \p Steps (which must outlive the arena).
  Trace extend(Trace T, const std::vector<FlowStep> &Steps) {
    if (Steps.empty())
      return T;
    return &Nodes.emplace_back(
        TraceNode(T, Steps.data(), static_cast<uint32_t>(Steps.size())));
  }
  /// \p T, then \p Step.
  Trace extend(Trace T, const FlowStep &Step) {
    return &Nodes.emplace_back(TraceNode(T, &own(Step), 1));
  }
  Trace concat(Trace A, Trace B) {
    if (!A)
      return B;
    if (!B)
      return A;
    return &Nodes.emplace_back(TraceNode(A, B));
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
  /// Steps the arena holds itself, by value.
  struct OwnStepInfo {
    static const FlowStep *getEmptyKey() {
      return llvm::DenseMapInfo<const FlowStep *>::getEmptyKey();
    }
    static const FlowStep *getTombstoneKey() {
      return llvm::DenseMapInfo<const FlowStep *>::getTombstoneKey();
    }
    static unsigned getHashValue(const FlowStep &Step);
    static unsigned getHashValue(const FlowStep *Step) {
      return getHashValue(*Step);
    }
    static bool isEqual(const FlowStep &A, const FlowStep *B) {
      return B != getEmptyKey() && B != getTombstoneKey() && A == *B;
    }
    static bool isEqual(const FlowStep *A, const FlowStep *B) {
      return A == B ||
             (A != getEmptyKey() && A != getTombstoneKey() && isEqual(*A, B));
    }
  };
  /// The arena's copy of \p Step, made once: the link says the same step
  /// at a call (passed, returned) for every value that takes it, and on
  /// tdlib makes four million of them.
  const FlowStep &own(const FlowStep &Step);

  std::deque<TraceNode> Nodes;
  std::deque<FlowStep> OwnSteps;
  llvm::DenseSet<const FlowStep *, OwnStepInfo> Owned;
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

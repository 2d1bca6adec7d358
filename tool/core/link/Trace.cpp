//===- Trace.cpp ----------------------------------------------------------===//

#include "core/link/Trace.h"

#include "llvm/ADT/Hashing.h"
#include "llvm/ADT/STLExtras.h"

#include <algorithm>
#include <utility>

namespace pii {

unsigned TraceArena::OwnStepInfo::getHashValue(const FlowStep &Step) {
  return unsigned(llvm::hash_combine(
      Step.Kind, Step.Where.File, Step.Where.Line, Step.Where.Column,
      Step.Subject, Step.Detail, Step.Purpose, Step.Arg));
}

const FlowStep &TraceArena::own(const FlowStep &Step) {
  auto Found = Owned.find_as(Step);
  if (Found != Owned.end())
    return **Found;
  const FlowStep &Kept = OwnSteps.emplace_back(Step);
  Owned.insert(&Kept);
  return Kept;
}

void TraceArena::relocate(
    const llvm::DenseMap<const FlowStep *, const FlowStep *> &Arrays,
    llvm::function_ref<void(SourceSpot &)> Move) {
  for (TraceNode &N : Nodes)
    if (N.Count)
      if (const FlowStep *Now = Arrays.lookup(N.Steps))
        N.Steps = Now;
  // Steps that moved are known by their new places; two that now say the
  // same stay two.
  Owned.clear();
  for (FlowStep &Step : OwnSteps) {
    Move(Step.Where);
    Owned.insert(&Step);
  }
}

std::vector<FlowStep> flatten(Trace T) {
  std::vector<FlowStep> Steps;
  // What is left to read, last first: a node, or (true) a node's own steps.
  std::vector<std::pair<Trace, bool>> Stack;
  if (T)
    Stack.push_back({T, false});
  while (!Stack.empty()) {
    auto [N, Own] = Stack.back();
    Stack.pop_back();
    if (Own) {
      llvm::append_range(Steps, N->steps());
      continue;
    }
    if (N->after())
      Stack.push_back({N->after(), false});
    if (!N->steps().empty())
      Stack.push_back({N, true});
    if (N->before())
      Stack.push_back({N->before(), false});
  }
  // Neighbouring functions may describe one place twice; say it once.
  Steps.erase(
      std::unique(Steps.begin(), Steps.end(),
                  [](const FlowStep &A, const FlowStep &B) { return A == B; }),
      Steps.end());
  return Steps;
}

} // namespace pii

//===- Trace.cpp ----------------------------------------------------------===//

#include "core/link/Trace.h"

#include <algorithm>
#include <utility>

namespace pii {

void TraceArena::relocate(
    const llvm::DenseMap<const FlowStep *, const FlowStep *> &Arrays,
    llvm::function_ref<void(SourceSpot &)> Move) {
  for (TraceNode &N : Nodes)
    if (const FlowStep *Now = Arrays.lookup(N.Steps))
      N.Steps = Now;
  for (FlowStep &Step : OwnSteps)
    Move(Step.Where);
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
      Steps.insert(Steps.end(), N->Steps, N->Steps + N->Count);
      continue;
    }
    if (N->After)
      Stack.push_back({N->After, false});
    if (N->Count)
      Stack.push_back({N, true});
    if (N->Before)
      Stack.push_back({N->Before, false});
  }
  // Neighbouring functions may describe one place twice; say it once.
  Steps.erase(
      std::unique(Steps.begin(), Steps.end(),
                  [](const FlowStep &A, const FlowStep &B) { return A == B; }),
      Steps.end());
  return Steps;
}

} // namespace pii

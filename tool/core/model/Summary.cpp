//===- Summary.cpp --------------------------------------------------------===//

#include "core/model/Summary.h"

#include <algorithm>

namespace pii {

FunctionSummary &edit(SharedFunction &F) {
  // Every shared summary is made as a FunctionSummary that is not const
  // (by share(), or by the archive's reader): when this is its only holder,
  // changing it is changing ours.
  if (F.use_count() != 1)
    F = share(*F);
  return const_cast<FunctionSummary &>(*F);
}

static bool refersToCallSite(PortKind Kind) {
  return Kind == PortKind::CallArg || Kind == PortKind::CallResult ||
         Kind == PortKind::CallOut;
}

static std::string inconsistencyIn(const FunctionSummary &F,
                                   size_t SourceCount) {
  for (const Edge &E : F.Edges)
    for (const FlowStep &Step : E.Steps)
      if (Step.Kind > LastFlowStepKind)
        return "unknown step kind " + std::to_string(unsigned(Step.Kind));
  for (const Edge &E : F.Edges)
    for (const Port *P : {&E.From, &E.To}) {
      if (P->Kind < PortKind::Param || P->Kind > PortKind::Relay)
        return "unknown port kind " + std::to_string(static_cast<int>(P->Kind));
      if (refersToCallSite(P->Kind) &&
          (P->Index < 0 || static_cast<size_t>(P->Index) >= F.Calls.size()))
        return "edge refers to call site " + std::to_string(P->Index) + " of " +
               std::to_string(F.Calls.size());
      if (P->Kind == PortKind::CallArg && P->Arg != ObjectArg &&
          (P->Arg < 0 ||
           static_cast<size_t>(P->Arg) >= F.Calls[P->Index].Args.size()))
        return "edge refers to argument " + std::to_string(P->Arg) +
               " of a call with " +
               std::to_string(F.Calls[P->Index].Args.size());
      if (P->Kind == PortKind::Relay && P->Index < 0)
        return "edge refers to relay " + std::to_string(P->Index);
      if (P->Kind == PortKind::Source &&
          (P->Index < 0 || static_cast<size_t>(P->Index) >= SourceCount))
        return "edge refers to source " + std::to_string(P->Index) + " of " +
               std::to_string(SourceCount);
    }
  if (!std::is_sorted(F.Edges.begin(), F.Edges.end(), canonicalEdgeOrder))
    return "edges out of canonical order";
  return "";
}

std::string inconsistencyIn(const std::vector<TranslationUnitSummary> &Units) {
  for (const TranslationUnitSummary &Unit : Units) {
    for (const Approximation &A : Unit.Approximations)
      if (A.Kind > LastApproximationKind)
        return "unknown approximation kind " + std::to_string(unsigned(A.Kind));
    for (size_t I = 0; I < Unit.Functions.size(); ++I) {
      std::string Problem =
          inconsistencyIn(*Unit.Functions[I], Unit.Sources.size());
      if (!Problem.empty())
        return "function " + std::to_string(I) + ": " + Problem;
    }
  }
  return "";
}

void canonicalize(TranslationUnitSummary &Unit) {
  std::vector<int> Order(Unit.Sources.size());
  for (size_t I = 0; I < Order.size(); ++I)
    Order[I] = static_cast<int>(I);
  auto Key = [&](int I) {
    const SourceInfo &S = Unit.Sources[I];
    return std::tie(S.Purpose, S.OriginUsr);
  };
  std::sort(Order.begin(), Order.end(),
            [&](int A, int B) { return Key(A) < Key(B); });
  std::vector<int> NewIndex(Order.size());
  std::vector<SourceInfo> Sorted;
  for (int Old : Order) {
    NewIndex[Old] = static_cast<int>(Sorted.size());
    Sorted.push_back(std::move(Unit.Sources[Old]));
  }
  Unit.Sources = std::move(Sorted);
  for (SharedFunction &Shared : Unit.Functions) {
    FunctionSummary &F = edit(Shared);
    for (Edge &E : F.Edges)
      if (E.From.Kind == PortKind::Source)
        E.From.Index = NewIndex[E.From.Index];
    std::sort(F.Edges.begin(), F.Edges.end(), canonicalEdgeOrder);
  }
  std::sort(Unit.Classes.begin(), Unit.Classes.end());
}

} // namespace pii

//===- Summary.cpp --------------------------------------------------------===//

#include "core/Summary.h"

namespace pii {

static bool refersToCallSite(PortKind Kind) {
  return Kind == PortKind::CallArg || Kind == PortKind::CallResult ||
         Kind == PortKind::CallOut;
}

static std::string inconsistencyIn(const FunctionSummary &F,
                                   size_t SourceCount) {
  for (const Edge &E : F.Edges)
    for (const Port *P : {&E.From, &E.To}) {
      if (P->Kind < PortKind::Param || P->Kind > PortKind::CallArg)
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
      if (P->Kind == PortKind::Source &&
          (P->Index < 0 || static_cast<size_t>(P->Index) >= SourceCount))
        return "edge refers to source " + std::to_string(P->Index) + " of " +
               std::to_string(SourceCount);
    }
  return "";
}

std::string inconsistencyIn(const std::vector<TranslationUnitSummary> &Units) {
  for (const TranslationUnitSummary &Unit : Units)
    for (size_t I = 0; I < Unit.Functions.size(); ++I) {
      std::string Problem =
          inconsistencyIn(Unit.Functions[I], Unit.Sources.size());
      if (!Problem.empty())
        return "function " + std::to_string(I) + ": " + Problem;
    }
  return "";
}

} // namespace pii

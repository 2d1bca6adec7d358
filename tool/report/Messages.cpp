//===- Messages.cpp -------------------------------------------------------===//

#include "report/Messages.h"

#include "llvm/Support/ErrorHandling.h"

namespace pii {

std::string findingMessage(const Finding &F) {
  return "value with purpose '" + F.Purpose + "' from '" + F.SourceName +
         "' reaches " + F.SinkKind + " sink '" + F.SinkName + "'";
}

/// \p Name quoted; no name is the object a member function works on.
static std::string quoted(Symbol Name) {
  return "'" + (Name.empty() ? std::string("this") : Name.str()) + "'";
}

std::string stepMessage(const FlowStep &Step) {
  std::string Subject = quoted(Step.Subject);
  std::string Purpose = "'" + Step.Purpose.str() + "'";
  switch (Step.Kind) {
  case FlowStepKind::ReadSource:
    return Subject + " (purpose " + Purpose + ") is read here";
  case FlowStepKind::DeclaredSource:
    return Subject + " is declared with purpose " + Purpose;
  case FlowStepKind::ReturnSource:
    return Subject + " returns a value with purpose " + Purpose;
  case FlowStepKind::ContainedField:
    return "the object passed here contains " + Subject + " (purpose " +
           Purpose + ")";
  case FlowStepKind::ReadGlobal:
    return Subject + " is read here";
  case FlowStepKind::Returned:
    return "returned by " + Subject;
  case FlowStepKind::Assign:
    if (!Step.Detail.empty())
      return "flows into '" +
             (Step.Subject.empty() ? "" : Step.Subject.str() + ".") +
             Step.Detail.str() + "'";
    return "flows into " + Subject;
  case FlowStepKind::CallResult:
    return "flows through a call to " + Subject;
  case FlowStepKind::CallOutput:
    if (!Step.Detail.empty())
      return "flows into " + quoted(Step.Detail) + " through a call to " +
             Subject;
    return "flows into an output of " + Subject;
  case FlowStepKind::PassedAsArgument:
    return "passed to " + Subject + " as argument " +
           std::to_string(Step.Arg + 1);
  case FlowStepKind::CalledOn:
    return Subject + " is called on it";
  case FlowStepKind::CallReturns:
    return "the call to " + Subject + " returns it";
  }
  llvm_unreachable("a summary reader lets no unknown step kind through");
}

llvm::StringRef approximationName(ApproximationKind Kind) {
  switch (Kind) {
  case ApproximationKind::NoCfg:
    return "no-cfg";
  case ApproximationKind::Budget:
    return "budget";
  case ApproximationKind::IndirectCall:
    return "indirect-call";
  case ApproximationKind::UnmodelledCall:
    return "unmodelled-call";
  case ApproximationKind::InlineAsm:
    return "inline-asm";
  case ApproximationKind::RawCast:
    return "raw-cast";
  case ApproximationKind::UnresolvedCallback:
    return "indirect-call";
  case ApproximationKind::LinkBudget:
    return "budget";
  }
  llvm_unreachable("a summary reader lets no unknown approximation through");
}

std::string approximationMessage(const Approximation &A) {
  std::string Subject = "'" + A.Subject.str() + "'";
  switch (A.Kind) {
  case ApproximationKind::NoCfg:
  case ApproximationKind::Budget:
    return "the analysis of " + Subject + " stopped early";
  case ApproximationKind::IndirectCall:
    return "a call through a function pointer or std::function whose "
           "targets are unknown; treated as an opaque call";
  case ApproximationKind::UnmodelledCall:
    return Subject +
           " has no body in the program; a value with a purpose passed to "
           "it is assumed to reach its result and outputs";
  case ApproximationKind::InlineAsm:
    return "inline assembly is not analyzed; values it moves are not "
           "followed";
  case ApproximationKind::RawCast:
    return "an object that may carry a purpose is reinterpreted as another "
           "type; its field-level detail is lost";
  case ApproximationKind::UnresolvedCallback:
    return Subject + " is called, but no caller passes a known function; "
                     "treated as an opaque call";
  case ApproximationKind::LinkBudget:
    return "the link stopped at its budget of " + std::to_string(A.Count) +
           " steps while following the flows of " + Subject +
           "; flows from it and from the sources after it may be missing";
  }
  llvm_unreachable("a summary reader lets no unknown approximation through");
}

} // namespace pii

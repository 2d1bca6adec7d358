//===- SummaryText.cpp ----------------------------------------------------===//

#include "report/SummaryText.h"
#include "report/Messages.h"

#include "llvm/ADT/StringExtras.h"

namespace pii {

void printSpot(llvm::raw_ostream &OS, const SourceSpot &Spot) {
  if (Spot.File.text().empty()) {
    OS << '-';
    return;
  }
  OS << Spot.File.text() << ':' << Spot.Line << ':' << Spot.Column;
}

/// An argument index, ObjectArg as the object.
static void printArg(llvm::raw_ostream &OS, int Arg) {
  if (Arg == ObjectArg)
    OS << "this";
  else
    OS << "arg " << Arg;
}

static void printPort(llvm::raw_ostream &OS, const Port &P) {
  switch (P.Kind) {
  case PortKind::Param:
  case PortKind::ParamOut:
    OS << (P.Kind == PortKind::Param ? "param " : "param-out ");
    if (P.Index == ObjectArg)
      OS << "this";
    else
      OS << P.Index;
    break;
  case PortKind::CallResult:
    OS << "call #" << P.Index << " result";
    break;
  case PortKind::CallOut:
    OS << "call #" << P.Index << " writes ";
    printArg(OS, P.Arg);
    break;
  case PortKind::CallArg:
    OS << "call #" << P.Index << ' ';
    printArg(OS, P.Arg);
    break;
  case PortKind::Source:
    OS << "source #" << P.Index;
    break;
  case PortKind::Global:
    OS << "global " << P.Name.text();
    break;
  case PortKind::Return:
    OS << "return";
    break;
  case PortKind::Relay:
    OS << "relay #" << P.Index;
    break;
  }
  for (const Symbol &Field : P.Path)
    OS << " ." << Field.text();
}

static void printCall(llvm::raw_ostream &OS, size_t Index,
                      const CallSite &Call) {
  OS << "    call #" << Index << ' ' << Call.CalleeName.text() << " at ";
  printSpot(OS, Call.Where);
  if (Call.Virtual)
    OS << " virtual";
  if (Call.MutatesObject)
    OS << " mutates-object";
  if (Call.Declassifies)
    OS << " declassifies";
  if (Call.CalleeParam >= 0)
    OS << " through-param " << Call.CalleeParam;
  OS << '\n';
  for (const Symbol &Callee : Call.Callees)
    OS << "      callee " << Callee.text() << '\n';
  for (size_t A = 0; A < Call.Args.size(); ++A) {
    const CallArgument &Arg = Call.Args[A];
    OS << "      arg " << A << " at ";
    printSpot(OS, Arg.Where);
    if (Arg.SinkKind)
      OS << " sink " << Arg.SinkKind->text();
    if (Arg.Output)
      OS << " output";
    if (Arg.ForwardedParam >= 0)
      OS << " forwards-param " << Arg.ForwardedParam;
    for (const FunctionRef &F : Arg.Functions)
      OS << " function " << F.Name.text();
    OS << '\n';
  }
}

static void printFunction(llvm::raw_ostream &OS, const FunctionSummary &F) {
  OS << "  function " << F.Name.text() << " at ";
  printSpot(OS, F.Where);
  OS << "\n    usr " << F.Usr.text() << '\n';
  for (const Symbol &Overridden : F.Overrides)
    OS << "    overrides " << Overridden.text() << '\n';
  for (size_t I = 0; I < F.SinkKinds.size(); ++I)
    if (F.SinkKinds[I])
      OS << "    sink param " << I << " kind " << F.SinkKinds[I]->text()
         << '\n';
  for (size_t C = 0; C < F.Calls.size(); ++C)
    printCall(OS, C, F.Calls[C]);
  for (const Edge &E : F.Edges) {
    OS << "    edge ";
    printPort(OS, E.From);
    OS << " -> ";
    printPort(OS, E.To);
    OS << '\n';
    for (const FlowStep &Step : E.Steps) {
      OS << "      step ";
      printSpot(OS, Step.Where);
      OS << ' ' << stepMessage(Step) << '\n';
    }
  }
}

void printApproximation(llvm::raw_ostream &OS, const Approximation &A) {
  OS << "approximation " << approximationName(A.Kind) << " at ";
  printSpot(OS, A.Where);
  OS << ": " << approximationMessage(A) << '\n';
}

void printSuppression(llvm::raw_ostream &OS, const SuppressionComment &S) {
  OS << "suppression at ";
  printSpot(OS, S.Where);
  OS << " allow(" << llvm::join(S.Rules, ", ") << ')';
  if (!S.Problem.empty())
    OS << " problem: " << S.Problem;
  OS << '\n';
}

void printDeclared(llvm::raw_ostream &OS, const PolicyName &Named) {
  OS << "declares " << toString(Named.Kind) << ' ' << Named.Name << '\n';
}

void printSummary(llvm::raw_ostream &OS, const TranslationUnitSummary &Unit) {
  OS << "translation unit " << Unit.File.text() << '\n';
  for (size_t S = 0; S < Unit.Sources.size(); ++S) {
    const SourceInfo &Source = Unit.Sources[S];
    OS << "  source #" << S << ' ' << Source.Purpose << " from "
       << Source.OriginName << " at ";
    printSpot(OS, Source.OriginSpot);
    OS << '\n';
  }
  for (const SharedFunction &F : Unit.Functions)
    printFunction(OS, *F);
  for (const ClassInfo &C : Unit.Classes) {
    OS << "  class " << C.Usr.text() << " bases";
    for (Symbol Base : C.Bases)
      OS << ' ' << Base.text();
    OS << '\n';
  }
  for (const Approximation &A : Unit.Approximations)
    printApproximation(OS << "  ", A);
  for (const SuppressionComment &S : Unit.Suppressions)
    printSuppression(OS << "  ", S);
  for (const PolicyName &Named : Unit.PolicyNamesDeclared)
    printDeclared(OS << "  ", Named);
}

} // namespace pii

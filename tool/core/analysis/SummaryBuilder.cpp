//===- SummaryBuilder.cpp -------------------------------------------------===//

#include "core/analysis/SummaryBuilder.h"
#include "core/analysis/FlowSteps.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"

#include <algorithm>

using namespace clang;

namespace pii {

SummaryBuilder::SummaryBuilder(AnalysisContext &Ctx, const FunctionDecl *F,
                               FunctionSummary &Out)
    : Ctx(Ctx), F(F), Out(Out) {
  if (const auto *M = dyn_cast_or_null<CXXMethodDecl>(F);
      M && M->getParent()->isLambda()) {
    llvm::DenseMap<const ValueDecl *, FieldDecl *> Fields;
    FieldDecl *This = nullptr;
    M->getParent()->getCaptureFields(Fields, This);
    for (const auto &[Var, Field] : Fields)
      Captures[Var] = Field;
    ThisCapture = This;
  }
}

const FieldDecl *SummaryBuilder::captureField(const ValueDecl *Captured) const {
  if (!Captured)
    return ThisCapture;
  return Captures.lookup(Captured);
}

int SummaryBuilder::callSite(const Expr *Call,
                             llvm::function_ref<void(CallSite &)> Describe) {
  auto [It, Inserted] =
      CallIndex.try_emplace(Call, static_cast<int>(Out.Calls.size()));
  if (Inserted)
    Describe(Out.Calls.emplace_back());
  return It->second;
}

/// Whether path \p A is to be preferred over \p B: shorter, or first in
/// the order of places (and then of what the steps are, never of words).
static bool isShorter(const std::vector<FlowStep> &A,
                      const std::vector<FlowStep> &B) {
  if (A.size() != B.size())
    return A.size() < B.size();
  return A < B;
}

void SummaryBuilder::reach(const TaintSet &T, const Port &To) {
  for (const auto &[Label, Last] : T) {
    Port From = Ctx.portOf(Label);
    // A parameter or global left as it was is not an output.
    if (From == To ||
        (From.Kind == PortKind::Param && To.Kind == PortKind::ParamOut &&
         From.Index == To.Index && From.Path == To.Path))
      continue;
    auto [Known, New] = Edges.try_emplace({From, To}, Out.Edges.size());
    Edge E{std::move(From), To, {}};
    const std::string &Purpose = Ctx.Labels.get(Label).Purpose;
    const SourceManager &SM = Ctx.AST.getSourceManager();
    for (const Step *S : Ctx.Steps.chain(Last)) {
      FlowStep Step = flowStepOf(SM, *S, Purpose);
      // A read inside a call on the same token says one thing twice.
      if (!E.Steps.empty() && E.Steps.back() == Step)
        continue;
      E.Steps.push_back(std::move(Step));
    }
    if (New)
      Out.Edges.push_back(std::move(E));
    else if (isShorter(E.Steps, Out.Edges[Known->second].Steps))
      Out.Edges[Known->second].Steps = std::move(E.Steps);
  }
}

} // namespace pii

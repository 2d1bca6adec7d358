//===- Analyze.cpp --------------------------------------------------------===//

#include "core/Analyze.h"
#include "core/AnalysisContext.h"
#include "core/FunctionAnalysis.h"

#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

using namespace clang;

namespace pii {
namespace {

class FunctionCollector : public RecursiveASTVisitor<FunctionCollector> {
public:
  explicit FunctionCollector(const SourceManager &SM) : SM(SM) {}

  bool shouldVisitTemplateInstantiations() const { return true; }

  bool VisitFunctionDecl(FunctionDecl *F) {
    add(F);
    return true;
  }
  bool VisitLambdaExpr(LambdaExpr *L) {
    add(L->getCallOperator());
    return true;
  }

  std::vector<const FunctionDecl *> Functions;

private:
  void add(const FunctionDecl *F) {
    if (!F->doesThisDeclarationHaveABody() || F->isDependentContext() ||
        F->isInvalidDecl() || SM.isInSystemHeader(F->getLocation()))
      return;
    if (Seen.insert(F).second)
      Functions.push_back(F);
  }

  const SourceManager &SM;
  llvm::DenseSet<const FunctionDecl *> Seen;
};

SourceSpot spotOf(const SourceManager &SM, SourceLocation Loc) {
  PresumedLoc P = SM.getPresumedLoc(SM.getFileLoc(Loc));
  if (P.isInvalid())
    return {};
  llvm::SmallString<256> Path(P.getFilename());
  llvm::sys::fs::make_absolute(Path);
  llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
  return {Path.str().str(), P.getLine(), P.getColumn()};
}

std::string nameOf(const NamedDecl *D) {
  if (!D)
    return "this";
  if (D->getDeclContext()->isFunctionOrMethod())
    return D->getNameAsString();
  return D->getQualifiedNameAsString();
}

std::string describeStep(const Step &S, const Label &L) {
  std::string Subject = "'" + nameOf(S.Subject) + "'";
  std::string Purpose = "'" + L.Purpose + "'";
  switch (S.Kind) {
  case StepKind::ReadSource:
    return Subject + " (purpose " + Purpose + ") is read here";
  case StepKind::DeclaredSource:
    return Subject + " is declared with purpose " + Purpose;
  case StepKind::ReturnSource:
    return Subject + " returns a value with purpose " + Purpose;
  case StepKind::ContainedField:
    return "the object passed here contains " + Subject + " (purpose " +
           Purpose + ")";
  case StepKind::Assign:
    if (S.Detail)
      return "flows into '" + (S.Subject ? nameOf(S.Subject) + "." : "") +
             S.Detail->getNameAsString() + "'";
    return "flows into " + Subject;
  case StepKind::CallResult:
    return "flows through a call to " + Subject;
  case StepKind::CallOutput:
    if (S.Detail)
      return "flows into '" + nameOf(S.Detail) + "' through a call to " +
             Subject;
    return "flows into an output of " + Subject;
  }
  return "";
}

Finding toFinding(const SinkHit &Hit, const AnalysisContext &Ctx) {
  const SourceManager &SM = Ctx.AST.getSourceManager();
  const Label &L = Ctx.Labels.get(Hit.Label);
  Finding F;
  F.RuleId = Hit.BrokenRule->Id;
  F.Level = Hit.BrokenRule->Level;
  F.Purpose = L.Purpose;
  F.SourceName = L.Origin->getQualifiedNameAsString();
  F.SourceDecl = spotOf(SM, L.Origin->getLocation());
  F.SinkName = Hit.Sink->getQualifiedNameAsString();
  F.SinkKind = Hit.SinkKind;
  F.ArgIndex = Hit.ArgIndex;
  F.Where = spotOf(SM, Hit.Argument->getBeginLoc());
  for (const Step *S : Ctx.Steps.chain(Hit.LastStep)) {
    FlowStep Step{spotOf(SM, S->Loc), describeStep(*S, L)};
    // Consecutive steps at one place (a read inside a call on the same token)
    // say one thing twice; keep the first.
    if (!F.Steps.empty() && F.Steps.back().Where == Step.Where &&
        F.Steps.back().Message == Step.Message)
      continue;
    F.Steps.push_back(std::move(Step));
  }
  return F;
}

} // namespace

TranslationUnitAnalysis analyzeTranslationUnit(ASTContext &AST,
                                               const Policy &P) {
  FunctionCollector Collector(AST.getSourceManager());
  Collector.TraverseAST(AST);

  AnalysisContext Ctx(AST, P);
  TranslationUnitAnalysis Result;
  for (const FunctionDecl *F : Collector.Functions) {
    ++Result.Stats.Functions;
    if (analyzeFunction(F, Ctx) != FunctionOutcome::Complete)
      ++Result.Stats.IncompleteFunctions;
  }
  for (const SinkHit &Hit : Ctx.sinkHits())
    Result.Findings.push_back(toFinding(Hit, Ctx));
  sortAndUnique(Result.Findings);
  return Result;
}

} // namespace pii

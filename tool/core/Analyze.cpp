//===- Analyze.cpp --------------------------------------------------------===//

#include "core/Analyze.h"
#include "core/AnalysisContext.h"
#include "core/FunctionAnalysis.h"
#include "core/StepText.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"

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

void collectOverrides(const CXXMethodDecl *M, AnalysisContext &Ctx,
                      std::vector<std::string> &Out) {
  for (const CXXMethodDecl *Overridden : M->overridden_methods()) {
    Out.push_back(Ctx.usrOf(Overridden));
    collectOverrides(Overridden, Ctx, Out);
  }
}

} // namespace

TranslationUnitAnalysis summarizeTranslationUnit(ASTContext &AST,
                                                 const Policy &P) {
  const SourceManager &SM = AST.getSourceManager();
  FunctionCollector Collector(SM);
  Collector.TraverseAST(AST);

  TranslationUnitAnalysis Result;
  if (auto Main = SM.getFileEntryRefForID(SM.getMainFileID()))
    Result.Summary.File = Main->getName().str();
  AnalysisContext Ctx(AST, P, Result.Summary);
  for (const FunctionDecl *F : Collector.Functions) {
    FunctionSummary &Out = Result.Summary.Functions.emplace_back();
    Out.Usr = Ctx.usrOf(F);
    Out.Name = displayName(F);
    Out.Where = spotOf(SM, F->getLocation());
    if (const auto *M = dyn_cast<CXXMethodDecl>(F))
      collectOverrides(M, Ctx, Out.Overrides);
    ++Result.Stats.Functions;
    FunctionOutcome Outcome = analyzeFunction(F, Ctx, Out);
    if (Outcome == FunctionOutcome::Complete)
      continue;
    ++Result.Stats.IncompleteFunctions;
    Result.Summary.Approximations.push_back(
        {Outcome == FunctionOutcome::NoCFG ? "no-cfg" : "budget", Out.Where,
         "the analysis of '" + Out.Name + "' stopped early"});
  }
  return Result;
}

} // namespace pii

//===- Analyze.cpp --------------------------------------------------------===//

#include "core/analysis/Analyze.h"
#include "core/analysis/AnalysisContext.h"
#include "core/analysis/DeclaredPolicyNames.h"
#include "core/analysis/FlowSteps.h"
#include "core/analysis/FunctionAnalysis.h"
#include "core/analysis/UserCodeVisitor.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace pii {
namespace {

class FunctionCollector : public UserCodeVisitor<FunctionCollector> {
public:
  using UserCodeVisitor::UserCodeVisitor;

  bool shouldVisitTemplateInstantiations() const { return true; }

  bool VisitFunctionDecl(FunctionDecl *F) {
    add(F);
    return true;
  }
  bool VisitLambdaExpr(LambdaExpr *L) {
    add(L->getCallOperator());
    // A generic lambda's call operator is a template: analyze each use.
    if (const FunctionTemplateDecl *Generic = L->getDependentCallOperator())
      for (const FunctionDecl *Specialization : Generic->specializations())
        add(Specialization);
    return true;
  }

  /// A class that derives from others, as written or instantiated.
  bool VisitCXXRecordDecl(CXXRecordDecl *R) {
    if (R->isThisDeclarationADefinition() && !R->isDependentContext() &&
        R->getNumBases() > 0 && !R->isInvalidDecl() &&
        !SM.isInSystemHeader(R->getLocation()) && ClassesSeen.insert(R).second)
      Classes.push_back(R);
    return true;
  }

  bool VisitVarDecl(VarDecl *V) {
    if (V->hasGlobalStorage() && !V->isStaticLocal() && V->hasInit() &&
        !V->isTemplated() && !isa<ParmVarDecl>(V) &&
        !SM.isInSystemHeader(V->getLocation()) && GlobalsSeen.insert(V).second)
      Globals.push_back(V);
    return true;
  }

  std::vector<const FunctionDecl *> Functions;
  /// Globals with initializers, which run code of their own.
  std::vector<const VarDecl *> Globals;
  std::vector<const CXXRecordDecl *> Classes;

private:
  void add(const FunctionDecl *F) {
    if (!F->doesThisDeclarationHaveABody() || F->isDependentContext() ||
        F->isInvalidDecl() || SM.isInSystemHeader(F->getLocation()))
      return;
    if (Seen.insert(F).second)
      Functions.push_back(F);
  }

  llvm::DenseSet<const FunctionDecl *> Seen;
  llvm::DenseSet<const VarDecl *> GlobalsSeen;
  llvm::DenseSet<const CXXRecordDecl *> ClassesSeen;
};

void collectOverrides(const CXXMethodDecl *M, AnalysisContext &Ctx,
                      std::vector<Symbol> &Out) {
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
    FunctionSummary Out;
    Out.Usr = Ctx.usrOf(F);
    Out.Name = displayName(F);
    Out.Where = spotOf(SM, F->getLocation());
    if (const auto *M = dyn_cast<CXXMethodDecl>(F))
      collectOverrides(M, Ctx, Out.Overrides);
    Out.SinkKinds = Ctx.parameterSinkKinds(F);
    FunctionOutcome Outcome = analyzeFunction(F, Ctx, Out);
    if (Outcome != FunctionOutcome::Complete) {
      ++Result.Stats.IncompleteFunctions;
      Result.Summary.Approximations.push_back({Outcome == FunctionOutcome::NoCFG
                                                   ? ApproximationKind::NoCfg
                                                   : ApproximationKind::Budget,
                                               Out.Where, Out.Name, 0});
    }
    Result.Summary.Functions.push_back(share(std::move(Out)));
  }
  for (const VarDecl *V : Collector.Globals) {
    FunctionSummary Out;
    Out.Usr = "pii:init@" + Ctx.usrOf(V);
    Out.Name = "the initializer of '" + qualifiedName(V) + "'";
    Out.Where = spotOf(SM, V->getLocation());
    analyzeInitializer(V, Ctx, Out);
    Result.Summary.Functions.push_back(share(std::move(Out)));
  }
  for (const CXXRecordDecl *R : Collector.Classes) {
    ClassInfo &Out = Result.Summary.Classes.emplace_back();
    Out.Usr = Ctx.usrOf(R);
    for (const CXXBaseSpecifier &Base : R->bases())
      if (const CXXRecordDecl *B = Base.getType()->getAsCXXRecordDecl())
        Out.Bases.push_back(Ctx.usrOf(B));
  }
  Result.Summary.PolicyNamesDeclared = declaredPolicyNames(AST, P);
  canonicalize(Result.Summary);
  return Result;
}

} // namespace pii

//===- FunctionAnalysis.cpp -----------------------------------------------===//

#include "core/analysis/FunctionAnalysis.h"
#include "core/analysis/Relays.h"
#include "core/analysis/Transfer.h"

#include "clang/AST/ParentMap.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Analysis/Analyses/PostOrderCFGView.h"
#include "clang/Analysis/CFG.h"
#include "clang/Analysis/FlowSensitive/DataflowWorklist.h"

#include <optional>

using namespace clang;

namespace pii {
namespace {

/// Elements evaluated as part of an enclosing element. The CFG also lists
/// the branches of `?:`, `&&` and `||` as elements of their own blocks; the
/// transfer functions evaluate them with the enclosing full expression
/// instead, which joins both arms. Only expressions, declarations and returns
/// are evaluated recursively; a `catch` element does not contain its body.
llvm::DenseSet<const Stmt *> nestedElements(const CFG &G, const Stmt *Body) {
  llvm::DenseSet<const Stmt *> Elements;
  for (const CFGBlock *B : G)
    for (const CFGElement &E : *B)
      if (auto S = E.getAs<CFGStmt>())
        Elements.insert(S->getStmt());
  ParentMap Parents(const_cast<Stmt *>(Body));
  llvm::DenseSet<const Stmt *> Nested;
  for (const Stmt *S : Elements)
    for (const Stmt *P = Parents.getParent(S); P; P = Parents.getParent(P))
      if (Elements.contains(P) && isa<Expr, DeclStmt, ReturnStmt>(P)) {
        Nested.insert(S);
        break;
      }
  return Nested;
}

/// Whether \p Body holds a try block; a walk with a stack of its own, as
/// bodies nest as deep as they like.
bool containsTry(const Stmt *Body) {
  std::vector<const Stmt *> Stack{Body};
  while (!Stack.empty()) {
    const Stmt *St = Stack.back();
    Stack.pop_back();
    if (isa<CXXTryStmt>(St))
      return true;
    for (const Stmt *Child : St->children())
      if (Child)
        Stack.push_back(Child);
  }
  return false;
}

} // namespace

FunctionOutcome analyzeFunction(const FunctionDecl *F, AnalysisContext &Ctx,
                                FunctionSummary &Out) {
  Stmt *Body = F->getBody();
  CFG::BuildOptions Options;
  Options.AddInitializers = true;
  Options.AddCXXDefaultInitExprInCtors = true;
  // Without exception edges, catch handlers are unreachable and a value set
  // in a try block before a throwing call would never reach them. They end a
  // block at every call that may throw, so only functions with a try pay.
  Options.AddEHEdges = containsTry(Body);
  // Where locals die, so that the store holds live variables only: a long
  // function keeps a small store in every block.
  Options.AddLifetime = true;
  std::unique_ptr<CFG> G = CFG::buildCFG(F, Body, &Ctx.AST, Options);
  if (!G)
    return FunctionOutcome::NoCFG;
  llvm::DenseSet<const Stmt *> Nested = nestedElements(*G, Body);

  // Generous for real code (most blocks converge in two or three visits),
  // small enough that a pathological body ends in milliseconds.
  const unsigned Budget = 64 * G->getNumBlockIDs() + 1024;
  unsigned Visits = 0;
  SummaryBuilder Summary(Ctx, F, Out);
  Relays Relayed(Ctx, Summary);
  std::vector<std::optional<Store>> Entry(G->getNumBlockIDs());
  // A block is visited after its predecessors where possible.
  PostOrderCFGView Order(G.get());
  ForwardDataflowWorklist Work(*G, &Order);
  Transfer(Ctx, Summary, Entry[G->getEntry().getBlockID()].emplace())
      .enterFunction();
  Work.enqueueBlock(&G->getEntry());
  while (const CFGBlock *B = Work.dequeue()) {
    if (++Visits > Budget)
      return FunctionOutcome::BudgetExhausted;
    Store S = *Entry[B->getBlockID()];
    Transfer T(Ctx, Summary, S);
    if (const auto *Catch = dyn_cast_or_null<CXXCatchStmt>(B->getLabel()))
      if (const VarDecl *Exception = Catch->getExceptionDecl())
        T.enterCatch(Exception);
    for (const auto &[Index, E] : llvm::enumerate(*B)) {
      if (auto St = E.getAs<CFGStmt>()) {
        if (!Nested.contains(St->getStmt())) {
          T.execute(St->getStmt());
          Relayed.relayLarge(B->getBlockID(), Index, S);
        }
      } else if (auto Init = E.getAs<CFGInitializer>()) {
        T.initializeMember(Init->getInitializer());
      } else if (auto Ends = E.getAs<CFGLifetimeEnds>()) {
        S.forget(Ends->getVarDecl());
      }
    }
    for (const CFGBlock *Succ : B->succs()) {
      if (!Succ)
        continue;
      std::optional<Store> &SuccEntry = Entry[Succ->getBlockID()];
      bool First = !SuccEntry;
      if (First)
        SuccEntry.emplace();
      if (Relayed.joinInto(Succ->getBlockID(), *SuccEntry, S) || First)
        Work.enqueueBlock(Succ);
    }
  }
  if (std::optional<Store> &Exit = Entry[G->getExit().getBlockID()])
    Transfer(Ctx, Summary, *Exit).leaveFunction();
  return FunctionOutcome::Complete;
}

void analyzeInitializer(const VarDecl *V, AnalysisContext &Ctx,
                        FunctionSummary &Out) {
  SummaryBuilder Summary(Ctx, nullptr, Out);
  Store S;
  Transfer T(Ctx, Summary, S);
  T.declare(V);
  T.leaveFunction();
}

} // namespace pii

//===- ReturnedReference.cpp ----------------------------------------------===//

#include "core/analysis/ReturnedReference.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace pii {
namespace {

/// What \p E denotes, as a referent; nullopt if it is anything else. A
/// loop down the chain of objects rather than a recursion, since a chain
/// (a.b.c..., *p) may be as long as the code generating it likes.
std::optional<Referent> referentOf(const Expr *E) {
  // Fields met on the way down, outermost first.
  llvm::SmallVector<const FieldDecl *, 4> Fields;
  auto Below = [&](Referent R) {
    R.Path.append(Fields.rbegin(), Fields.rend());
    return std::optional<Referent>(std::move(R));
  };
  for (;;) {
    E = E->IgnoreParenImpCasts();
    if (const auto *U = dyn_cast<UnaryOperator>(E);
        U && U->getOpcode() == UO_Deref) {
      const Expr *Pointer = U->getSubExpr()->IgnoreParenImpCasts();
      if (isa<CXXThisExpr>(Pointer))
        return Below(Referent{Referent::Object, 0, nullptr, {}});
      E = Pointer; // *p for a pointer parameter p
      continue;
    }
    if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
      if (const auto *Param = dyn_cast<ParmVarDecl>(Ref->getDecl());
          Param && (Param->getType()->isReferenceType() ||
                    Param->getType()->isPointerType()))
        return Below(Referent{
            Referent::Parameter, Param->getFunctionScopeIndex(), nullptr, {}});
      if (const auto *V = dyn_cast<VarDecl>(Ref->getDecl());
          V && V->hasGlobalStorage())
        return Below(Referent{Referent::Static, 0, V, {}});
      return std::nullopt;
    }
    if (const auto *M = dyn_cast<MemberExpr>(E)) {
      const auto *Field = dyn_cast<FieldDecl>(M->getMemberDecl());
      if (!Field)
        return std::nullopt;
      Fields.push_back(Field);
      const Expr *Base = M->getBase()->IgnoreParenImpCasts();
      if (isa<CXXThisExpr>(Base))
        return Below(Referent{Referent::Object, 0, nullptr, {}});
      E = Base;
      continue;
    }
    // An element of a library container the function was given or holds:
    // v[i], m.at(k), entries_.back() (elements share the container's paths).
    if (const auto *Call = dyn_cast<CallExpr>(E)) {
      const FunctionDecl *Callee = Call->getDirectCallee();
      const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Callee);
      if (!Method ||
          !Callee->getASTContext().getSourceManager().isInSystemHeader(
              Callee->getLocation()))
        return std::nullopt;
      if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call)) {
        E = Member->getImplicitObjectArgument();
        continue;
      }
      if (isa<CXXOperatorCallExpr>(Call) && Call->getNumArgs() > 0) {
        E = Call->getArg(0);
        continue;
      }
    }
    return std::nullopt;
  }
}

/// The returns of a body, not those of lambdas inside it; a walk with a
/// stack of its own, as bodies nest as deep as they like.
std::vector<const ReturnStmt *> returnsOf(const Stmt *Body) {
  std::vector<const ReturnStmt *> Found;
  std::vector<const Stmt *> Stack{Body};
  while (!Stack.empty()) {
    const Stmt *St = Stack.back();
    Stack.pop_back();
    if (const auto *R = dyn_cast<ReturnStmt>(St))
      Found.push_back(R);
    else if (!isa<LambdaExpr>(St))
      for (const Stmt *Child : St->children())
        if (Child)
          Stack.push_back(Child);
  }
  return Found;
}

bool sameReferent(const Referent &A, const Referent &B) {
  return A.Kind == B.Kind && A.Param == B.Param && A.Variable == B.Variable &&
         A.Path == B.Path;
}

} // namespace

std::optional<Referent> returnedReferent(const FunctionDecl *F) {
  const FunctionDecl *Definition = F->getDefinition();
  if (!Definition || !Definition->getBody() ||
      !F->getReturnType()->isReferenceType())
    return std::nullopt;
  std::optional<Referent> Agreed;
  for (const ReturnStmt *R : returnsOf(Definition->getBody())) {
    std::optional<Referent> This =
        R->getRetValue() ? referentOf(R->getRetValue()) : std::nullopt;
    if (!This || (Agreed && !sameReferent(*Agreed, *This)))
      return std::nullopt;
    Agreed = This;
  }
  return Agreed;
}

} // namespace pii

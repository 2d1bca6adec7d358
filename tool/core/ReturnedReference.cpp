//===- ReturnedReference.cpp ----------------------------------------------===//

#include "core/ReturnedReference.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtVisitor.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace pii {
namespace {

/// What \p E denotes, as a referent; nullopt if it is anything else.
std::optional<Referent> referentOf(const Expr *E) {
  E = E->IgnoreParenImpCasts();
  if (const auto *U = dyn_cast<UnaryOperator>(E);
      U && U->getOpcode() == UO_Deref) {
    const Expr *Pointer = U->getSubExpr()->IgnoreParenImpCasts();
    if (isa<CXXThisExpr>(Pointer))
      return Referent{Referent::Object, 0, nullptr, {}};
    return referentOf(Pointer); // *p for a pointer parameter p
  }
  if (const auto *Ref = dyn_cast<DeclRefExpr>(E)) {
    if (const auto *Param = dyn_cast<ParmVarDecl>(Ref->getDecl());
        Param && (Param->getType()->isReferenceType() ||
                  Param->getType()->isPointerType()))
      return Referent{
          Referent::Parameter, Param->getFunctionScopeIndex(), nullptr, {}};
    if (const auto *V = dyn_cast<VarDecl>(Ref->getDecl());
        V && V->hasGlobalStorage())
      return Referent{Referent::Static, 0, V, {}};
    return std::nullopt;
  }
  if (const auto *M = dyn_cast<MemberExpr>(E)) {
    const auto *Field = dyn_cast<FieldDecl>(M->getMemberDecl());
    if (!Field)
      return std::nullopt;
    const Expr *Base = M->getBase()->IgnoreParenImpCasts();
    std::optional<Referent> R = isa<CXXThisExpr>(Base)
                                    ? Referent{Referent::Object, 0, nullptr, {}}
                                    : referentOf(Base);
    if (R)
      R->Path.push_back(Field);
    return R;
  }
  // An element of a library container the function was given or holds:
  // v[i], m.at(k), entries_.back() (elements share the container's paths).
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Callee);
    if (!Method || !Callee->getASTContext().getSourceManager().isInSystemHeader(
                       Callee->getLocation()))
      return std::nullopt;
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call))
      return referentOf(Member->getImplicitObjectArgument());
    if (isa<CXXOperatorCallExpr>(Call) && Call->getNumArgs() > 0)
      return referentOf(Call->getArg(0));
  }
  return std::nullopt;
}

/// Collects the returns of a body, not those of lambdas inside it.
class Returns : public ConstStmtVisitor<Returns> {
public:
  void VisitReturnStmt(const ReturnStmt *R) { Found.push_back(R); }
  void VisitLambdaExpr(const LambdaExpr *) {}
  void VisitStmt(const Stmt *S) {
    for (const Stmt *Child : S->children())
      if (Child)
        Visit(Child);
  }
  std::vector<const ReturnStmt *> Found;
};

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
  Returns Collector;
  Collector.Visit(Definition->getBody());
  std::optional<Referent> Agreed;
  for (const ReturnStmt *R : Collector.Found) {
    std::optional<Referent> This =
        R->getRetValue() ? referentOf(R->getRetValue()) : std::nullopt;
    if (!This || (Agreed && !sameReferent(*Agreed, *This)))
      return std::nullopt;
    Agreed = This;
  }
  return Agreed;
}

} // namespace pii

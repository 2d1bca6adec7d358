//===- LibraryModels.cpp --------------------------------------------------===//

#include "core/analysis/LibraryModels.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace pii {

static bool isStd(const NamedDecl *D, llvm::StringRef Name) {
  // Operators and conversions have no identifier; getName() needs one.
  return D && D->getIdentifier() && D->isInStdNamespace() &&
         D->getName() == Name;
}

static bool isPair(QualType T) {
  const auto *Record = T.getNonReferenceType()->getAsCXXRecordDecl();
  return Record && isStd(Record, "pair");
}

std::optional<std::array<const Expr *, 2>> pairElements(const Expr *E) {
  E = E->IgnoreImplicit()->IgnoreParens();
  if (const auto *Cast = dyn_cast<CXXFunctionalCastExpr>(E))
    E = Cast->getSubExpr()->IgnoreImplicit();
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E))
    if (isPair(Construct->getType()) && Construct->getNumArgs() == 2)
      return std::array<const Expr *, 2>{Construct->getArg(0),
                                         Construct->getArg(1)};
  if (const auto *Call = dyn_cast<CallExpr>(E))
    if (isStd(Call->getDirectCallee(), "make_pair") && Call->getNumArgs() == 2)
      return std::array<const Expr *, 2>{Call->getArg(0), Call->getArg(1)};
  return std::nullopt;
}

const FieldDecl *pairField(QualType T, unsigned Index) {
  if (!isPair(T))
    return nullptr;
  const CXXRecordDecl *Record =
      T.getNonReferenceType()->getAsCXXRecordDecl()->getDefinition();
  if (!Record)
    return nullptr;
  for (const FieldDecl *F : Record->fields())
    if (F->getName() == (Index == 0 ? "first" : "second"))
      return F;
  return nullptr;
}

std::optional<std::pair<const Expr *, unsigned>> pairGet(const CallExpr *C) {
  const FunctionDecl *Callee = C->getDirectCallee();
  if (!isStd(Callee, "get") || C->getNumArgs() != 1 ||
      !isPair(C->getArg(0)->getType()))
    return std::nullopt;
  const TemplateArgumentList *Args = Callee->getTemplateSpecializationArgs();
  if (!Args || Args->size() == 0 ||
      Args->get(0).getKind() != TemplateArgument::Integral)
    return std::nullopt;
  return std::make_pair(
      C->getArg(0),
      static_cast<unsigned>(Args->get(0).getAsIntegral().getZExtValue()));
}

} // namespace pii

//===- MemberModels.cpp ---------------------------------------------------===//

#include "core/analysis/MemberModels.h"
#include "core/analysis/Annotations.h"
#include "core/policy/Propagation.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace pii {

using MemberWise = Propagation::MemberWise;

/// The member named \p Name of the class \p T (a reference: the class it
/// refers to), if it is defined and has one.
static const FieldDecl *memberNamed(QualType T, llvm::StringRef Name) {
  const CXXRecordDecl *Record = T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!Record || !(Record = Record->getDefinition()))
    return nullptr;
  for (const FieldDecl *F : Record->fields())
    if (F->getIdentifier() && F->getName() == Name)
      return F;
  return nullptr;
}

/// What the table says of \p F, if it models it as \p Kind.
static const Propagation *modelled(const FunctionDecl *F, MemberWise Kind,
                                   AnnotationIndex &Annotations) {
  const Propagation *Model = F ? Annotations.propagationOf(F) : nullptr;
  return Model && Model->Members == Kind ? Model : nullptr;
}

std::optional<llvm::SmallVector<BuiltMember, 2>>
membersBuilt(const Expr *E, AnnotationIndex &Annotations) {
  E = E->IgnoreImplicit()->IgnoreParens();
  if (const auto *Cast = dyn_cast<CXXFunctionalCastExpr>(E))
    E = Cast->getSubExpr()->IgnoreImplicit();
  const FunctionDecl *Callee = nullptr;
  llvm::SmallVector<const Expr *, 2> Args;
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
    Callee = Construct->getConstructor();
    Args.append(Construct->arg_begin(), Construct->arg_end());
  } else if (const auto *Call = dyn_cast<CallExpr>(E)) {
    Callee = Call->getDirectCallee();
    Args.append(Call->arg_begin(), Call->arg_end());
  }
  const Propagation *Model =
      modelled(Callee, MemberWise::BuildsFromArgs, Annotations);
  if (!Model || Args.size() != Model->MemberNames.size())
    return std::nullopt;
  llvm::SmallVector<BuiltMember, 2> Members;
  for (unsigned I = 0; I < Args.size(); ++I) {
    const FieldDecl *Field = memberNamed(E->getType(), Model->MemberNames[I]);
    if (!Field)
      return std::nullopt;
    Members.push_back({Field, Args[I]});
  }
  return Members;
}

std::optional<ReadMember> memberRead(const CallExpr *C,
                                     AnnotationIndex &Annotations) {
  const FunctionDecl *Callee = C->getDirectCallee();
  const Propagation *Model =
      modelled(Callee, MemberWise::ReadsByTemplateIndex, Annotations);
  if (!Model || C->getNumArgs() != 1)
    return std::nullopt;
  const TemplateArgumentList *TemplateArgs =
      Callee->getTemplateSpecializationArgs();
  if (!TemplateArgs || TemplateArgs->size() == 0 ||
      TemplateArgs->get(0).getKind() != TemplateArgument::Integral)
    return std::nullopt;
  uint64_t Index = TemplateArgs->get(0).getAsIntegral().getZExtValue();
  if (Index >= Model->MemberNames.size())
    return std::nullopt;
  const Expr *Object = C->getArg(0);
  const FieldDecl *Field =
      memberNamed(Object->getType(), Model->MemberNames[Index]);
  if (!Field)
    return std::nullopt;
  return ReadMember{Object, Field};
}

} // namespace pii

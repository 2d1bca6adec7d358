//===- AnalysisContext.cpp ------------------------------------------------===//

#include "core/AnalysisContext.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"

using namespace clang;

namespace pii {

void AnalysisContext::recordSinkArgument(const FunctionDecl *Sink,
                                         const std::string &Kind,
                                         unsigned ArgIndex,
                                         const Expr *Argument,
                                         const TaintSet &Taint) {
  for (const auto &[Label, Step] : Taint)
    for (const Rule *R : Pol.rulesBrokenBy(Labels.get(Label).Purpose, Kind))
      if (HitIndex.try_emplace({Argument, Label, R}, Hits.size()).second)
        Hits.push_back({R, Label, Step, Sink, Kind, ArgIndex, Argument});
}

const std::vector<const FieldDecl *> &
AnalysisContext::containedPurposeFields(QualType T) {
  const Type *Key = T.getCanonicalType().getTypePtr();
  auto It = ContainedFields.find(Key);
  if (It != ContainedFields.end())
    return It->second;
  std::vector<const FieldDecl *> Fields;
  collectPurposeFields(T, 0, Fields);
  return ContainedFields[Key] = std::move(Fields);
}

void AnalysisContext::collectPurposeFields(QualType T, unsigned Depth,
                                           std::vector<const FieldDecl *> &Out) {
  // Deep enough for a vector<pair<string, User>> of Users holding Contacts,
  // shallow enough that recursive types stop quickly.
  constexpr unsigned MaxDepth = 4;
  if (T.isNull() || Depth > MaxDepth)
    return;
  T = T.getNonReferenceType().getCanonicalType();
  if (T->isPointerType() || T->isArrayType()) {
    QualType Element = T->isPointerType() ? T->getPointeeType()
                                          : QualType(T->getArrayElementTypeNoTypeQual(), 0);
    collectPurposeFields(Element, Depth + 1, Out);
    return;
  }
  const auto *Record = T->getAsCXXRecordDecl();
  if (!Record || !Record->hasDefinition())
    return;
  Record = Record->getDefinition();
  for (const FieldDecl *F : Record->fields()) {
    if (!Annotations.purposesOf(F).empty() && llvm::find(Out, F) == Out.end())
      Out.push_back(F);
    collectPurposeFields(F->getType(), Depth + 1, Out);
  }
  for (const CXXBaseSpecifier &Base : Record->bases())
    collectPurposeFields(Base.getType(), Depth + 1, Out);
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(Record))
    for (const TemplateArgument &Arg : Spec->getTemplateArgs().asArray())
      if (Arg.getKind() == TemplateArgument::Type)
        collectPurposeFields(Arg.getAsType(), Depth + 1, Out);
}

} // namespace pii

//===- Annotations.cpp ----------------------------------------------------===//

#include "core/Annotations.h"

#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"

using namespace clang;

namespace pii {

bool isPiiAnnotation(const AnnotateAttr &A) {
  return A.getAnnotation().starts_with("pii::");
}

std::optional<llvm::SmallVector<std::string, 2>>
stringArguments(const AnnotateAttr &A) {
  llvm::SmallVector<std::string, 2> Strings;
  for (const Expr *Arg : A.args()) {
    const auto *Literal =
        dyn_cast<StringLiteral>(Arg->IgnoreUnlessSpelledInSource());
    if (!Literal || !Literal->isOrdinary())
      return std::nullopt;
    Strings.push_back(Literal->getString().str());
  }
  return Strings;
}

/// Calls \p Visit with the arguments of every well-formed \p Name annotation on
/// \p D. Malformed ones are AnnotationChecks' business, not the analysis'.
template <typename Fn>
static void forEachAnnotation(const Decl *D, llvm::StringRef Name, Fn Visit) {
  for (const auto *A : D->specific_attrs<AnnotateAttr>()) {
    if (A->getAnnotation() != Name)
      continue;
    if (auto Args = stringArguments(*A))
      Visit(*Args);
  }
}

static void addPurposes(const Decl *D, PurposeList &Out) {
  forEachAnnotation(D, PurposeAnnotation, [&](const auto &Args) {
    for (const std::string &P : Args)
      if (!P.empty() && llvm::find(Out, P) == Out.end())
        Out.push_back(P);
  });
}

static std::optional<std::string> sinkKindOn(const Decl *D) {
  std::optional<std::string> Kind;
  forEachAnnotation(D, SinkAnnotation, [&](const auto &Args) {
    if (Args.size() == 1 && !Args.front().empty())
      Kind = Args.front();
  });
  return Kind;
}

/// Visits \p F, its redeclarations, and transitively the virtual functions it
/// overrides, stopping at the first that returns a value.
template <typename T, typename Fn>
static std::optional<T> findInFunctionFamily(const FunctionDecl *F, Fn Probe) {
  for (const FunctionDecl *Redecl : F->redecls())
    if (std::optional<T> Found = Probe(Redecl))
      return Found;
  if (const auto *M = dyn_cast<CXXMethodDecl>(F))
    for (const CXXMethodDecl *Overridden : M->overridden_methods())
      if (std::optional<T> Found = findInFunctionFamily<T>(Overridden, Probe))
        return Found;
  return std::nullopt;
}

const PurposeList &AnnotationIndex::purposesOf(const ValueDecl *D) {
  auto [It, Inserted] = DeclPurposes.try_emplace(D->getCanonicalDecl());
  if (!Inserted)
    return It->second;
  PurposeList Found;
  if (const auto *Param = dyn_cast<ParmVarDecl>(D)) {
    // Annotations may sit on any declaration of the function, e.g. the one in
    // the header, while the body refers to the definition's parameters.
    unsigned Index = Param->getFunctionScopeIndex();
    if (const auto *F = dyn_cast<FunctionDecl>(Param->getDeclContext()))
      for (const FunctionDecl *Redecl : F->redecls())
        if (Index < Redecl->getNumParams())
          addPurposes(Redecl->getParamDecl(Index), Found);
    addPurposes(Param, Found);
  } else {
    for (const Decl *Redecl : D->redecls())
      addPurposes(Redecl, Found);
  }
  It->second = std::move(Found);
  return It->second;
}

const PurposeList &AnnotationIndex::returnPurposesOf(const FunctionDecl *F) {
  auto [It, Inserted] = ReturnPurposes.try_emplace(F->getCanonicalDecl());
  if (!Inserted)
    return It->second;
  PurposeList Found;
  findInFunctionFamily<bool>(F, [&](const FunctionDecl *G) {
    addPurposes(G, Found);
    return std::optional<bool>(); // keep walking: purposes accumulate
  });
  It->second = std::move(Found);
  return It->second;
}

/// A sink class makes sinks of the member functions it declares or inherits,
/// but not of the copy and move operations that merely move objects around.
static bool isSinkClassMember(const CXXMethodDecl *M) {
  if (isa<CXXDestructorDecl>(M) || M->isCopyAssignmentOperator() ||
      M->isMoveAssignmentOperator())
    return false;
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(M))
    return !Ctor->isCopyOrMoveConstructor();
  return true;
}

static std::optional<std::string> sinkKindOfClass(const CXXRecordDecl *R) {
  if (!R || !R->hasDefinition())
    return std::nullopt;
  R = R->getDefinition();
  for (const Decl *Redecl : R->redecls())
    if (auto Kind = sinkKindOn(Redecl))
      return Kind;
  for (const CXXBaseSpecifier &Base : R->bases())
    if (auto Kind = sinkKindOfClass(Base.getType()->getAsCXXRecordDecl()))
      return Kind;
  return std::nullopt;
}

std::optional<std::string> AnnotationIndex::sinkKindOf(const FunctionDecl *F,
                                                       unsigned ArgIndex) {
  return findInFunctionFamily<std::string>(
      F, [&](const FunctionDecl *G) -> std::optional<std::string> {
        if (auto Kind = sinkKindOn(G))
          return Kind;
        if (ArgIndex < G->getNumParams())
          if (auto Kind = sinkKindOn(G->getParamDecl(ArgIndex)))
            return Kind;
        if (const auto *M = dyn_cast<CXXMethodDecl>(G);
            M && isSinkClassMember(M))
          return sinkKindOfClass(M->getParent());
        return std::nullopt;
      });
}

bool AnnotationIndex::isDeclassifier(const FunctionDecl *F) {
  return findInFunctionFamily<bool>(
             F,
             [](const FunctionDecl *G) -> std::optional<bool> {
               bool Found = false;
               forEachAnnotation(
                   G, DeclassifyAnnotation, [&](const auto &Args) {
                     Found |= Args.size() == 1 && !Args.front().empty();
                   });
               return Found ? std::optional<bool>(true) : std::nullopt;
             })
      .has_value();
}

} // namespace pii

//===- Annotations.cpp ----------------------------------------------------===//

#include "core/analysis/Annotations.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringExtras.h"

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

static void addPurpose(const std::string &Purpose, PurposeList &Out) {
  if (!Purpose.empty() && llvm::find(Out, Purpose) == Out.end())
    Out.push_back(Purpose);
}

static void addPurposes(const Decl *D, PurposeList &Out) {
  forEachAnnotation(D, PurposeAnnotation, [&](const auto &Args) {
    for (const std::string &P : Args)
      addPurpose(P, Out);
  });
}

std::string policyName(const NamedDecl *D) {
  llvm::SmallVector<std::string, 4> Parts{D->getNameAsString()};
  for (const DeclContext *C = D->getDeclContext(); C; C = C->getParent()) {
    if (const auto *NS = dyn_cast<NamespaceDecl>(C)) {
      if (NS->isAnonymousNamespace())
        Parts.push_back("(anonymous namespace)");
      else if (!NS->isInline())
        Parts.push_back(NS->getNameAsString());
    } else if (const auto *Outer = dyn_cast<NamedDecl>(C)) {
      // Classes (a specialization's name is its template's) and, for a
      // local class, its function.
      Parts.push_back(Outer->getNameAsString());
    }
  }
  return llvm::join(llvm::reverse(Parts), "::");
}

/// The purposes \p Map gives \p D by name, added to \p Out.
static void addPurposesNamed(const ByName<std::vector<std::string>> &Map,
                             const NamedDecl *D, PurposeList &Out) {
  if (Map.empty())
    return;
  if (auto It = Map.find(policyName(D)); It != Map.end())
    for (const std::string &P : It->second)
      addPurpose(P, Out);
}

void AnnotationIndex::addNamedPurposes(const ValueDecl *D,
                                       PurposeList &Out) const {
  if (isa<FieldDecl>(D))
    addPurposesNamed(Named.FieldPurposes, D, Out);
  else if (isa<VarDecl>(D) && !isa<ParmVarDecl>(D))
    addPurposesNamed(Named.VariablePurposes, D, Out);
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
    addNamedPurposes(D, Found);
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
    addPurposesNamed(Named.FunctionPurposes, G, Found);
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

std::optional<std::string>
AnnotationIndex::namedSinkKind(const FunctionDecl *F, unsigned ArgIndex) const {
  if (Named.Sinks.empty())
    return std::nullopt;
  auto It = Named.Sinks.find(policyName(F));
  if (It == Named.Sinks.end())
    return std::nullopt;
  for (const NamedSink &Sink : It->second)
    if (Sink.appliesTo(ArgIndex))
      return Sink.Kind;
  return std::nullopt;
}

std::optional<std::string> AnnotationIndex::sinkKindOf(const FunctionDecl *F,
                                                       unsigned ArgIndex) {
  return findInFunctionFamily<std::string>(
      F, [&](const FunctionDecl *G) -> std::optional<std::string> {
        if (auto Kind = sinkKindOn(G))
          return Kind;
        if (auto Kind = namedSinkKind(G, ArgIndex))
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

const Propagation *AnnotationIndex::propagationOf(const FunctionDecl *F) {
  // Constructors are named after their class (std::pair::pair), operators
  // by their spelling (std::vector::operator[]).
  if (Named.Propagations.empty() ||
      !(F->getDeclName().isIdentifier() || F->isOverloadedOperator() ||
        isa<CXXConstructorDecl>(F)))
    return nullptr;
  // Asked at every evaluation of every call: the qualified name is built
  // once per function.
  auto [Known, New] = Models.try_emplace(F->getCanonicalDecl());
  if (New) {
    auto It = Named.Propagations.find(policyName(F));
    bool Applies =
        It != Named.Propagations.end() &&
        (!It->second.SystemLibraryOnly ||
         F->getASTContext().getSourceManager().isInSystemHeader(
             F->getLocation()));
    Known->second = Applies ? &It->second : nullptr;
  }
  return Known->second;
}

bool AnnotationIndex::isDeclassifier(const FunctionDecl *F) {
  return findInFunctionFamily<bool>(
             F,
             [&](const FunctionDecl *G) -> std::optional<bool> {
               bool Found = !Named.Declassifiers.empty() &&
                            Named.Declassifiers.count(policyName(G));
               forEachAnnotation(
                   G, DeclassifyAnnotation, [&](const auto &Args) {
                     Found |= Args.size() == 1 && !Args.front().empty();
                   });
               return Found ? std::optional<bool>(true) : std::nullopt;
             })
      .has_value();
}

} // namespace pii

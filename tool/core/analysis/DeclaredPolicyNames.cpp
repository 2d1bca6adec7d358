//===- DeclaredPolicyNames.cpp --------------------------------------------===//

#include "core/analysis/DeclaredPolicyNames.h"
#include "core/policy/Spelling.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/Basic/CharInfo.h"
#include "clang/Basic/OperatorKinds.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"

#include <optional>

using namespace clang;

namespace pii {
namespace {

/// The kind of policy entry \p D can be named by, if any.
std::optional<DeclarationKind> kindOf(const NamedDecl *D) {
  if (isa<FieldDecl, IndirectFieldDecl>(D))
    return DeclarationKind::Field;
  if (isa<VarDecl>(D) && !isa<ParmVarDecl>(D))
    return DeclarationKind::Variable;
  if (isa<FunctionDecl, FunctionTemplateDecl>(D))
    return DeclarationKind::Function;
  return std::nullopt;
}

/// Looks up qualified names in one unit, one part at a time, from the
/// translation unit down through namespaces and class definitions. A
/// namespace's lookup finds what its inline namespaces declare too, as
/// policyName leaves them out.
class QualifiedLookup {
public:
  explicit QualifiedLookup(ASTContext &AST) : AST(AST) {}

  /// Adds to \p Out what \p Named is declared as here, or the member
  /// closest to it.
  void find(const PolicyName &Named, std::vector<PolicyName> &Out) {
    llvm::SmallVector<llvm::StringRef, 4> Parts;
    llvm::StringRef(Named.Name).split(Parts, "::");
    llvm::SmallVector<const DeclContext *, 2> Contexts = {
        AST.getTranslationUnitDecl()};
    for (llvm::StringRef Part : llvm::ArrayRef(Parts).drop_back()) {
      llvm::SmallVector<const DeclContext *, 2> Inside;
      for (const DeclContext *DC : Contexts) {
        if (Part == "(anonymous namespace)") {
          if (const NamespaceDecl *Anonymous = anonymousNamespaceIn(DC))
            Inside.push_back(Anonymous);
          continue;
        }
        std::optional<DeclarationName> Name = nameOf(Part, DC);
        if (!Name)
          return Out.push_back(Named); // cannot tell: trusted
        for (const NamedDecl *D : DC->lookup(*Name)) {
          if (isa<FunctionDecl, FunctionTemplateDecl>(D))
            return Out.push_back(Named); // a local class: trusted
          if (const DeclContext *Scope = scopeOf(D))
            if (!llvm::is_contained(Inside, Scope))
              Inside.push_back(Scope);
        }
      }
      if (Inside.empty())
        return;
      Contexts = std::move(Inside);
    }
    bool Found = false;
    for (const DeclContext *DC : Contexts) {
      std::optional<DeclarationName> Name = nameOf(Parts.back(), DC);
      if (!Name)
        return Out.push_back(Named);
      for (const NamedDecl *D : DC->lookup(*Name))
        if (std::optional<DeclarationKind> Kind = kindOf(D)) {
          Out.push_back({*Kind, Named.Name});
          Found = true;
        }
    }
    if (!Found)
      addClosestMember(Named, Parts.back(), Contexts, Out);
  }

private:
  /// Where the names below \p D are: a namespace, or a class's definition
  /// (a class template's pattern, whose members a specialization's
  /// policyName shares).
  static const DeclContext *scopeOf(const NamedDecl *D) {
    if (const auto *NS = dyn_cast<NamespaceDecl>(D))
      return NS;
    if (const auto *Template = dyn_cast<ClassTemplateDecl>(D))
      D = Template->getTemplatedDecl();
    if (const auto *Record = dyn_cast<CXXRecordDecl>(D))
      return Record->getDefinition();
    if (const auto *Record = dyn_cast<RecordDecl>(D))
      return Record->getDefinition();
    return nullptr;
  }

  static const NamespaceDecl *anonymousNamespaceIn(const DeclContext *DC) {
    if (const auto *TU = dyn_cast<TranslationUnitDecl>(DC))
      return TU->getAnonymousNamespace();
    if (const auto *NS = dyn_cast<NamespaceDecl>(DC))
      return NS->getAnonymousNamespace();
    return nullptr;
  }

  /// The declaration name \p Part spells inside \p DC, as policyName
  /// prints it: an identifier, an operator, a class's constructor (its
  /// own name) or destructor. None for what it cannot tell (a conversion
  /// operator, template arguments).
  std::optional<DeclarationName> nameOf(llvm::StringRef Part,
                                        const DeclContext *DC) {
    if (const auto *Record = dyn_cast<CXXRecordDecl>(DC)) {
      bool Destructor = Part.consume_front("~");
      if (Part == Record->getName()) {
        CanQualType Type = AST.getCanonicalType(AST.getRecordType(Record));
        return Destructor ? AST.DeclarationNames.getCXXDestructorName(Type)
                          : AST.DeclarationNames.getCXXConstructorName(Type);
      }
      if (Destructor)
        return std::nullopt;
    }
    // Each unit looks up every name the policy gives: the operators are
    // tried only for a name that can be one.
    if (Part.starts_with("operator"))
      for (unsigned K = OO_None + 1; K < NUM_OVERLOADED_OPERATORS; ++K) {
        auto Kind = static_cast<OverloadedOperatorKind>(K);
        llvm::StringRef Spelling = getOperatorSpelling(Kind);
        llvm::StringRef Space = llvm::isAlpha(Spelling.front()) ? " " : "";
        if (Part == ("operator" + Space + Spelling).str())
          return AST.DeclarationNames.getCXXOperatorName(Kind);
      }
    if (Part.empty() || !llvm::all_of(Part, [](char C) {
          return isAsciiIdentifierContinue(C);
        }))
      return std::nullopt;
    return DeclarationName(&AST.Idents.get(Part));
  }

  /// For \p Named, whose last part \p Last no class in \p Contexts
  /// declares, the member of theirs whose name is closest to it, if any is
  /// close.
  static void addClosestMember(const PolicyName &Named, llvm::StringRef Last,
                               llvm::ArrayRef<const DeclContext *> Contexts,
                               std::vector<PolicyName> &Out) {
    llvm::StringRef Scope =
        llvm::StringRef(Named.Name).drop_back(Last.size() + 2);
    // Names the AST holds, which outlive the lookup.
    std::vector<std::pair<llvm::StringRef, DeclarationKind>> Members;
    for (const DeclContext *DC : Contexts) {
      if (!isa<RecordDecl>(DC))
        continue; // a namespace's declarations are too many to read
      for (const Decl *D : DC->decls())
        if (const auto *Member = dyn_cast<NamedDecl>(D))
          if (std::optional<DeclarationKind> Kind = kindOf(Member);
              Kind && Member->getDeclName().isIdentifier())
            Members.push_back({Member->getName(), *Kind});
    }
    std::vector<llvm::StringRef> Names;
    for (const auto &[Name, Kind] : Members)
      Names.push_back(Name);
    std::optional<std::string> Closest = closestSpelling(Last, Names);
    if (!Closest)
      return;
    for (const auto &[Name, Kind] : Members)
      if (Name == *Closest)
        Out.push_back({Kind, (Scope + "::" + Name).str()});
  }

  ASTContext &AST;
};

} // namespace

std::vector<PolicyName> declaredPolicyNames(ASTContext &AST, const Policy &P) {
  std::vector<PolicyName> Declared;
  QualifiedLookup Lookup(AST);
  for (const PolicyName &Named : P.NamedInFiles)
    Lookup.find(Named, Declared);
  llvm::sort(Declared);
  Declared.erase(std::unique(Declared.begin(), Declared.end()), Declared.end());
  return Declared;
}

} // namespace pii

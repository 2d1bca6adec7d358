//===- AnnotationChecks.cpp -----------------------------------------------===//

#include "core/analysis/AnnotationChecks.h"
#include "core/analysis/Annotations.h"
#include "core/analysis/UserCodeVisitor.h"
#include "core/policy/Spelling.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace pii {
namespace {

/// What SPEC section 1 allows for each annotation.
struct AnnotationRule {
  llvm::StringRef Name;
  unsigned MinArgs;
  unsigned MaxArgs;
  llvm::StringRef ArgumentMeaning;
  llvm::StringRef AllowedPlaces;
  bool (*AppliesTo)(const Decl *);
};

bool purposePlacement(const Decl *D) {
  return isa<FieldDecl, VarDecl, FunctionDecl>(D);
}
bool sinkPlacement(const Decl *D) {
  return isa<FunctionDecl, ParmVarDecl, CXXRecordDecl>(D);
}
bool declassifyPlacement(const Decl *D) { return isa<FunctionDecl>(D); }

const AnnotationRule Rules[] = {
    {PurposeAnnotation, 1, ~0u, "a purpose",
     "data members, variables, parameters and functions", purposePlacement},
    {SinkAnnotation, 1, 1, "the sink kind", "functions, parameters and classes",
     sinkPlacement},
    {DeclassifyAnnotation, 1, 1, "the reason", "functions",
     declassifyPlacement},
};

/// Annotations in system headers are not checked (VisitDecl), so neither
/// are their declarations walked.
class Checker : public UserCodeVisitor<Checker> {
public:
  Checker(ASTContext &Ctx, const Policy &P)
      : UserCodeVisitor(Ctx.getSourceManager()), Ctx(Ctx),
        Purposes(P.purposes()), SinkKinds(P.sinkKinds()),
        UnknownNamesAreErrors(P.UnknownNamesAreErrors) {}

  bool shouldVisitTemplateInstantiations() const { return false; }
  bool shouldVisitImplicitCode() const { return false; }

  bool VisitDecl(Decl *D) {
    for (const auto *A : D->specific_attrs<AnnotateAttr>())
      if (isPiiAnnotation(*A) && !A->isInherited() &&
          !Ctx.getSourceManager().isInSystemHeader(
              Ctx.getSourceManager().getFileLoc(A->getLocation())))
        check(*A, D);
    return true;
  }

  std::vector<AnnotationProblem> Problems;

private:
  void report(const AnnotateAttr &A, std::string Message,
              bool Warning = false) {
    Problems.push_back({Ctx.getSourceManager().getFileLoc(A.getLocation()),
                        std::move(Message), Warning});
  }

  /// Warns about each of \p Names that no rule names.
  void checkNamed(const AnnotateAttr &A, llvm::ArrayRef<std::string> Names,
                  llvm::ArrayRef<llvm::StringRef> Known, llvm::StringRef What,
                  llvm::StringRef Consequence) {
    for (const std::string &Name : Names)
      if (!std::binary_search(Known.begin(), Known.end(),
                              llvm::StringRef(Name)))
        report(A,
               "no rule of the policy names the " + What.str() + " '" + Name +
                   "'" + didYouMean(Name, Known) + "; " + Consequence.str(),
               /*Warning=*/!UnknownNamesAreErrors);
  }

  void check(const AnnotateAttr &A, const Decl *D) {
    llvm::StringRef Name = A.getAnnotation();
    const AnnotationRule *Rule = llvm::find_if(
        Rules, [&](const AnnotationRule &R) { return R.Name == Name; });
    if (Rule == std::end(Rules)) {
      std::vector<llvm::StringRef> Known;
      for (const AnnotationRule &R : Rules)
        Known.push_back(R.Name);
      report(A, "unknown annotation '" + Name.str() + "'" +
                    didYouMean(Name, Known) +
                    "; pii-flow knows 'pii::purpose', 'pii::sink' and "
                    "'pii::declassify'");
      return;
    }
    if (!Rule->AppliesTo(D)) {
      report(A, "'" + Name.str() + "' cannot be applied to " + describe(D) +
                    "; it applies to " + Rule->AllowedPlaces.str());
      return;
    }
    unsigned NumArgs = A.args_size();
    if (NumArgs < Rule->MinArgs || NumArgs > Rule->MaxArgs) {
      report(A, "'" + Name.str() + "' needs " +
                    (Rule->MaxArgs == 1 ? std::string("exactly one")
                                        : std::string("at least one")) +
                    " string argument naming " + Rule->ArgumentMeaning.str() +
                    ", got " + std::to_string(NumArgs));
      return;
    }
    auto Strings = stringArguments(A);
    if (!Strings) {
      report(A, "the arguments of '" + Name.str() +
                    "' must be string literals naming " +
                    Rule->ArgumentMeaning.str());
      return;
    }
    if (llvm::any_of(*Strings, [](const std::string &S) { return S.empty(); }))
      report(A, "'" + Name.str() + "' needs a non-empty string naming " +
                    Rule->ArgumentMeaning.str());
    else if (Name != DeclassifyAnnotation &&
             llvm::any_of(*Strings, holdsControlCharacter))
      report(A, "'" + Name.str() + "' must not name " +
                    Rule->ArgumentMeaning.str() +
                    " with a control character (a line break, a tab)");
    else if (Name == PurposeAnnotation)
      checkNamed(A, *Strings, Purposes, "purpose",
                 "values with it are not checked");
    else if (Name == SinkAnnotation)
      checkNamed(A, *Strings, SinkKinds, "sink kind",
                 "nothing reaching it is checked");
  }

  static std::string describe(const Decl *D) {
    if (isa<CXXRecordDecl>(D))
      return "a class";
    if (isa<FieldDecl>(D))
      return "a data member";
    if (isa<ParmVarDecl>(D))
      return "a parameter";
    if (isa<VarDecl>(D))
      return "a variable";
    if (isa<TypedefNameDecl>(D))
      return "a type alias";
    if (isa<EnumDecl>(D))
      return "an enumeration";
    if (isa<NamespaceDecl>(D))
      return "a namespace";
    return "this declaration";
  }

  ASTContext &Ctx;
  /// The names the policy's rules know, sorted.
  std::vector<llvm::StringRef> Purposes;
  std::vector<llvm::StringRef> SinkKinds;
  bool UnknownNamesAreErrors;
};

} // namespace

std::vector<AnnotationProblem> checkAnnotations(ASTContext &Ctx,
                                                const Policy &P) {
  Checker C(Ctx, P);
  C.TraverseAST(Ctx);
  return std::move(C.Problems);
}

} // namespace pii

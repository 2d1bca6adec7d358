//===- AnalysisContext.h - State shared by a TU's functions -----*- C++ -*-===//
//
// What every function analysis of one translation unit shares: the policy,
// the annotation index, interned labels and steps, USRs, and the summary the
// functions are extracted into.
//
//===----------------------------------------------------------------------===//

#ifndef PII_CORE_ANALYSIS_ANALYSISCONTEXT_H
#define PII_CORE_ANALYSIS_ANALYSISCONTEXT_H

#include "core/analysis/Annotations.h"
#include "core/analysis/Provenance.h"
#include "core/model/Summary.h"
#include "core/policy/Policy.h"

#include "clang/AST/Type.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/StringMap.h"

#include <map>
#include <set>
#include <vector>

namespace clang {
class ASTContext;
class Decl;
class FieldDecl;
} // namespace clang

namespace pii {

/// A purpose field found inside a type, and the access path to it from an
/// object of that type (through a pointer, array or container, the path
/// below the element, as the analysis names element fields).
struct ContainedField {
  const clang::FieldDecl *Field;
  llvm::SmallVector<const clang::FieldDecl *, 2> Path;
};

class AnalysisContext {
public:
  AnalysisContext(clang::ASTContext &AST, const Policy &P,
                  TranslationUnitSummary &Out)
      : AST(AST), Pol(P), Out(Out), Annotations(P) {}

  clang::ASTContext &AST;
  const Policy &Pol;
  TranslationUnitSummary &Out;
  AnnotationIndex Annotations;
  LabelTable Labels;
  StepArena Steps;

  /// The USR of \p D (of its canonical declaration), the name that joins
  /// declarations across translation units.
  Symbol usrOf(const clang::Decl *D);
  /// \p P as field USRs.
  FieldPath fieldPath(llvm::ArrayRef<const clang::FieldDecl *> P);
  /// The summary port of \p Label.
  Port portOf(LabelId Label);
  /// Records that the analysis approximates at \p Loc (once per place).
  void approximate(ApproximationKind Kind, clang::SourceLocation Loc);
  /// The sink kind of each of \p F's parameters, as a summary lists them
  /// (FunctionSummary::SinkKinds, FunctionRef): empty when none is a sink.
  std::vector<std::optional<Symbol>>
  parameterSinkKinds(const clang::FunctionDecl *F);

  /// Purpose-annotated fields inside a value of type \p T, looking through
  /// references, pointers, arrays, bases, members and template arguments
  /// (so a std::vector<User> contains User::phone).
  const std::vector<ContainedField> &containedPurposeFields(clang::QualType T);

private:
  void collectPurposeFields(clang::QualType T, unsigned Depth,
                            llvm::ArrayRef<const clang::FieldDecl *> Path,
                            std::vector<ContainedField> &Found);
  int sourceIndex(const Label &L);

  /// A name for \p D, which has no USR.
  std::string unnamedUsr(const clang::Decl *D);

  llvm::DenseMap<const clang::Decl *, Symbol> Usrs;
  /// How many declarations without a USR were named at each place.
  llvm::StringMap<unsigned> UnnamedAt;
  std::map<std::pair<std::string, std::string>, int> SourceIndex;
  std::map<const clang::Type *, std::vector<ContainedField>> ContainedFields;
  std::set<std::pair<ApproximationKind, SourceSpot>> Approximated;
};

} // namespace pii

#endif // PII_CORE_ANALYSIS_ANALYSISCONTEXT_H

//===- AnalysisContext.h - State shared by a TU's functions -----*- C++ -*-===//
//
// What every function analysis of one translation unit shares: the policy,
// the annotation index, interned labels and steps, and the sink hits found so
// far. Function analyses only add to it; turning hits into Findings happens
// once, at the end of the TU (see Analyze.cpp).
//
//===----------------------------------------------------------------------===//

#ifndef PII_CORE_ANALYSISCONTEXT_H
#define PII_CORE_ANALYSISCONTEXT_H

#include "core/Annotations.h"
#include "core/Policy.h"
#include "core/Provenance.h"
#include "core/TaintSet.h"

#include "clang/AST/Type.h"

#include <map>
#include <vector>

namespace clang {
class ASTContext;
class Expr;
class FieldDecl;
class FunctionDecl;
} // namespace clang

namespace pii {

/// A labelled value entering a sink argument: a finding before formatting.
struct SinkHit {
  const Rule *BrokenRule;
  LabelId Label;
  StepId LastStep;
  const clang::FunctionDecl *Sink;
  std::string SinkKind;
  unsigned ArgIndex;
  const clang::Expr *Argument;
};

class AnalysisContext {
public:
  AnalysisContext(clang::ASTContext &AST, const Policy &P) : AST(AST), Pol(P) {}

  clang::ASTContext &AST;
  const Policy &Pol;
  AnnotationIndex Annotations;
  LabelTable Labels;
  StepArena Steps;

  /// Records every rule broken by \p Taint entering argument \p ArgIndex of
  /// \p Sink. The first path found for a (place, label, rule) is kept.
  void recordSinkArgument(const clang::FunctionDecl *Sink,
                          const std::string &Kind, unsigned ArgIndex,
                          const clang::Expr *Argument, const TaintSet &Taint);
  const std::vector<SinkHit> &sinkHits() const { return Hits; }

  /// Purpose-annotated fields inside a value of type \p T, looking through
  /// references, pointers, arrays, bases, members and template arguments
  /// (so a std::vector<User> contains User::phone).
  const std::vector<const clang::FieldDecl *> &
  containedPurposeFields(clang::QualType T);

private:
  void collectPurposeFields(clang::QualType T, unsigned Depth,
                            std::vector<const clang::FieldDecl *> &Out);

  std::vector<SinkHit> Hits;
  std::map<std::tuple<const clang::Expr *, LabelId, const Rule *>, size_t>
      HitIndex;
  std::map<const clang::Type *, std::vector<const clang::FieldDecl *>>
      ContainedFields;
};

} // namespace pii

#endif // PII_CORE_ANALYSISCONTEXT_H

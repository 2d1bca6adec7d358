//===- SummaryBuilder.h - Records one function's summary --------*- C++ -*-===//
//
// Transfer reports to it as it runs over a body: the call sites it meets and
// which labels reach which output ports. Re-running a loop to its fixpoint
// reports the same things again; the builder lists each call site once, and
// each edge once with the shortest path found (the first in text order among
// equals, so that the summary does not depend on the order in which the
// analysis, which iterates over pointers, happened to meet them).
//
//===----------------------------------------------------------------------===//

#ifndef PII_CORE_ANALYSIS_SUMMARYBUILDER_H
#define PII_CORE_ANALYSIS_SUMMARYBUILDER_H

#include "core/analysis/AnalysisContext.h"
#include "core/analysis/TaintSet.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLFunctionalExtras.h"

#include <map>

namespace clang {
class Expr;
class FieldDecl;
class FunctionDecl;
class ValueDecl;
} // namespace clang

namespace pii {

class SummaryBuilder {
public:
  SummaryBuilder(AnalysisContext &Ctx, const clang::FunctionDecl *F,
                 FunctionSummary &Out);

  /// The function summarized; null for a global's initializer.
  const clang::FunctionDecl *function() const { return F; }

  /// The index of the call site at \p Call; \p Describe fills in the call
  /// site the first time it is seen.
  int callSite(const clang::Expr *Call,
               llvm::function_ref<void(CallSite &)> Describe);
  /// Every label of \p T reaches \p To.
  void reach(const TaintSet &T, const Port &To);

  /// In a lambda's call operator: the closure field holding the capture of
  /// \p Captured, or of `this` when \p Captured is null.
  const clang::FieldDecl *captureField(const clang::ValueDecl *Captured) const;

private:
  AnalysisContext &Ctx;
  const clang::FunctionDecl *F;
  FunctionSummary &Out;
  llvm::DenseMap<const clang::Expr *, int> CallIndex;
  /// The index in Out.Edges of each edge.
  std::map<std::pair<Port, Port>, size_t> Edges;
  llvm::DenseMap<const clang::ValueDecl *, const clang::FieldDecl *> Captures;
  const clang::FieldDecl *ThisCapture = nullptr;
};

} // namespace pii

#endif // PII_CORE_ANALYSIS_SUMMARYBUILDER_H

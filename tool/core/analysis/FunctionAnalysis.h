//===- FunctionAnalysis.h - Flow-sensitive analysis of one body -*- C++ -*-===//
//
// Runs the transfer functions over a function's CFG to a fixpoint: one Store
// per block entry, joined at merges, with a visit budget so that no function
// can keep the analysis busy for long.
//
//===----------------------------------------------------------------------===//

#ifndef PII_CORE_ANALYSIS_FUNCTIONANALYSIS_H
#define PII_CORE_ANALYSIS_FUNCTIONANALYSIS_H

#include "core/analysis/AnalysisContext.h"
#include "core/model/Summary.h"

namespace clang {
class FunctionDecl;
class VarDecl;
} // namespace clang

namespace pii {

enum class FunctionOutcome {
  Complete,
  /// Clang could not build a CFG for the body.
  NoCFG,
  /// The block-visit budget ran out; the sink hits found so far stand.
  BudgetExhausted,
};

/// Extracts the summary of \p F into \p Out.
FunctionOutcome analyzeFunction(const clang::FunctionDecl *F,
                                AnalysisContext &Ctx, FunctionSummary &Out);

/// Extracts what the dynamic initializer of global \p V writes into it, as
/// a summary of its own: `std::string g_copy = g_phone;` runs before main.
void analyzeInitializer(const clang::VarDecl *V, AnalysisContext &Ctx,
                        FunctionSummary &Out);

} // namespace pii

#endif // PII_CORE_ANALYSIS_FUNCTIONANALYSIS_H

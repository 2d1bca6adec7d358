//===- Analyze.h - Extraction of one translation unit -----------*- C++ -*-===//
//
// The single entry point every front end (command line, editor) calls once a
// translation unit is parsed: it summarizes every function with a body
// outside system headers. Findings come from linking the summaries of the
// whole program (Link.h).
//
//===----------------------------------------------------------------------===//

#ifndef PII_CORE_ANALYSIS_ANALYZE_H
#define PII_CORE_ANALYSIS_ANALYZE_H

#include "core/model/Summary.h"
#include "core/policy/Policy.h"

namespace clang {
class ASTContext;
}

namespace pii {

struct AnalysisStats {
  /// Functions whose analysis stopped early (no CFG, budget): what was found
  /// so far stands, but more may exist.
  unsigned IncompleteFunctions = 0;

  AnalysisStats &operator+=(const AnalysisStats &Other) {
    IncompleteFunctions += Other.IncompleteFunctions;
    return *this;
  }
};

struct TranslationUnitAnalysis {
  TranslationUnitSummary Summary;
  AnalysisStats Stats;
};

TranslationUnitAnalysis summarizeTranslationUnit(clang::ASTContext &AST,
                                                 const Policy &P);

} // namespace pii

#endif // PII_CORE_ANALYSIS_ANALYZE_H

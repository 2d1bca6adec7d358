//===- Analyze.h - The analysis of one translation unit ---------*- C++ -*-===//
//
// The single entry point every front end (command line, editor) calls once a
// translation unit is parsed. It knows nothing of output formats: it returns
// findings and counts, and reporters format them.
//
//===----------------------------------------------------------------------===//

#ifndef PII_CORE_ANALYZE_H
#define PII_CORE_ANALYZE_H

#include "core/Finding.h"
#include "core/Policy.h"

#include <vector>

namespace clang {
class ASTContext;
}

namespace pii {

struct AnalysisStats {
  unsigned Functions = 0;
  /// Functions whose analysis stopped early (no CFG, budget): their findings
  /// so far are reported, but more may exist.
  unsigned IncompleteFunctions = 0;

  AnalysisStats &operator+=(const AnalysisStats &Other) {
    Functions += Other.Functions;
    IncompleteFunctions += Other.IncompleteFunctions;
    return *this;
  }
};

struct TranslationUnitAnalysis {
  std::vector<Finding> Findings;
  AnalysisStats Stats;
};

/// Analyzes every function with a body outside system headers in \p AST.
TranslationUnitAnalysis analyzeTranslationUnit(clang::ASTContext &AST,
                                               const Policy &P);

} // namespace pii

#endif // PII_CORE_ANALYZE_H

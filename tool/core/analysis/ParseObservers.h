//===- ParseObservers.h - What the AST does not keep ------------*- C++ -*-===//
//
// Two things pii-flow reads from a parse are gone by the time the AST is
// built: attributes Clang does not know (a misspelled [[pii::purpos]]) and
// comments (suppressions). They are observed as the parse reads its tokens
// and comments. A PCH holds neither, so headers in which either is found are
// given no preamble (Preamble.h).
//
//===----------------------------------------------------------------------===//

#ifndef PII_CORE_ANALYSIS_PARSEOBSERVERS_H
#define PII_CORE_ANALYSIS_PARSEOBSERVERS_H

#include "core/analysis/SuppressionComments.h"
#include "core/analysis/UnknownPiiAttributes.h"

namespace pii {

struct ParseObservers {
  UnknownPiiAttributes UnknownAttributes;
  SuppressionCollector Suppressions;

  /// Observes \p PP's tokens and comments from now on, for as long as this
  /// object lives.
  void observe(clang::Preprocessor &PP) {
    UnknownAttributes.watch(PP);
    PP.addCommentHandler(&Suppressions);
  }
};

} // namespace pii

#endif // PII_CORE_ANALYSIS_PARSEOBSERVERS_H

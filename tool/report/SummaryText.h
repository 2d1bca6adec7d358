//===- SummaryText.h - Summaries as a person reads them ---------*- C++ -*-===//
//
// What `pii-flow dump` prints of a summary: its sources, and for each
// function its calls and the edges between its ports, one a line, so that
// the binary format stays inspectable and two summaries compare with diff.
//
//===----------------------------------------------------------------------===//

#ifndef PII_REPORT_SUMMARYTEXT_H
#define PII_REPORT_SUMMARYTEXT_H

#include "core/model/Summary.h"

#include "llvm/Support/raw_ostream.h"

namespace pii {

void printSummary(llvm::raw_ostream &OS, const TranslationUnitSummary &Unit);

/// file:line:col, or "-" for no place.
void printSpot(llvm::raw_ostream &OS, const SourceSpot &Spot);

/// One line each, as a summary's are printed (and a link entry's).
void printApproximation(llvm::raw_ostream &OS, const Approximation &A);
void printSuppression(llvm::raw_ostream &OS, const SuppressionComment &S);
/// "declares field ns::C::f".
void printDeclared(llvm::raw_ostream &OS, const PolicyName &Named);

} // namespace pii

#endif // PII_REPORT_SUMMARYTEXT_H

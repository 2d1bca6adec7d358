//===- FindingPipeline.h - Linked findings to reported ones -----*- C++ -*-===//
//
// What every front end does to the link's findings before any reporter sees
// them, in one place so that pii-flow and pii-clangd cannot drift apart:
// each finding gets its fingerprint (from the source lines as they are now,
// an editor's unsaved text included), the suppression comments of the
// program are applied (those naming no rule, or accepting nothing, are
// problems), and the findings a baseline lists are set aside.
//
//===----------------------------------------------------------------------===//

#ifndef PII_REPORT_FINDINGPIPELINE_H
#define PII_REPORT_FINDINGPIPELINE_H

#include "core/model/Finding.h"
#include "core/model/Summary.h"
#include "core/policy/Policy.h"
#include "report/SourceLines.h"

#include "llvm/ADT/ArrayRef.h"

#include <set>
#include <string>
#include <vector>

namespace pii {

struct PreparedFindings {
  /// Every finding the baseline does not list, fingerprinted; those a
  /// suppression accepts carry its Justification.
  std::vector<Finding> Findings;
  /// Those left to fix: the others.
  std::vector<Finding> Open;
  /// How many the baseline listed.
  size_t InBaseline = 0;
  /// Suppressions that name an unknown rule (errors) or accept nothing
  /// (warnings).
  std::vector<PlacedProblem> SuppressionProblems;

  size_t accepted() const { return Findings.size() - Open.size(); }
};

struct PipelineOptions {
  const Policy *Rules = nullptr;
  /// An absolute directory; fingerprints name paths relative to it.
  std::string SourceRoot;
  /// Fingerprints of findings accepted earlier, if a baseline was given.
  const std::set<std::string> *Baseline = nullptr;
};

/// \p Findings and the program's suppression \p Comments, prepared as
/// \p Options say, reading source lines from \p Lines.
PreparedFindings prepareFindings(std::vector<Finding> Findings,
                                 llvm::ArrayRef<SuppressionComment> Comments,
                                 const PipelineOptions &Options,
                                 SourceLines &Lines);

} // namespace pii

#endif // PII_REPORT_FINDINGPIPELINE_H

//===- FindingPipeline.cpp ------------------------------------------------===//

#include "report/FindingPipeline.h"
#include "report/Fingerprint.h"
#include "report/Suppressions.h"

#include "llvm/ADT/STLExtras.h"

namespace pii {

PreparedFindings prepareFindings(std::vector<Finding> Findings,
                                 llvm::ArrayRef<SuppressionComment> Comments,
                                 const PipelineOptions &Options,
                                 SourceLines &Lines) {
  PreparedFindings Out;
  assignFingerprints(Findings, Options.SourceRoot, Lines);
  // Before the baseline is applied: a suppression of a finding the
  // baseline also holds is not stale.
  Out.SuppressionProblems =
      applySuppressions(Findings, Comments, *Options.Rules);
  if (Options.Baseline) {
    size_t Before = Findings.size();
    llvm::erase_if(Findings, [&](const Finding &F) {
      return Options.Baseline->count(F.Fingerprint) != 0;
    });
    Out.InBaseline = Before - Findings.size();
  }
  for (const Finding &F : Findings)
    if (!F.Justification)
      Out.Open.push_back(F);
  Out.Findings = std::move(Findings);
  return Out;
}

} // namespace pii

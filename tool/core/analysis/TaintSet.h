//===- TaintSet.h - The labels a value carries ------------------*- C++ -*-===//
//
// A small sorted map from label to the step that last carried it. The lattice
// is the set of labels; the step is a witness for the path and does not take
// part in comparisons, so the fixpoint is over labels only and a join keeps
// the witness it already had (the first path found stays the reported one).
//
//===----------------------------------------------------------------------===//

#ifndef PII_CORE_ANALYSIS_TAINTSET_H
#define PII_CORE_ANALYSIS_TAINTSET_H

#include "core/analysis/Provenance.h"

#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"

#include <utility>

namespace pii {

class TaintSet {
public:
  using Entry = std::pair<LabelId, StepId>;

  bool empty() const { return Entries.empty(); }
  size_t size() const { return Entries.size(); }
  auto begin() const { return Entries.begin(); }
  auto end() const { return Entries.end(); }

  /// Adds \p Label unless present; returns true if it was new.
  bool add(LabelId Label, StepId Via);
  /// Adds every label of \p Other; returns true if any was new.
  bool join(const TaintSet &Other);
  /// A copy whose every step is extended by \p Extend(old step).
  TaintSet through(llvm::function_ref<StepId(StepId)> Extend) const;

  bool sameLabels(const TaintSet &Other) const;

private:
  llvm::SmallVector<Entry, 2> Entries;
};

} // namespace pii

#endif // PII_CORE_ANALYSIS_TAINTSET_H

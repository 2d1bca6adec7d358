//===- Link.h - Whole-program flows from function summaries -----*- C++ -*-===//
//
// Joins the summaries of every translation unit into one program and finds
// each path from a purpose source to a sink argument that a rule forbids.
//
// Calls are followed context-sensitively: a callee's summary says, for a
// value entering as a parameter (with a field path), which of its outputs
// the value reaches, including sinks deeper in the call tree; callers apply
// it at each call site, so a helper called with a phone number here and a
// name there does not mix them up. Summaries of recursive functions are
// computed to a fixpoint. A value that originates inside a function follows
// its returns and out-parameters to every caller.
//
//===----------------------------------------------------------------------===//

#ifndef PII_CORE_LINK_LINK_H
#define PII_CORE_LINK_LINK_H

#include "core/link/ProgramIndex.h"
#include "core/model/Finding.h"
#include "core/model/Summary.h"
#include "core/policy/Policy.h"

#include "llvm/ADT/ArrayRef.h"

#include <cstdint>
#include <functional>
#include <vector>

namespace pii {

class LinkMemo;

struct LinkStats {
  unsigned Functions = 0;
  /// Functions whose units hold different bodies (ProgramIndex).
  unsigned DifferingFunctions = 0;
  unsigned CallSites = 0;
  /// Call sites whose callee has no body anywhere in the program, handled by
  /// the opaque-call model.
  unsigned OpaqueCallSites = 0;
  unsigned Summaries = 0;
  /// Of them, those taken from a previous link (LinkMemo).
  unsigned KeptSummaries = 0;
  /// Steps the solver took (edges followed from a fact), and whether it
  /// stopped at its budget with the flows not all followed. The steps of
  /// flows taken from a previous link count against the budget, not here.
  uint64_t Steps = 0;
  bool BudgetExhausted = false;
  /// The sources whose flows were followed, and of them those whose flows
  /// were taken from a previous link (LinkMemo) instead.
  unsigned Flows = 0;
  unsigned KeptFlows = 0;
};

struct LinkResult {
  std::vector<Finding> Findings;
  LinkStats Stats;
  /// Where the whole-program view approximates: indirect calls whose targets
  /// no caller supplies, and functions with no body that a value with a
  /// purpose enters.
  std::vector<Approximation> Approximations;
  /// The program's suppression comments, each once, in the order of their
  /// places: reporting matches them with the findings.
  std::vector<SuppressionComment> Suppressions;
  /// What the program declares of the names the policy files give, as its
  /// units say (TranslationUnitSummary::PolicyNamesDeclared), each once:
  /// reporting tells which entries apply to nothing.
  std::vector<PolicyName> PolicyNamesDeclared;
};

/// How many steps a link may take by default. Real programs link in a small
/// fraction of it; a pathological one (a call chain ten thousand functions
/// deep, whose link grows with the cube of its depth) stops there rather
/// than after hours, keeps what it found, and says where it stopped
/// (LinkStats::BudgetExhausted, and a "budget" approximation). Counted in
/// steps, not seconds, so that where a link stops does not depend on the
/// machine.
inline constexpr uint64_t LinkStepBudget = 250'000'000;

/// Where a running link is, for a person waiting for it.
struct LinkProgress {
  /// The sources followed so far, of those the program reads.
  size_t SourcesDone = 0;
  size_t Sources = 0;
  /// Summaries asked for, and those of them waiting to be (re)computed.
  size_t Summaries = 0;
  size_t Pending = 0;
  uint64_t Steps = 0;
};

struct LinkOptions {
  uint64_t StepBudget = LinkStepBudget;
  /// Called every ProgressInterval steps, on the linking thread: by
  /// default a few times a second at the solver's speed.
  std::function<void(const LinkProgress &)> Progress;
  uint64_t ProgressInterval = 1 << 16;
};

/// Links \p Units, which must be canonical (see canonicalize), as one
/// program. The result does not depend on their order.
LinkResult link(const std::vector<TranslationUnitSummary> &Units,
                const Policy &P, const LinkOptions &Options = {});
/// The same, for a caller that keeps its units apart (the editor).
LinkResult link(llvm::ArrayRef<const TranslationUnitSummary *> Units,
                const Policy &P, const LinkOptions &Options = {});
/// The same, with \p Index holding \p Units already, each added with a rank
/// in the order of \p Units: built while they were being read. With
/// \p Memo, the summaries of an earlier link of the program that still
/// hold are taken from it, and this link's left in it (LinkMemo.h).
LinkResult link(const ProgramIndex &Index,
                llvm::ArrayRef<const TranslationUnitSummary *> Units,
                const Policy &P, const LinkOptions &Options = {},
                LinkMemo *Memo = nullptr);

} // namespace pii

#endif // PII_CORE_LINK_LINK_H

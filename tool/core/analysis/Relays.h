//===- Relays.h - Many values of a function carried as one -----*- C++ -*-===//
//
// A value written by many calls, where a body's branches join, carries a
// label for each: a command dispatcher whose hundreds of branches each
// write `this` and a shared local leaves both carrying hundreds of call
// outputs, and every later read of them reaches its output from each. The
// summary then holds calls x reads edges: tdlib's command-line client has
// one body of 4.6 million edges, 28 s and 3.5 GB to extract, and most of
// the program's summaries by size.
//
// A serializer adding up a parameter's hundred fields, or a function
// joining many globals, makes the same product of its values and reads.
//
// Past a few such labels, a path of the store is given a relay instead: a
// port of the function alone (PortKind::Relay) that each label reaches once,
// with the steps that brought it there, and that the store then holds in
// their place, its later steps extending the path. Each later read reaches
// its output from the relay once. The link follows a value through a relay
// as through any other edge, so the same values reach the same outputs
// along the same steps; only the summary is smaller. A source keeps its
// label (a field's read checks it by origin), and so does what a
// parameter or global held on entry, where it still is: that is no output
// of the function, relayed or not.
//
// A relay belongs to a place in the body (a block's entry, or the element
// after which a path grew past the limit) and a path, and is the same at
// every visit of that place: a loop reaches its fixpoint, and once a path
// is relayed at a block's entry, what flows in is relayed before it is
// joined, so nothing comes in new.
//
//===----------------------------------------------------------------------===//

#ifndef PII_CORE_ANALYSIS_RELAYS_H
#define PII_CORE_ANALYSIS_RELAYS_H

#include "core/analysis/AnalysisContext.h"
#include "core/analysis/Store.h"
#include "core/analysis/SummaryBuilder.h"

#include "llvm/ADT/DenseSet.h"

#include <map>
#include <utility>

namespace pii {

class Relays {
public:
  /// How many call results and outputs, parameters' and globals' values
  /// (and relays) a path of the store carries before they are relayed.
  static constexpr size_t Limit = 16;

  Relays(AnalysisContext &Ctx, SummaryBuilder &Summary)
      : Ctx(Ctx), Summary(Summary) {}

  /// Joins \p Incoming into \p Entry, the entry store of block \p Block,
  /// relaying what the paths relayed there carry; returns whether \p Entry
  /// changed.
  bool joinInto(unsigned Block, Store &Entry, const Store &Incoming);
  /// Relays the paths of \p S that carry more than Limit of those after
  /// element \p Element of block \p Block.
  void relayLarge(unsigned Block, unsigned Element, Store &S);

private:
  /// A block and an element of it, or EntryElement for its entry.
  using Place = std::pair<unsigned, unsigned>;
  static constexpr unsigned EntryElement = ~0u;

  /// Relays the paths of \p S past the limit at \p Where.
  void relayPastLimit(Place Where, Store &S);
  /// Gives what \p T, stored at \p At, carries from calls, relays,
  /// parameters and globals to \p Relay (a label), keeping the rest.
  void relayInto(LabelId Relay, const AccessPath &At, TaintSet &T);
  /// The label of the relay of \p Path at \p Where, made if new.
  LabelId relayOf(Place Where, const AccessPath &Path);
  /// Whether \p Label, stored at \p At, goes to a relay there.
  bool isRelayed(LabelId Label, const AccessPath &At) const;

  AnalysisContext &Ctx;
  SummaryBuilder &Summary;
  std::map<std::pair<Place, AccessPath>, LabelId> Made;
  /// The blocks with a relay at their entry.
  llvm::DenseSet<unsigned> RelayedEntries;
};

} // namespace pii

#endif // PII_CORE_ANALYSIS_RELAYS_H

//===- ProgramIndex.h - The program's functions, found by USR ---*- C++ -*-===//
//
// Who defines, overrides, calls and reads what, across the translation units
// of a program. Units are added one at a time, in any order, each with its
// rank, a number that orders the program's units: where several units define
// one function (an inline function of a header), the body of the lowest rank
// is the program's.
//
// Adding a unit is a few hash insertions per function, with nothing sorted
// or resolved, so that the link resolves only what the flows it follows
// need rather than indexing the whole program before looking at a single
// source. Lists come
// out in the order units were added, which the program's meaning does not
// depend on, so a reader that needs an order sorts them by content.
//
//===----------------------------------------------------------------------===//

#ifndef PII_CORE_LINK_PROGRAMINDEX_H
#define PII_CORE_LINK_PROGRAMINDEX_H

#include "core/link/ClassHierarchy.h"
#include "core/model/Summary.h"

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/DenseSet.h"

#include <cstdint>
#include <vector>

namespace pii {

class ProgramIndex {
public:
  /// A call site: the function making it and its index there.
  struct Site {
    const FunctionSummary *Caller;
    int Index;
  };

  /// Adds \p Unit, which must outlive the index and stay where it is, as
  /// the unit of \p Rank.
  void add(const TranslationUnitSummary &Unit, uint64_t Rank);

  /// The program's body of \p Usr, or null when no unit has one.
  const FunctionSummary *definition(Symbol Usr) const;
  /// Whether \p F is the program's body of its function, not a duplicate.
  bool isDefinition(const FunctionSummary &F) const {
    return definition(F.Usr) == &F;
  }
  /// The program's body of \p Usr as its units hold it; \p Usr must have
  /// one.
  const SharedFunction &sharedDefinition(Symbol Usr) const {
    return *Definitions.find(Usr)->second.Shared;
  }
  /// The unit the program's body of \p Usr comes from.
  const TranslationUnitSummary *unitOf(Symbol Usr) const;
  /// How many functions have a body.
  unsigned functions() const { return Definitions.size(); }
  /// How many functions have bodies that differ between units, as an
  /// inline function does when its units see different macros, or break
  /// the one-definition rule: the link follows the body of the lowest rank.
  unsigned differingDefinitions() const { return Differing.size(); }
  /// Calls \p Visit for the program's body of each function.
  template <typename VisitFn> void forEachDefinition(VisitFn Visit) const {
    for (const auto &[Usr, D] : Definitions)
      Visit(*D.Body);
  }

  /// The bodies, duplicates included, that override \p Base.
  llvm::ArrayRef<const FunctionSummary *> overridersOf(Symbol Base) const;
  /// The call sites, in any body, that name \p Callee.
  llvm::ArrayRef<Site> callsTo(Symbol Callee) const;
  /// The bodies that read the global \p Usr.
  llvm::ArrayRef<const FunctionSummary *> readersOf(Symbol Usr) const;
  /// The bodies that read a purpose source.
  llvm::ArrayRef<const FunctionSummary *> sourceReaders() const {
    return SourceReaders;
  }
  /// The call sites that pass a function on, or call one through a
  /// parameter: where callbacks go.
  llvm::ArrayRef<Site> callbackSites() const { return CallbackSites; }
  /// Which of the program's classes derive from which.
  const ClassHierarchy &classes() const { return Classes; }

private:
  struct Definition {
    const FunctionSummary *Body;
    const SharedFunction *Shared;
    const TranslationUnitSummary *Unit;
    uint64_t Rank;
  };
  llvm::DenseMap<Symbol, Definition> Definitions;
  llvm::DenseSet<Symbol> Differing;
  llvm::DenseMap<Symbol, std::vector<const FunctionSummary *>> Overriders;
  llvm::DenseMap<Symbol, std::vector<Site>> Calls;
  llvm::DenseMap<Symbol, std::vector<const FunctionSummary *>> Readers;
  std::vector<const FunctionSummary *> SourceReaders;
  std::vector<Site> CallbackSites;
  ClassHierarchy Classes;
};

} // namespace pii

#endif // PII_CORE_LINK_PROGRAMINDEX_H

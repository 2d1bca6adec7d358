//===- Relays.cpp ---------------------------------------------------------===//

#include "core/analysis/Relays.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/Basic/SourceManager.h"

#include <algorithm>
#include <vector>

using namespace clang;

namespace pii {

bool Relays::isRelayed(LabelId Id, const AccessPath &At) const {
  const Label &L = Ctx.Labels.get(Id);
  bool SamePath = llvm::ArrayRef(L.Path) == llvm::ArrayRef(At.Fields);
  switch (L.Kind) {
  case LabelKind::CallResult:
  case LabelKind::CallOut:
  case LabelKind::Relay:
    return true;
  case LabelKind::Param: {
    // What a parameter held on entry, still where it was, is no output of
    // the function (SummaryBuilder::reach): it stays itself.
    const auto *Param = dyn_cast_or_null<ParmVarDecl>(At.Root);
    bool Own = At.Root ? Param && int(Param->getFunctionScopeIndex()) == L.Index
                       : L.Index == ObjectArg;
    return !(Own && SamePath);
  }
  case LabelKind::Global:
    return !(L.Origin == At.Root && SamePath);
  case LabelKind::Source:
    // A read of a field checks a source by its origin.
    return false;
  }
  llvm_unreachable("a label kind without a case");
}

void Relays::relayInto(LabelId Relay, const AccessPath &At, TaintSet &T) {
  TaintSet Kept, Given;
  for (const auto &[Label, Step] : T)
    (isRelayed(Label, At) && Label != Relay ? Given : Kept).add(Label, Step);
  if (Given.empty())
    return;
  Summary.reach(Given, Ctx.portOf(Relay));
  // The relay's own steps begin here: the steps before are its edges'.
  Kept.add(Relay, 0);
  T = std::move(Kept);
}

/// Where \p D is declared, as the same text parsed again (with or without
/// a preamble) says it: relays are numbered in this order.
static std::pair<StringRef, unsigned> positionOf(const SourceManager &SM,
                                                 const Decl *D) {
  if (!D)
    return {};
  auto [File, Offset] = SM.getDecomposedExpansionLoc(D->getLocation());
  return {SM.getBufferName(SM.getLocForStartOfFile(File)), Offset};
}

LabelId Relays::relayOf(Place Where, const AccessPath &Path) {
  auto [It, New] = Made.try_emplace({Where, Path}, 0);
  if (New)
    It->second = Ctx.Labels.input(LabelKind::Relay, int(Made.size() - 1));
  return It->second;
}

void Relays::relayPastLimit(Place Where, Store &S) {
  std::vector<const AccessPath *> Large;
  S.forEachFact([&](const AccessPath &Path, const TaintSet &T) {
    if (T.size() > Limit &&
        size_t(llvm::count_if(T, [&](const TaintSet::Entry &E) {
          return isRelayed(E.first, Path);
        })) > Limit)
      Large.push_back(&Path);
  });
  if (Large.empty())
    return;
  // The store is ordered by addresses; relays are numbered by place.
  const SourceManager &SM = Ctx.AST.getSourceManager();
  auto Position = [&](const AccessPath *P) {
    std::vector<std::pair<StringRef, unsigned>> Key{positionOf(SM, P->Root)};
    for (const FieldDecl *F : P->Fields)
      Key.push_back(positionOf(SM, F));
    return Key;
  };
  std::stable_sort(Large.begin(), Large.end(),
                   [&](const AccessPath *A, const AccessPath *B) {
                     return Position(A) < Position(B);
                   });
  std::map<AccessPath, LabelId> Chosen;
  for (const AccessPath *Path : Large)
    Chosen.emplace(*Path, relayOf(Where, *Path));
  S.forEachFactToChange([&](const AccessPath &Path, TaintSet &T) {
    if (auto It = Chosen.find(Path); It != Chosen.end())
      relayInto(It->second, Path, T);
  });
  if (Where.second == EntryElement)
    RelayedEntries.insert(Where.first);
}

bool Relays::joinInto(unsigned Block, Store &Entry, const Store &Incoming) {
  Place Where{Block, EntryElement};
  bool Changed;
  if (RelayedEntries.contains(Block)) {
    Store Relayed = Incoming;
    Relayed.forEachFactToChange([&](const AccessPath &Path, TaintSet &T) {
      if (auto It = Made.find({Where, Path}); It != Made.end())
        relayInto(It->second, Path, T);
    });
    Changed = Entry.join(Relayed);
  } else {
    Changed = Entry.join(Incoming);
  }
  if (Changed)
    relayPastLimit(Where, Entry);
  return Changed;
}

void Relays::relayLarge(unsigned Block, unsigned Element, Store &S) {
  relayPastLimit({Block, Element}, S);
}

} // namespace pii

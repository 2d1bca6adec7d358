//===- ProgramIndex.cpp ---------------------------------------------------===//

#include "core/link/ProgramIndex.h"

#include "llvm/ADT/STLExtras.h"

namespace pii {

namespace {

bool passesFunctions(const CallSite &Call) {
  return Call.CalleeParam >= 0 ||
         llvm::any_of(Call.Args, [](const CallArgument &A) {
           return !A.Functions.empty() || A.ForwardedParam >= 0;
         });
}

} // namespace

void ProgramIndex::add(const TranslationUnitSummary &Unit, uint64_t Rank) {
  for (const ClassInfo &Class : Unit.Classes)
    Classes.add(Class);
  for (const SharedFunction &Shared : Unit.Functions) {
    const FunctionSummary &F = *Shared;
    Definition Here{&F, &Shared, &Unit, Rank};
    auto [It, New] = Definitions.try_emplace(F.Usr, Here);
    if (!New) {
      bool Same = It->second.Body == &F;
      if (!Same)
        Differing.insert(F.Usr);
      if (Rank < It->second.Rank)
        It->second = Here;
      // A summary shared with a unit added before is in the lists already.
      if (Same)
        continue;
    }
    for (Symbol Base : F.Overrides)
      Overriders[Base].push_back(&F);
    bool ReadsSource = false;
    for (const Edge &E : F.Edges) {
      ReadsSource |= E.From.Kind == PortKind::Source;
      // A function reads a global on many edges; it is listed once.
      if (E.From.Kind == PortKind::Global) {
        auto &List = Readers[E.From.Name];
        if (List.empty() || List.back() != &F)
          List.push_back(&F);
      }
    }
    if (ReadsSource)
      SourceReaders.push_back(&F);
    for (size_t C = 0; C < F.Calls.size(); ++C) {
      Site Here{&F, static_cast<int>(C)};
      for (Symbol Callee : F.Calls[C].Callees) {
        auto &List = Calls[Callee];
        if (List.empty() || List.back().Caller != &F ||
            List.back().Index != Here.Index)
          List.push_back(Here);
      }
      if (passesFunctions(F.Calls[C]))
        CallbackSites.push_back(Here);
    }
  }
}

const FunctionSummary *ProgramIndex::definition(Symbol Usr) const {
  auto It = Definitions.find(Usr);
  return It == Definitions.end() ? nullptr : It->second.Body;
}

const TranslationUnitSummary *ProgramIndex::unitOf(Symbol Usr) const {
  return Definitions.lookup(Usr).Unit;
}

template <typename T>
static llvm::ArrayRef<T>
listIn(const llvm::DenseMap<Symbol, std::vector<T>> &Lists, Symbol Key) {
  auto It = Lists.find(Key);
  return It == Lists.end() ? llvm::ArrayRef<T>() : llvm::ArrayRef(It->second);
}

llvm::ArrayRef<const FunctionSummary *>
ProgramIndex::overridersOf(Symbol Base) const {
  return listIn(Overriders, Base);
}

llvm::ArrayRef<ProgramIndex::Site> ProgramIndex::callsTo(Symbol Callee) const {
  return listIn(Calls, Callee);
}

llvm::ArrayRef<const FunctionSummary *>
ProgramIndex::readersOf(Symbol Usr) const {
  return listIn(Readers, Usr);
}

} // namespace pii

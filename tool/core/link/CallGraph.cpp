//===- CallGraph.cpp ------------------------------------------------------===//

#include "core/link/CallGraph.h"
#include "core/model/StableDigest.h"

#include "llvm/ADT/STLExtras.h"

#include <numeric>

namespace pii {

namespace {

bool byCallerAndPosition(const ProgramIndex::Site &A,
                         const ProgramIndex::Site &B) {
  if (A.Caller != B.Caller)
    return A.Caller->Usr < B.Caller->Usr;
  return A.Index < B.Index;
}

bool sameSite(const ProgramIndex::Site &A, const ProgramIndex::Site &B) {
  return A.Caller == B.Caller && A.Index == B.Index;
}

} // namespace

CallGraph::CallGraph(const ProgramIndex &Index) : Index(Index) {
  for (const ProgramIndex::Site &S : Index.callbackSites())
    if (Index.isDefinition(*S.Caller))
      CallbackSites.push_back(S);
  llvm::sort(CallbackSites, byCallerAndPosition);
  resolveCallbacks();
  for (const auto &[Where, Refs] : Passed)
    for (const FunctionRef &Ref : Refs)
      PassedTo[Ref.Usr].push_back({Where.first, Where.second});
}

int CallGraph::idOf(const FunctionSummary &Body) {
  auto [It, New] = Ids.try_emplace(&Body, static_cast<int>(Functions.size()));
  if (New)
    Functions.push_back({&Body, {}, {}});
  return It->second;
}

template <typename VisitFn>
bool CallGraph::forEachBody(const FunctionSummary &Caller, int Site,
                            VisitFn Visit) const {
  const CallSite &Call = Caller.Calls[Site];
  for (Symbol Callee : Call.Callees) {
    if (const FunctionSummary *Body = Index.definition(Callee))
      if (!Visit(*Body))
        return false;
    if (Call.Virtual)
      for (const FunctionSummary *Override : Index.overridersOf(Callee))
        if (Index.isDefinition(*Override) && !Visit(*Override))
          return false;
  }
  if (auto It = Passed.find({&Caller, Site}); It != Passed.end())
    for (const FunctionRef &Ref : It->second)
      if (const FunctionSummary *Body = Index.definition(Ref.Usr))
        if (!Visit(*Body))
          return false;
  return true;
}

uint64_t CallGraph::callsDigest(const FunctionSummary &Body) const {
  // Of texts, not symbols' addresses: the same in a later process
  // (LinkMemo::snapshot). Sums, so that the order the index lists bodies in
  // does not count.
  uint64_t Digest = 0;
  for (size_t Site = 0; Site < Body.Calls.size(); ++Site) {
    int S = static_cast<int>(Site);
    forEachBody(Body, S, [&](const FunctionSummary &Target) {
      Digest += StableDigest::of({Site, Target.Usr.digest()});
      return true;
    });
    if (auto It = Passed.find({&Body, S}); It != Passed.end())
      for (const FunctionRef &Ref : It->second)
        for (size_t Arg = 0; Arg < Ref.SinkKinds.size(); ++Arg)
          if (Ref.SinkKinds[Arg])
            Digest += StableDigest::of(
                {Site, Ref.Usr.digest(), Arg, Ref.SinkKinds[Arg]->digest()});
  }
  return Digest;
}

void CallGraph::resolveCallbacks() {
  // Functions passed to each parameter, by callers or passed on, found
  // with a worklist of sites: a site is visited again only when what its
  // function's parameters are given grows.
  llvm::DenseMap<std::pair<const FunctionSummary *, int>, std::set<FunctionRef>>
      ParamFunctions;
  llvm::DenseMap<const FunctionSummary *, std::vector<size_t>> SitesIn;
  for (size_t S = 0; S < CallbackSites.size(); ++S)
    SitesIn[CallbackSites[S].Caller].push_back(S);
  std::vector<size_t> Work(CallbackSites.size());
  std::iota(Work.begin(), Work.end(), 0);
  std::reverse(Work.begin(), Work.end());
  std::vector<bool> Waiting(CallbackSites.size(), true);
  while (!Work.empty()) {
    size_t S = Work.back();
    Work.pop_back();
    Waiting[S] = false;
    const auto &[Caller, Site] = CallbackSites[S];
    const CallSite &Call = Caller->Calls[Site];
    if (Call.CalleeParam >= 0)
      if (auto It = ParamFunctions.find({Caller, Call.CalleeParam});
          It != ParamFunctions.end())
        Passed[{Caller, Site}].insert(It->second.begin(), It->second.end());
    std::vector<const FunctionSummary *> Targets = bodiesReached(*Caller, Site);
    for (size_t A = 0; A < Call.Args.size(); ++A) {
      const CallArgument &Arg = Call.Args[A];
      std::set<FunctionRef> Given(Arg.Functions.begin(), Arg.Functions.end());
      if (Arg.ForwardedParam >= 0)
        if (auto It = ParamFunctions.find({Caller, Arg.ForwardedParam});
            It != ParamFunctions.end())
          Given.insert(It->second.begin(), It->second.end());
      if (Given.empty())
        continue;
      for (const FunctionSummary *Target : Targets) {
        bool Grew = false;
        std::set<FunctionRef> &Into = ParamFunctions[{Target, int(A)}];
        for (const FunctionRef &Ref : Given)
          Grew |= Into.insert(Ref).second;
        if (!Grew)
          continue;
        for (size_t Reader : SitesIn.lookup(Target))
          if (!Waiting[Reader]) {
            Waiting[Reader] = true;
            Work.push_back(Reader);
          }
      }
    }
  }
}

std::vector<const FunctionSummary *>
CallGraph::bodiesReached(const FunctionSummary &Caller, int Site) const {
  std::vector<const FunctionSummary *> Bodies;
  forEachBody(Caller, Site, [&](const FunctionSummary &Body) {
    Bodies.push_back(&Body);
    return true;
  });
  return Bodies;
}

std::vector<int>
CallGraph::numberedDefinitions(llvm::ArrayRef<const FunctionSummary *> Bodies) {
  std::vector<const FunctionSummary *> Definitions;
  for (const FunctionSummary *Body : Bodies)
    if (Index.isDefinition(*Body))
      Definitions.push_back(Body);
  return numbered(std::move(Definitions));
}

std::vector<int>
CallGraph::numbered(std::vector<const FunctionSummary *> Bodies) {
  // Ordered by a hash of the USR, then by the USR: a content order, and a
  // cheap one: USRs share long prefixes, and the lists are long (every
  // function reading a source).
  std::vector<std::pair<uint64_t, const FunctionSummary *>> Keyed;
  for (const FunctionSummary *Body : Bodies)
    Keyed.push_back({Body->Usr.digest(), Body});
  llvm::sort(Keyed, [](const auto &A, const auto &B) {
    if (A.first != B.first)
      return A.first < B.first;
    return A.second != B.second && A.second->Usr < B.second->Usr;
  });
  Keyed.erase(std::unique(Keyed.begin(), Keyed.end()), Keyed.end());
  std::vector<int> Numbers;
  for (const auto &[Hash, Body] : Keyed)
    Numbers.push_back(idOf(*Body));
  return Numbers;
}

int CallGraph::addList(std::vector<int> Ids) {
  Lists.push_back(std::move(Ids));
  return static_cast<int>(Lists.size()) - 1;
}

int CallGraph::resolve(const FunctionSummary &Caller, int Site) {
  const CallSite &Call = Caller.Calls[Site];
  bool Shared = Call.CalleeParam < 0 && Call.Callees.size() == 1;
  auto &SharedLists = Call.Virtual ? VirtualCalls : StaticCalls;
  if (Shared)
    if (auto It = SharedLists.find(Call.Callees.front());
        It != SharedLists.end())
      return It->second;
  int List = addList(numbered(bodiesReached(Caller, Site)));
  if (Shared)
    SharedLists[Call.Callees.front()] = List;
  return List;
}

const std::vector<int> &CallGraph::targets(int Fn, int Site) {
  FunctionCalls &Calls = Functions[Fn];
  // Most functions met are never asked for their callees.
  if (Calls.SiteTargets.empty())
    Calls.SiteTargets.assign(Calls.Body->Calls.size(), -1);
  int &List = Calls.SiteTargets[Site];
  if (List < 0)
    List = resolve(*Calls.Body, Site);
  return Lists[List];
}

const std::set<FunctionRef> &CallGraph::passed(int Fn, int Site) const {
  static const std::set<FunctionRef> None;
  auto It = Passed.find({Functions[Fn].Body, Site});
  return It == Passed.end() ? None : It->second;
}

const std::vector<std::pair<int, int>> &CallGraph::callers(int Fn) {
  FunctionCalls &Calls = Functions[Fn];
  if (Calls.Callers)
    return *Calls.Callers;
  const FunctionSummary &Body = *Calls.Body;
  std::vector<ProgramIndex::Site> Sites;
  auto AddCallsTo = [&](Symbol Callee, bool VirtualOnly) {
    for (const ProgramIndex::Site &S : Index.callsTo(Callee))
      if (Index.isDefinition(*S.Caller) &&
          (!VirtualOnly || S.Caller->Calls[S.Index].Virtual))
        Sites.push_back(S);
  };
  AddCallsTo(Body.Usr, false);
  for (Symbol Base : Body.Overrides)
    AddCallsTo(Base, true);
  if (auto It = PassedTo.find(Body.Usr); It != PassedTo.end())
    Sites.insert(Sites.end(), It->second.begin(), It->second.end());
  llvm::sort(Sites, byCallerAndPosition);
  Sites.erase(std::unique(Sites.begin(), Sites.end(), sameSite), Sites.end());
  Calls.Callers.emplace();
  for (const auto &[Caller, Site] : Sites)
    Calls.Callers->push_back({idOf(*Caller), Site});
  return *Calls.Callers;
}

uint64_t CallGraph::callersDigest(int Fn) {
  // A sum, as callsDigest.
  uint64_t Digest = 0;
  for (auto [Caller, Site] : callers(Fn))
    Digest += StableDigest::of({summary(Caller).Usr.digest(), uint64_t(Site)});
  return Digest;
}

uint64_t CallGraph::readersDigest(Symbol Usr) {
  uint64_t Digest = 0;
  for (int Reader : readersOf(Usr))
    Digest += summary(Reader).Usr.digest();
  return Digest;
}

const std::vector<int> &CallGraph::readersOf(Symbol Usr) {
  auto It = GlobalReaders.find(Usr);
  if (It == GlobalReaders.end()) {
    int List = addList(numberedDefinitions(Index.readersOf(Usr)));
    It = GlobalReaders.try_emplace(Usr, List).first;
  }
  return Lists[It->second];
}

std::vector<int> CallGraph::sourceReaders() {
  return numberedDefinitions(Index.sourceReaders());
}

unsigned CallGraph::opaqueSites() const {
  unsigned Opaque = 0;
  Index.forEachDefinition([&](const FunctionSummary &F) {
    for (size_t Site = 0; Site < F.Calls.size(); ++Site)
      Opaque += forEachBody(F, static_cast<int>(Site),
                            [](const FunctionSummary &) { return false; });
  });
  return Opaque;
}

} // namespace pii

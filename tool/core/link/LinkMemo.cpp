//===- LinkMemo.cpp -------------------------------------------------------===//

#include "core/link/LinkMemo.h"

#include "core/link/MovedBody.h"

#include "llvm/ADT/DenseSet.h"

namespace pii {

/// How many times the traces of a link from nothing the memo may hold
/// before it starts afresh: what summaries forgotten leave behind, and
/// the traces of the flows from sources, made again by every link.
static constexpr size_t TracesKeptPerLink = 4;

void LinkMemo::clear() {
  Functions.clear();
  Summaries.clear();
  Flows.clear();
  ClassesAsked.clear();
  ClassesDigest = 0;
  Paths = PathTable();
  Traces = TraceArena();
  FreshTraces = 0;
}

void LinkMemo::forgetChanged(
    const ProgramIndex &Index,
    llvm::function_ref<uint64_t(const FunctionSummary &)> CallsOf) {
  if (Adopted) {
    restore(std::move(*Adopted), Index);
    Adopted.reset();
  }
  // Asked again only when the classes changed: then each class asked
  // about must relate to the same others as before.
  const ClassHierarchy &Classes = Index.classes();
  bool ClassesAsBefore =
      Classes.digest() == ClassesDigest ||
      llvm::all_of(ClassesAsked, [&](const auto &Asked) {
        return Classes.relatedDigest(Asked.first) == Asked.second;
      });
  if (!ClassesAsBefore || Traces.size() > TracesKeptPerLink * FreshTraces) {
    clear();
    return;
  }
  llvm::DenseMap<const FunctionSummary *, std::vector<const FunctionSummary *>>
      ReadBy;
  std::vector<const FunctionSummary *> Work;
  Moves Moved;
  for (const auto &[Body, F] : Functions) {
    for (const FunctionSummary *Callee : F.Reads)
      ReadBy[Callee].push_back(Body);
    bool Holds = Index.isDefinition(*Body) ? CallsOf(*Body) == F.Calls
                                           : moved(Index, F, CallsOf, Moved);
    if (!Holds)
      Work.push_back(Body);
  }
  if (Moved.Ambiguous) {
    // Two bodies had a place in common and moved it apart (as the
    // functions one macro defines may): their steps cannot tell which
    // they belong to.
    for (const auto &[Old, New] : Moved.Bodies)
      Work.push_back(Old);
    Moved = Moves();
  }
  llvm::DenseSet<const FunctionSummary *> Forgotten(Work.begin(), Work.end());
  while (!Work.empty()) {
    const FunctionSummary *Changed = Work.back();
    Work.pop_back();
    for (const FunctionSummary *Reader : ReadBy.lookup(Changed))
      if (Forgotten.insert(Reader).second)
        Work.push_back(Reader);
  }
  if (Forgotten.size() == Functions.size()) {
    clear();
    return;
  }
  for (auto It = Summaries.begin(); It != Summaries.end();)
    It = Forgotten.contains(It->first.first) ? Summaries.erase(It)
                                             : std::next(It);
  for (auto It = Flows.begin(); It != Flows.end();)
    It = llvm::any_of(It->second.Reads,
                      [&](const FunctionSummary *Body) {
                        return Forgotten.contains(Body);
                      })
             ? Flows.erase(It)
             : std::next(It);
  for (const FunctionSummary *Body : Forgotten) {
    Functions.erase(Body);
    Moved.Bodies.erase(Body);
  }
  if (!Moved.Bodies.empty())
    relocate(Index, Moved);
}

bool LinkMemo::moved(
    const ProgramIndex &Index, const Function &Kept,
    llvm::function_ref<uint64_t(const FunctionSummary &)> CallsOf,
    Moves &Moved) const {
  const FunctionSummary *Now = Index.definition(Kept.Body->Usr);
  // A body already kept has summaries of its own.
  if (!Now || Functions.count(Now) || CallsOf(*Now) != Kept.Calls)
    return false;
  std::optional<PlaceMoves> Places =
      placesMoved(shapeOf(*Kept.Body), shapeOf(*Now));
  if (!Places)
    return false;
  Moved.Bodies[Kept.Body.get()] = Now;
  Moved.note(*Places);
  return true;
}

void LinkMemo::Moves::note(const PlaceMoves &Moved) {
  for (const auto &[Old, New] : Moved) {
    auto [It, Inserted] = Places.try_emplace(Old, New);
    Ambiguous |= !Inserted && !(It->second == New);
  }
}

void LinkMemo::Moves::move(SourceSpot &Place) const {
  if (auto It = Places.find(Place); It != Places.end())
    Place = It->second;
}

void LinkMemo::relocate(const ProgramIndex &Index, const Moves &Moved) {
  auto Now = [&](const FunctionSummary *Body) {
    const FunctionSummary *New = Moved.Bodies.lookup(Body);
    return New ? New : Body;
  };
  llvm::DenseMap<const FlowStep *, const FlowStep *> Arrays;
  for (const auto &[Old, New] : Moved.Bodies)
    for (size_t E = 0; E < Old->Edges.size(); ++E)
      Arrays[Old->Edges[E].Steps.data()] = New->Edges[E].Steps.data();
  Traces.relocate(Arrays, [&](SourceSpot &Place) { Moved.move(Place); });

  // Only the moved bodies' summaries change their keys: hundreds of
  // thousands of others stay where they are.
  std::vector<decltype(Summaries)::node_type> Rekeyed;
  for (auto It = Summaries.begin(); It != Summaries.end();) {
    for (auto &[R, T] : It->second.Effects)
      R.In = R.In ? Now(R.In) : nullptr;
    if (Moved.Bodies.count(It->first.first))
      Rekeyed.push_back(Summaries.extract(It++));
    else
      ++It;
  }
  for (auto &Node : Rekeyed) {
    Node.key().first = Now(Node.key().first);
    Summaries.insert(std::move(Node));
  }
  for (auto &[Source, F] : Flows) {
    for (Flow::Reported &R : F.Findings)
      R.At.In = Now(R.At.In);
    for (Approximation &A : F.Approximations)
      Moved.move(A.Where);
    for (auto *Bodies : {&F.Left, &F.Reads})
      for (const FunctionSummary *&Body : *Bodies)
        Body = Now(Body);
  }
  for (auto &[Body, F] : Functions)
    for (const FunctionSummary *&Callee : F.Reads)
      Callee = Now(Callee);
  for (const auto &[Old, New] : Moved.Bodies) {
    Function F = std::move(Functions[Old]);
    Functions.erase(Old);
    F.Body = Index.sharedDefinition(New->Usr);
    Functions[New] = std::move(F);
  }
}

const LinkMemo::Summary *LinkMemo::find(const FunctionSummary &Body,
                                        const Fact &Input) const {
  auto It = Summaries.find({&Body, Input});
  return It == Summaries.end() ? nullptr : &It->second;
}

const LinkMemo::Flow *LinkMemo::findFlow(const SourceKey &Source) const {
  auto It = Flows.find(Source);
  return It == Flows.end() ? nullptr : &It->second;
}

void LinkMemo::keepFlows(
    std::map<SourceKey, Flow> Linked, const ProgramIndex &Index,
    llvm::function_ref<uint64_t(const FunctionSummary &)> CallsOf) {
  // A body a flow followed may have no summary of its own: it is kept as
  // one that has, so that an edit to it is seen and forgets the flow.
  for (const auto &[Source, F] : Linked)
    for (const FunctionSummary *Body : F.Reads) {
      Function &Kept = Functions[Body];
      if (!Kept.Body) {
        Kept.Body = Index.sharedDefinition(Body->Usr);
        Kept.Calls = CallsOf(*Body);
      }
    }
  Flows = std::move(Linked);
}

void LinkMemo::keep(const SharedFunction &Body, uint64_t Calls,
                    const Fact &Input, Summary S) {
  Function &F = Functions[Body.get()];
  if (!F.Body) {
    F.Body = Body;
    F.Calls = Calls;
  }
  Summaries.insert_or_assign({Body.get(), Input}, std::move(S));
}

void LinkMemo::noteClasses(const ClassHierarchy &Classes) {
  Classes.forEachAsked([&](Symbol A) {
    if (auto [It, New] = ClassesAsked.try_emplace(A); New)
      It->second = Classes.relatedDigest(A);
  });
  ClassesDigest = Classes.digest();
}

void LinkMemo::noteRead(const FunctionSummary &Reader,
                        const FunctionSummary &Callee) {
  // The reader's summaries were kept first: it was computed by this link.
  if (auto It = Functions.find(&Reader); It != Functions.end())
    It->second.Reads.push_back(&Callee);
}

void LinkMemo::linked() {
  for (auto &[Body, F] : Functions) {
    llvm::sort(F.Reads);
    F.Reads.erase(std::unique(F.Reads.begin(), F.Reads.end()), F.Reads.end());
  }
  if (!FreshTraces)
    FreshTraces = std::max<size_t>(Traces.size(), 1);
}

} // namespace pii

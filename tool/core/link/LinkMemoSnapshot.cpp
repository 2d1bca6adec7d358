//===- LinkMemoSnapshot.cpp - A LinkMemo to plain values and back ---------===//
//
// A snapshot names bodies by USR and shape, and places and trace nodes by
// index. Taking one back checks every index, as the file it was read from
// may be of another version of this code.
//
//===----------------------------------------------------------------------===//

#include "core/link/LinkMemo.h"

#include "llvm/ADT/DenseSet.h"

namespace pii {
namespace {

/// Numbers the places and trace nodes of a memo's summaries as a snapshot
/// lists them.
class SnapshotWriter {
public:
  SnapshotWriter(MemoSnapshot &Out,
                 const llvm::DenseMap<const FunctionSummary *, uint32_t> &Ids)
      : Out(Out), Ids(Ids) {
    for (const auto &[Body, Id] : Ids)
      for (uint32_t E = 0; E < Body->Edges.size(); ++E)
        if (!Body->Edges[E].Steps.empty())
          Arrays[Body->Edges[E].Steps.data()] = {Id, E};
  }

  uint32_t path(PathRef P) {
    auto [It, New] = Paths.try_emplace(P.identity(), Out.Paths.size());
    if (New)
      Out.Paths.push_back({*P, P.open()});
    return It->second;
  }

  /// \p Root's index plus one, with every node below it listed first; or
  /// none if a node's steps are of no body the memo keeps.
  std::optional<uint32_t> trace(Trace Root) {
    if (!Root)
      return 0;
    std::vector<Trace> Work = {Root};
    while (!Work.empty()) {
      Trace N = Work.back();
      if (Nodes.count(N)) {
        Work.pop_back();
        continue;
      }
      bool Ready = true;
      for (Trace Part : {N->before(), N->after()})
        if (Part && !Nodes.count(Part)) {
          Work.push_back(Part);
          Ready = false;
        }
      if (!Ready)
        continue;
      Work.pop_back();
      MemoSnapshot::Node Node;
      Node.Before = Nodes.lookup(N->before());
      Node.After = Nodes.lookup(N->after());
      if (llvm::ArrayRef<FlowStep> Steps = N->steps(); !Steps.empty()) {
        if (auto It = Arrays.find(Steps.data()); It != Arrays.end()) {
          Node.Body = It->second.first + 1;
          Node.Edge = It->second.second;
        } else if (Steps.size() == 1) {
          Node.Step = step(Steps.front());
        } else {
          return std::nullopt;
        }
      }
      Out.Nodes.push_back(Node);
      Nodes[N] = Out.Nodes.size();
    }
    return Nodes.lookup(Root);
  }

  /// The index plus one of \p Step, one the arena holds itself (an arena
  /// holds each once).
  uint32_t step(const FlowStep &Step) {
    auto [It, New] = OwnSteps.try_emplace(&Step, Out.Steps.size() + 1);
    if (New)
      Out.Steps.push_back(Step);
    return It->second;
  }

  /// \p R, reached by \p T; none if T cannot be listed (trace).
  std::optional<MemoSnapshot::Effect> effect(const Reach &R, Trace T) {
    std::optional<uint32_t> Node = trace(T);
    if (!Node)
      return std::nullopt;
    return MemoSnapshot::Effect{
        R.Kind, R.Index,      R.Arg,      R.Arg2,
        R.Name, path(R.Path), R.SinkName, R.In ? Ids.lookup(R.In) + 1 : 0,
        *Node};
  }

private:
  MemoSnapshot &Out;
  const llvm::DenseMap<const FunctionSummary *, uint32_t> &Ids;
  /// The first step of each edge of a body kept: the body and the edge.
  llvm::DenseMap<const FlowStep *, std::pair<uint32_t, uint32_t>> Arrays;
  llvm::DenseMap<const void *, uint32_t> Paths;
  llvm::DenseMap<Trace, uint32_t> Nodes;
  llvm::DenseMap<const FlowStep *, uint32_t> OwnSteps;
};

} // namespace

MemoSnapshot LinkMemo::snapshot() const {
  MemoSnapshot Out;
  llvm::DenseMap<const FunctionSummary *, uint32_t> Ids;
  for (const auto &[Body, F] : Functions) {
    Ids[Body] = Out.Bodies.size();
    Out.Bodies.push_back({Body->Usr, shapeOf(*Body), F.Calls, {}});
  }
  // Every function read, and every function calling a sink a summary
  // reaches, is kept: its summaries were made by the same link.
  for (const auto &[Body, F] : Functions)
    for (const FunctionSummary *Callee : F.Reads)
      Out.Bodies[Ids[Body]].Reads.push_back(Ids.lookup(Callee));
  SnapshotWriter Writer(Out, Ids);
  for (const auto &[Key, S] : Summaries) {
    const auto &[Body, Input] = Key;
    MemoSnapshot::Summary Kept{Ids[Body],
                               {Input.Kind, Input.Index, Input.Arg, Input.Name,
                                Writer.path(Input.Path)},
                               S.LooksPast,
                               {}};
    for (const auto &[R, T] : S.Effects) {
      std::optional<MemoSnapshot::Effect> Effect = Writer.effect(R, T);
      if (!Effect)
        return MemoSnapshot();
      Kept.Effects.push_back(*Effect);
    }
    Out.Summaries.push_back(std::move(Kept));
  }
  // A flow's bodies are all kept (keepFlows).
  for (const auto &[Source, F] : Flows) {
    MemoSnapshot::Flow Kept;
    Kept.Purpose = Source.first;
    Kept.Origin = Source.second;
    for (const Flow::Reported &R : F.Findings) {
      std::optional<MemoSnapshot::Effect> At = Writer.effect(R.At, R.T);
      if (!At)
        return MemoSnapshot();
      Kept.Findings.push_back({*At, R.Rule});
    }
    Kept.Approximations = F.Approximations;
    Kept.Steps = F.Steps;
    for (const FunctionSummary *Body : F.Left)
      Kept.Left.push_back(Ids.lookup(Body));
    Kept.Globals = F.Globals;
    Kept.Neighbours = F.Neighbours;
    for (const FunctionSummary *Body : F.Reads)
      Kept.Reads.push_back(Ids.lookup(Body));
    Out.Flows.push_back(std::move(Kept));
  }
  for (const auto &[Class, Related] : ClassesAsked)
    Out.Classes.push_back({Class, Related});
  Out.ClassesDigest = ClassesDigest;
  return Out;
}

void LinkMemo::restore(MemoSnapshot Snapshot, const ProgramIndex &Index) {
  clear();
  const auto &Bodies = Snapshot.Bodies;
  size_t Count = Bodies.size();
  // Each body's body in Index, where it is the same or only moved.
  std::vector<const FunctionSummary *> Now(Count);
  llvm::DenseSet<const FunctionSummary *> Taken;
  Moves Moved;
  std::vector<uint32_t> Lost;
  for (uint32_t B = 0; B < Count; ++B) {
    const FunctionSummary *Def = Index.definition(Bodies[B].Usr);
    std::optional<PlaceMoves> Places;
    if (Def && Taken.insert(Def).second)
      Places = placesMoved(Bodies[B].Shape, shapeOf(*Def));
    if (!Places) {
      Lost.push_back(B);
      continue;
    }
    Now[B] = Def;
    Moved.note(*Places);
  }
  auto Valid = [Count](uint32_t Id) { return Id < Count; };
  std::vector<std::vector<uint32_t>> ReadBy(Count);
  for (uint32_t B = 0; B < Count; ++B)
    for (uint32_t Callee : Bodies[B].Reads) {
      if (!Valid(Callee))
        return;
      ReadBy[Callee].push_back(B);
    }
  // A place that went two ways cannot tell the steps it is in apart.
  if (Moved.Ambiguous)
    return;
  std::vector<uint32_t> Work = Lost;
  while (!Work.empty()) {
    uint32_t Changed = Work.back();
    Work.pop_back();
    for (uint32_t Reader : ReadBy[Changed])
      if (Now[Reader]) {
        Now[Reader] = nullptr;
        Work.push_back(Reader);
      }
  }
  for (uint32_t B = 0; B < Count; ++B) {
    if (!Now[B])
      continue;
    Function &F = Functions[Now[B]];
    F.Body = Index.sharedDefinition(Bodies[B].Usr);
    F.Calls = Bodies[B].Calls;
    for (uint32_t Callee : Bodies[B].Reads)
      F.Reads.push_back(Now[Callee]);
  }

  std::vector<PathRef> PathsNow;
  for (const MemoSnapshot::Path &P : Snapshot.Paths)
    PathsNow.push_back(Paths.intern(P.Fields, P.Open));
  // Each node as this memo holds it; null where it has steps of a body
  // lost. Nodes of a body kept only lead to bodies kept.
  std::vector<Trace> Nodes = {nullptr};
  std::vector<bool> Usable = {true};
  for (const MemoSnapshot::Node &N : Snapshot.Nodes) {
    size_t Listed = Nodes.size();
    if (N.Before >= Listed || N.After >= Listed ||
        (N.Body && !Valid(N.Body - 1)) || N.Step > Snapshot.Steps.size())
      return clear();
    bool Holds = Usable[N.Before] && Usable[N.After];
    Trace T = nullptr;
    if (N.Body) {
      const FunctionSummary *Body = Now[N.Body - 1];
      if (Body && N.Edge >= Body->Edges.size())
        return clear();
      Holds &= Body != nullptr;
      if (Holds)
        T = Traces.extend(Nodes[N.Before], Body->Edges[N.Edge].Steps);
    } else if (N.Step) {
      FlowStep Step = Snapshot.Steps[N.Step - 1];
      Moved.move(Step.Where);
      T = Traces.extend(Nodes[N.Before], std::move(Step));
    } else {
      T = Traces.concat(Nodes[N.Before], Nodes[N.After]);
    }
    Nodes.push_back(Holds ? T : nullptr);
    Usable.push_back(Holds);
  }

  auto PathOf = [&](uint32_t P) -> std::optional<PathRef> {
    if (P >= PathsNow.size())
      return std::nullopt;
    return PathsNow[P];
  };
  /// \p E as this memo holds it, and whether it holds here (its trace
  /// and the function calling its sink kept); none if an index is not
  /// one of the snapshot's.
  auto EffectOf = [&](const MemoSnapshot::Effect &E)
      -> std::optional<std::pair<std::pair<Reach, Trace>, bool>> {
    std::optional<PathRef> Path = PathOf(E.Path);
    if (!Path || E.Trace >= Nodes.size() || (E.In && !Valid(E.In - 1)))
      return std::nullopt;
    const FunctionSummary *CallsSink = E.In ? Now[E.In - 1] : nullptr;
    return std::make_pair(
        std::make_pair(Reach{E.Kind, E.Index, E.Arg, E.Arg2, E.Name, *Path,
                             E.SinkName, CallsSink},
                       Nodes[E.Trace]),
        Usable[E.Trace] && (!E.In || CallsSink));
  };
  // Hundreds of thousands on a large program: grown once, not by doubling.
  Summaries.reserve(Snapshot.Summaries.size());
  for (const MemoSnapshot::Summary &S : Snapshot.Summaries) {
    if (!Valid(S.Body) || !Now[S.Body])
      continue;
    const MemoSnapshot::Input &In = S.Entering;
    std::optional<PathRef> InputPath = PathOf(In.Path);
    if (!InputPath)
      return clear();
    Summary Kept;
    Kept.LooksPast = S.LooksPast;
    bool Holds = true;
    for (const MemoSnapshot::Effect &E : S.Effects) {
      auto Effect = EffectOf(E);
      if (!Effect)
        return clear();
      Holds &= Effect->second;
      Kept.Effects.push_back(Effect->first);
    }
    if (Holds)
      Summaries.emplace(
          std::make_pair(Now[S.Body],
                         Fact{In.Kind, In.Index, In.Arg, In.Name, *InputPath}),
          std::move(Kept));
  }
  for (MemoSnapshot::Flow &F : Snapshot.Flows) {
    if (!llvm::all_of(F.Reads, Valid) || !llvm::all_of(F.Left, Valid))
      return clear();
    auto Lost = [&](uint32_t Body) { return !Now[Body]; };
    if (llvm::any_of(F.Reads, Lost) || llvm::any_of(F.Left, Lost))
      continue;
    Flow Kept;
    bool Holds = true;
    for (const MemoSnapshot::Reported &R : F.Findings) {
      auto At = EffectOf(R.At);
      if (!At)
        return clear();
      Holds &= At->second;
      Kept.Findings.push_back({At->first.first, At->first.second, R.Rule});
    }
    if (!Holds)
      continue;
    Kept.Approximations = std::move(F.Approximations);
    for (Approximation &A : Kept.Approximations)
      Moved.move(A.Where);
    Kept.Steps = F.Steps;
    for (uint32_t Body : F.Left)
      Kept.Left.push_back(Now[Body]);
    Kept.Globals = std::move(F.Globals);
    Kept.Neighbours = F.Neighbours;
    for (uint32_t Body : F.Reads)
      Kept.Reads.push_back(Now[Body]);
    Flows.try_emplace({std::move(F.Purpose), std::move(F.Origin)},
                      std::move(Kept));
  }
  for (const MemoSnapshot::ClassAsked &C : Snapshot.Classes)
    ClassesAsked.try_emplace(C.Class, C.Related);
  ClassesDigest = Snapshot.ClassesDigest;
  FreshTraces = std::max<size_t>(Traces.size(), 1);
}

} // namespace pii

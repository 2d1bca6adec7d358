//===- Link.cpp -----------------------------------------------------------===//

#include "core/link/Link.h"
#include "core/link/CallGraph.h"
#include "core/link/Facts.h"
#include "core/link/LinkMemo.h"
#include "core/link/Place.h"
#include "core/link/Trace.h"
#include "core/model/StableDigest.h"

#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/Hashing.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SetVector.h"

#include <algorithm>
#include <deque>
#include <map>
#include <memory>
#include <set>
#include <unordered_map>

namespace pii {
namespace {

/// The sink kind of argument \p Arg among a function's parameters' \p Kinds
/// (FunctionSummary::SinkKinds); none for the object.
std::optional<Symbol> sinkKindAt(llvm::ArrayRef<std::optional<Symbol>> Kinds,
                                 int Arg) {
  if (Arg < 0 || static_cast<size_t>(Arg) >= Kinds.size())
    return std::nullopt;
  return Kinds[Arg];
}

/// The step at a call site where a callee's result comes back.
FlowStep returnedAt(const CallSite &Call, Symbol Callee) {
  return FlowStep::at(FlowStepKind::CallReturns, Call.Where, Callee);
}

//===----------------------------------------------------------------------===//
// The program
//===----------------------------------------------------------------------===//

/// A query's hash, of its function and the fact entering it, for the
/// table that numbers queries.
struct FactHash {
  size_t operator()(const std::pair<int, Fact> &Query) const {
    return Query.second.hash(uint32_t(Query.first));
  }
};

/// A fact a traversal has reached, in the open-addressing set the solver
/// asks most of (a fact reached is looked up at every step into it): the
/// number of the item that holds it, and its hash. A word a fact, not a
/// copy of it, so that the millions an edit's flows reach on a large
/// program are probed in a fifth of the memory; the fact itself is read
/// only when the hashes match.
struct ReachedSlot {
  uint32_t Hash;
  uint32_t Item;
};
/// A fact looked up: its hash, and whether the item numbered so holds it.
struct ReachedLookup {
  uint32_t Hash;
  llvm::function_ref<bool(uint32_t)> HeldBy;
};
/// Reached slots as DenseSet keys, looked up by ReachedLookup.
struct ReachedSlotInfo {
  static ReachedSlot getEmptyKey() { return {0, ~0u}; }
  static ReachedSlot getTombstoneKey() { return {0, ~0u - 1}; }
  static unsigned getHashValue(const ReachedSlot &S) { return S.Hash; }
  static unsigned getHashValue(const ReachedLookup &L) { return L.Hash; }
  static bool isEqual(const ReachedSlot &A, const ReachedSlot &B) {
    return A.Item == B.Item && A.Hash == B.Hash;
  }
  static bool isEqual(const ReachedLookup &L, const ReachedSlot &S) {
    return S.Hash == L.Hash && S.Item < getTombstoneKey().Item &&
           L.HeldBy(S.Item);
  }
};
using FactsReached = llvm::DenseSet<ReachedSlot, ReachedSlotInfo>;

/// A function's exit, the function and where a value leaves it, as a key
/// of the open-addressing set a source's flow looks each exit up in.
struct ExitInfo {
  using Key = std::pair<int, Reach>;
  static Key marker(int Which) { return {Which, Reach::returned(PathRef())}; }
  static Key getEmptyKey() { return marker(-1); }
  static Key getTombstoneKey() { return marker(-2); }
  static unsigned getHashValue(const Key &K) {
    return K.second.hash(uint32_t(K.first));
  }
  static bool isEqual(const Key &A, const Key &B) { return A == B; }
};

/// The port a value is at, whatever its path: kind, index, argument, global.
template <typename PortOrFact> auto portOf(const PortOrFact &P) {
  return std::tie(P.Kind, P.Index, P.Arg, P.Name);
}

/// The edges of \p Body that leave \p At's port: a run of its edges, which
/// a canonical summary orders by the port they leave from. Sources are
/// numbered as in the function's own unit.
llvm::ArrayRef<Edge> edgesLeaving(const FunctionSummary &Body, const Fact &At) {
  const Edge *First = Body.Edges.data();
  const Edge *Last = First + Body.Edges.size();
  const Edge *Begin = std::partition_point(
      First, Last, [&](const Edge &E) { return portOf(E.From) < portOf(At); });
  const Edge *End = std::partition_point(Begin, Last, [&](const Edge &E) {
    return !(portOf(At) < portOf(E.From));
  });
  return llvm::ArrayRef<Edge>(Begin, End);
}

class Linker {
public:
  /// With \p Memo, takes the summaries it keeps that still hold, and
  /// leaves it those of this link.
  Linker(const ProgramIndex &Index,
         llvm::ArrayRef<const TranslationUnitSummary *> Units, const Policy &P,
         const LinkOptions &Options, LinkMemo *Memo);
  LinkResult run();

private:
  /// Where the values entering a function with a query's input reach, each
  /// with the trace inside the function; and the same entries in the order
  /// they were found, so that a reader can be given only those it has not
  /// seen.
  struct Summary {
    std::map<Reach, Trace> Effects;
    std::vector<const std::pair<const Reach, Trace> *> Found;
  };
  /// A summary is asked for a function and a value entering it; each such
  /// query is numbered once, and known by its number after.
  using QueryKey = std::pair<int, Fact>;
  using QueryId = unsigned;
  /// A fact reached, with the trace that first brought it there: its
  /// edges are followed once. Its owner is the query it belongs to, or, for
  /// the source being traced, the function it is in.
  struct Item {
    int Owner;
    Fact At;
    Trace T;
  };
  /// Items are kept once, in their traversal, and known elsewhere by their
  /// index there.
  using ItemId = uint32_t;
  /// An item whose value enters a callee along one of its function's
  /// edges (a call argument), and so reads the callee's summary: when the
  /// summary grows, the item is given the effects it has not seen, and
  /// only those. Following the item again instead would pass its value to
  /// every target of the call again, for one new effect of one of them.
  struct Reader {
    ItemId Item;
    /// The edge's index in the function's edges.
    uint32_t Edge;
    /// How many of the summary's effects (Summary::Found) it has.
    uint32_t Seen;
  };
  /// The facts one traversal has reached, the two the solver keeps: every
  /// query's, and the source being traced's. With them, those still to
  /// follow, those whose steps read each summary, and the one being
  /// followed, whose step reads the summaries it asks for.
  struct Traversal {
    FactsReached Reached;
    std::vector<Item> Items;
    std::deque<ItemId> Work;
    /// By QueryId (as far as any was read). An item followed again (its
    /// summary looks past its place) reads again: its reader records are
    /// then twice, and the older one may be given effects it has; giving
    /// an effect twice changes nothing, and costs less than a table of
    /// the records would on every read.
    std::vector<std::vector<Reader>> Readers;
    std::optional<ItemId> Reading;

    /// Adds \p At, owned by \p Owner, to follow, if it is new.
    void reach(int Owner, const Fact &At, MakeTrace T) {
      auto Next = ItemId(Items.size());
      auto Holds = [&](ItemId I) {
        return Items[I].Owner == Owner && Items[I].At == At;
      };
      ReachedLookup Key{uint32_t(At.hash(uint32_t(Owner))), Holds};
      if (Reached.insert_as({Key.Hash, Next}, Key).second) {
        Work.push_back(Next);
        Items.push_back({Owner, At, T()});
      }
    }
    /// Notes that the item being followed, if any, reads \p Query's
    /// summary along \p Edge, and has its first \p Seen effects.
    void read(QueryId Query, uint32_t Edge, uint32_t Seen) {
      if (!Reading)
        return;
      if (Readers.size() <= Query)
        Readers.resize(Query + 1);
      Readers[Query].push_back({*Reading, Edge, Seen});
    }
    /// Follows again the items that read \p Query's summary.
    void reread(QueryId Query) {
      if (Query >= Readers.size())
        return;
      llvm::DenseSet<ItemId> Once;
      for (const Reader &R : Readers[Query])
        if (Once.insert(R.Item).second)
          Work.push_back(R.Item);
    }
  };

  /// Where \p E takes a value at \p At, if it moves it: None when it
  /// moves another part of the object, and then LooksIntoRest is set if
  /// which part depends on the fields an open place leaves to the caller.
  std::optional<PathRef> moved(const Edge &E, PathRef At);
  /// Counts a step (a fact followed, or a summary's new effects given to
  /// a reader), and tells the progress observer when it is time; false
  /// past the budget, where no step leads anywhere.
  bool spendStep();
  /// Visits the edges leaving \p At inside \p Fn once.
  template <typename LocalFn, typename ReachFn>
  void step(int Fn, const Fact &At, Trace T, LocalFn Local, ReachFn Out);
  /// The number of the query for \p Fn and a value entering as \p Input,
  /// its input to be followed if it is new.
  QueryId queryOf(int Fn, const Fact &Input);
  /// Notes that the item being followed reads \p Query's summary along
  /// its function's edge \p Edge, and has every effect found so far.
  void read(QueryId Query, uint32_t Edge);
  /// What \p Target does with a value entering as its argument \p Arg at
  /// \p At: the query for the shortest prefix of At's fields, open, that
  /// Target does not look past (or for At itself), and the fields of At
  /// below that prefix. None when At is open and Target looks past every
  /// prefix: whoever asked must then ask with more of its place.
  std::optional<std::pair<QueryId, llvm::ArrayRef<Symbol>>>
  summaryFor(int Target, int Arg, PathRef At);
  /// A value passed along an edge into a call's target: the call, the
  /// argument, the target, the value's place at the call, and the fields
  /// of that place below the target's query.
  struct Passed {
    const CallSite &Call;
    int Site;
    int Arg;
    int Target;
    PathRef Path;
    llvm::ArrayRef<Symbol> Rest;
  };
  /// Takes the value \p In, which came to the call by \p Through, to
  /// where the effects \p From to \p End of \p Query's summary (the
  /// target's) lead: local facts after the call, or the function's outputs.
  template <typename ThroughFn, typename LocalFn, typename ReachFn>
  void applyEffects(const Passed &In, ThroughFn &Through, QueryId Query,
                    size_t From, size_t End, LocalFn &Local, ReachFn &Out);
  /// Gives the readers of \p Query's summary the effects they have not
  /// seen.
  void deliver(QueryId Query);
  /// Gives \p R, a reader of \p Query in a function \p Fn, the effects
  /// from R.Seen to \p End.
  template <typename LocalFn, typename ReachFn>
  void deliverTo(int Fn, const Item &I, const Reader &R, QueryId Query,
                 size_t End, LocalFn Local, ReachFn Out);
  /// Adds \p R to \p Query's summary, if it is new.
  void summarize(QueryId Query, const Reach &R, MakeTrace RT);
  /// Takes the source being traced, which leaves \p Fn by \p R, on:
  /// to \p Fn's callers or a global's readers, or into a finding.
  void leave(int Fn, const Reach &R, MakeTrace MakeRT);
  /// Reports the source being traced at a sink, unless a path as short
  /// was found already.
  void report(const LinkMemo::Flow::Reported &By);
  /// Where a value a fact of \p Query leads to goes, as step() and
  /// deliverTo() take them: a fact of the query's own, or an effect in
  /// its summary.
  auto inQuery(QueryId Query) {
    return std::make_pair(
        [this, Query](const Fact &Next, MakeTrace NT) {
          OfQueries.reach(int(Query), Next, NT);
        },
        [this, Query](const Reach &R, MakeTrace RT) {
          summarize(Query, R, RT);
        });
  }
  /// The same for a fact of the source being traced, in \p Fn: a fact
  /// of the source's, or out of \p Fn.
  auto inSource(int Fn) {
    return std::make_pair(
        [this, Fn](const Fact &Next, MakeTrace NT) {
          OfSource.reach(Fn, Next, NT);
        },
        [this, Fn](const Reach &R, MakeTrace RT) { leave(Fn, R, RT); });
  }
  /// Whether a value at \p At in argument \p Arg of \p Call can enter
  /// \p Target: a virtual call reaches an override with a value in a field
  /// of its object only if the object may be of both their classes.
  bool mayReach(const CallSite &Call, int Arg, PathRef At, int Target);
  /// \p Inner, a place a summary reached, with the fields the summary
  /// left to the caller below it if it is open: \p In's Rest, the last
  /// fields of its place, open if that place is.
  PathRef below(PathRef Inner, const Passed &In);
  /// Follows the facts of every query to a fixpoint.
  void computeSummaries();
  /// Follows \p I's edges within its query.
  void followItem(ItemId Id);
  /// Notes that \p Query's summary has changed: its readers are given its
  /// new effects (or, if it looks past its input, follow their facts
  /// again) once the work at hand is done.
  void changed(QueryId Query);
  /// Follows \p I's edges, and from a function's outputs into its callers,
  /// reporting each sink the source reaches.
  void followSource(ItemId Id);
  /// Finds the flows from the program-wide source \p SourceId, read by
  /// \p Reads: (function, the source as numbered in its unit).
  void traceSource(int SourceId, llvm::ArrayRef<std::pair<int, int>> Reads);
  /// Takes what the memo kept of following the source being traced,
  /// read by \p Reads, if it holds: if who reads the source, calls the
  /// functions the flow left and reads the globals it wrote is as it was.
  bool replay(const LinkMemo::Flow &Kept,
              llvm::ArrayRef<std::pair<int, int>> Reads);
  /// What following the source being traced, read by \p Reads, found and
  /// met, for the memo.
  LinkMemo::Flow followed(int SourceId,
                          llvm::ArrayRef<std::pair<int, int>> Reads,
                          uint64_t StepsBefore);
  /// A digest of who reads the source (\p Reads), calls each of \p Left
  /// and reads each of \p Globals.
  uint64_t neighbours(llvm::ArrayRef<std::pair<int, int>> Reads,
                      llvm::ArrayRef<int> Left, llvm::ArrayRef<Symbol> Globals);
  /// Notes callback calls with no known target.
  void noteUnknownCallbacks();
  /// Leaves the memo every summary computed, and what it read.
  void remember();
  /// Counts functions and call sites.
  static LinkStats countCalls(const ProgramIndex &Index,
                              const CallGraph &Calls);
  void approximate(ApproximationKind Kind, SourceSpot Where, Symbol Subject,
                   uint64_t Count = 0);

  const Policy &Pol;
  /// Where places and traces are made: the memo's, or this link's own.
  LinkMemo *Memo;
  LinkMemo Own;
  PathTable &Paths;
  TraceArena &Arena;
  std::vector<SourceInfo> Sources;
  /// Per unit, its source indexes translated to program-wide ones.
  llvm::DenseMap<const TranslationUnitSummary *, std::vector<int>> SourceMaps;
  const ProgramIndex &Index;
  std::unique_ptr<CallGraph> Calls;
  std::unordered_map<QueryKey, QueryId, FactHash> QueryIds;
  /// By QueryId: the query (a key of QueryIds, which stays in place), its
  /// summary (in a deque: a summary read stays in place while others are
  /// added), the facts of other queries whose steps read its summary, and
  /// whether it has changed since they did.
  std::vector<const QueryKey *> Queries;
  std::deque<Summary> Summaries;
  /// The facts every query has reached, owned by their query: one table,
  /// not one per query, whose smallest size would be most of their memory.
  Traversal OfQueries;
  std::vector<bool> Changed;
  /// By QueryId: the summary was taken from the memo, complete.
  std::vector<bool> Kept;
  /// With a memo: which functions' summaries the facts of which functions'
  /// queries read (summaryFor), by their numbers.
  llvm::DenseSet<std::pair<int, int>> Read;
  /// By QueryId: the query's input is open, and the function looks past
  /// it; its readers ask with a longer prefix instead (summaryFor).
  std::vector<bool> LooksPast;
  /// By (target, argument, place): the query summaryFor chose, and the
  /// length of its prefix.
  llvm::DenseMap<std::tuple<int, int, const void *>,
                 std::pair<QueryId, unsigned>>
      Chosen;
  /// By (a place a summary reached, the caller's place, the number of
  /// its fields below the summary's input): what below() made of them.
  llvm::DenseMap<std::tuple<const void *, const void *, unsigned>, PathRef>
      Joined;
  /// Set when the query being computed meets an edge, or a callee, that
  /// looks past its open input.
  bool LooksIntoRest = false;
  /// By function: the class it is a method of (empty where its USR does
  /// not say), read from its USR once. Not by (field, override): on tdlib
  /// those pairs are tens of millions, the classes a few thousand, and
  /// ClassHierarchy keeps its answers by pair of classes.
  llvm::DenseMap<int, Symbol> MethodClasses;
  /// Queries whose summaries grew since their readers were last given
  /// their effects.
  std::deque<QueryId> ChangedQueue;
  /// The facts the source being traced has reached, owned by their
  /// functions.
  Traversal OfSource;
  /// The program-wide number of the source being traced.
  int Traced = -1;
  /// The places the source left a function by (its result, an
  /// out-parameter, a global), each passed on to the callers or readers
  /// once: a fact followed again leaves by them again.
  llvm::DenseSet<std::pair<int, Reach>, ExitInfo> SourceExits;
  /// With a memo, what the source being traced met besides the bodies it
  /// followed: the functions it left to their callers, the globals it
  /// left to their readers, the functions whose summaries it read; and
  /// the approximations it made.
  llvm::SetVector<int> SourceLeft;
  llvm::SetVector<Symbol> SourceGlobals;
  llvm::DenseSet<int> SourceRead;
  std::vector<Approximation> SourceApproximations;
  std::set<std::pair<ApproximationKind, SourceSpot>> SourceApproximated;
  /// The flows of the sources, for the memo, and how many were kept from
  /// it; the steps of those kept count against the budget, not as taken.
  std::map<LinkMemo::SourceKey, LinkMemo::Flow> Flows;
  unsigned KeptFlows = 0;
  uint64_t StepsKept = 0;
  /// By (sink, source, rule): the finding reported, and how it was found.
  std::map<std::tuple<Symbol, int, int, Symbol, int, const Rule *>,
           std::pair<Finding, LinkMemo::Flow::Reported>>
      Found;
  /// Set while following flows from sources, when reaching a function with
  /// no body means a purpose-carrying value enters unanalyzed code.
  bool Tracing = false;
  std::set<std::pair<ApproximationKind, SourceSpot>> Approximated;
  std::vector<Approximation> Approximations;
  uint64_t Budget;
  uint64_t Steps = 0;
  const std::function<void(const LinkProgress &)> &Progress;
  uint64_t ProgressInterval;
  LinkProgress Told;
};

Linker::Linker(const ProgramIndex &Index,
               llvm::ArrayRef<const TranslationUnitSummary *> Units,
               const Policy &P, const LinkOptions &Options, LinkMemo *Memo)
    : Pol(P), Memo(Memo), Paths((Memo ? *Memo : Own).paths()),
      Arena((Memo ? *Memo : Own).traces()), Index(Index),
      Budget(Options.StepBudget), Progress(Options.Progress),
      ProgressInterval(std::max<uint64_t>(Options.ProgressInterval, 1)) {
  // Program-wide sources, in an order that does not depend on the order of
  // the units: by purpose and origin.
  std::map<std::pair<std::string, std::string>, int> SourceIds;
  for (size_t U = 0; U < Units.size(); ++U)
    for (const SourceInfo &S : Units[U]->Sources)
      SourceIds.try_emplace({S.Purpose, S.OriginUsr}, 0);
  for (auto &[Key, Id] : SourceIds)
    Id = static_cast<int>(Sources.size()), Sources.emplace_back();
  for (size_t U = 0; U < Units.size(); ++U)
    for (const SourceInfo &S : Units[U]->Sources) {
      int Id = SourceIds[{S.Purpose, S.OriginUsr}];
      Sources[Id] = S;
      SourceMaps[Units[U]].push_back(Id);
    }

  Calls = std::make_unique<CallGraph>(Index);
  noteUnknownCallbacks();
}

LinkStats Linker::countCalls(const ProgramIndex &Index,
                             const CallGraph &Calls) {
  LinkStats Stats;
  Stats.Functions = Index.functions();
  Stats.DifferingFunctions = Index.differingDefinitions();
  Index.forEachDefinition(
      [&](const FunctionSummary &F) { Stats.CallSites += F.Calls.size(); });
  Stats.OpaqueCallSites = Calls.opaqueSites();
  return Stats;
}

void Linker::noteUnknownCallbacks() {
  for (const auto &[Caller, Site] : Calls->callbackSites()) {
    const CallSite &Call = Caller->Calls[Site];
    if (Call.CalleeParam >= 0 &&
        Calls->passed(Calls->idOf(*Caller), Site).empty())
      approximate(ApproximationKind::UnresolvedCallback, Call.Where,
                  Call.CalleeName);
  }
}

void Linker::approximate(ApproximationKind Kind, SourceSpot Where,
                         Symbol Subject, uint64_t Count) {
  if (Memo && Tracing && SourceApproximated.emplace(Kind, Where).second)
    SourceApproximations.push_back({Kind, Where, Subject, Count});
  if (Approximated.emplace(Kind, Where).second)
    Approximations.push_back({Kind, std::move(Where), Subject, Count});
}

Linker::QueryId Linker::queryOf(int Fn, const Fact &Input) {
  auto [It, Inserted] =
      QueryIds.try_emplace(QueryKey{Fn, Input}, QueryId(Queries.size()));
  QueryId Query = It->second;
  if (Inserted) {
    Queries.push_back(&It->first);
    Summaries.emplace_back();
    Changed.push_back(false);
    LooksPast.push_back(false);
    const LinkMemo::Summary *Known =
        Memo ? Memo->find(Calls->summary(Fn), Input) : nullptr;
    Kept.push_back(Known);
    if (!Known) {
      OfQueries.reach(int(Query), Input, [] { return Trace(); });
      return Query;
    }
    LooksPast.back() = Known->LooksPast;
    Summary &S = Summaries.back();
    for (const auto &[R, T] : Known->Effects)
      S.Found.push_back(&*S.Effects.try_emplace(R, T).first);
  }
  return Query;
}

void Linker::read(QueryId Query, uint32_t Edge) {
  // A summary kept from the memo is complete: it never grows, so no
  // reader of it is ever given more. An edit's link reads only those.
  if (Kept[Query])
    return;
  uint32_t Seen = Summaries[Query].Found.size();
  OfQueries.read(Query, Edge, Seen);
  OfSource.read(Query, Edge, Seen);
}

std::optional<std::pair<Linker::QueryId, llvm::ArrayRef<Symbol>>>
Linker::summaryFor(int Target, int Arg, PathRef At) {
  llvm::ArrayRef<Symbol> Fields = *At;
  // What a query's summary reads, or a source's flow, the memo forgets
  // with it.
  if (Memo && OfQueries.Reading)
    Read.insert(
        {Queries[OfQueries.Items[*OfQueries.Reading].Owner]->first, Target});
  if (Memo && OfSource.Reading)
    SourceRead.insert(Target);
  // The prefix chosen last time stands until its summary looks past it.
  auto [Known, New] =
      Chosen.try_emplace({Target, Arg, At.identity()}, QueryId(0), 0u);
  QueryId &Choice = Known->second.first;
  unsigned &Shortest = Known->second.second;
  if (!New && !LooksPast[Choice])
    return std::make_pair(Choice, Fields.drop_front(Shortest));
  for (size_t K = New ? 0 : Shortest + 1; K <= Fields.size(); ++K) {
    PathRef Prefix =
        K == Fields.size()
            ? At
            : Paths.intern(FieldPath(Fields.take_front(K)), /*Open=*/true);
    QueryId Query = queryOf(Target, Fact::param(Arg, Prefix));
    if (LooksPast[Query])
      continue;
    Choice = Query;
    Shortest = K;
    return std::make_pair(Query, Fields.drop_front(K));
  }
  Choice = queryOf(Target, Fact::param(Arg, At));
  Shortest = Fields.size();
  return std::nullopt;
}

bool Linker::mayReach(const CallSite &Call, int Arg, PathRef At, int Target) {
  if (!Call.Virtual || Arg != ObjectArg)
    return true;
  if ((*At).empty()) {
    // In a field the caller left open, the value reaches the overrides of
    // a class that field's may be: which, the caller's place says.
    if (At.open())
      LooksIntoRest = true;
    return true;
  }
  Symbol Holder = Paths.classOf((*At).front());
  auto [Known, New] = MethodClasses.try_emplace(Target);
  if (New)
    Known->second = ClassHierarchy::classOfMethod(Calls->summary(Target).Usr)
                        .value_or(Symbol());
  Symbol Overrider = Known->second;
  return Holder.empty() || Overrider.empty() ||
         Index.classes().mayBeBoth(Holder, Overrider);
}

PathRef Linker::below(PathRef Inner, const Passed &In) {
  if (!Inner.open())
    return Inner;
  // The same effects are given at every call with a value at the same
  // place: the place they reach is made once.
  auto [Known, New] = Joined.try_emplace(
      {Inner.identity(), In.Path.identity(), unsigned(In.Rest.size())});
  if (New) {
    FieldPath Fields = *Inner;
    Fields.insert(Fields.end(), In.Rest.begin(), In.Rest.end());
    Known->second = Paths.intern(std::move(Fields), In.Path.open());
  }
  return Known->second;
}

std::optional<PathRef> Linker::moved(const Edge &E, PathRef At) {
  // Most edges move a value whole, wherever it is: its place stays.
  if (E.From.Path.empty() && E.To.Path.empty())
    return At;
  FieldPath Fields;
  bool Open = false;
  Followed What = follow(E, At, Fields, Open);
  if (What == Followed::DependsOnRest)
    LooksIntoRest = true;
  if (What != Followed::Moves)
    return std::nullopt;
  return Paths.intern(std::move(Fields), Open);
}

bool Linker::spendStep() {
  // Past the budget, no step leads anywhere: every worklist drains, and
  // the link ends with what it found.
  if (++Steps > Budget)
    return false;
  if (Progress && Steps % ProgressInterval == 0) {
    Told.Summaries = Summaries.size();
    Told.Pending = OfQueries.Work.size() + ChangedQueue.size();
    Told.Steps = Steps;
    Progress(Told);
  }
  return true;
}

template <typename LocalFn, typename ReachFn>
void Linker::step(int Fn, const Fact &At, Trace T, LocalFn Local, ReachFn Out) {
  if (!spendStep())
    return;
  const FunctionSummary &Body = Calls->summary(Fn);
  for (const Edge &E : edgesLeaving(Body, At)) {
    std::optional<PathRef> Moved = moved(E, At.Path);
    if (!Moved)
      continue;
    PathRef Path = *Moved;
    LazyTrace Through([&] { return Arena.extend(T, E.Steps); });
    const Port &To = E.To;
    switch (To.Kind) {
    case PortKind::Return:
      Out(Reach::returned(Path), Through);
      break;
    case PortKind::ParamOut:
      Out(Reach::parameter(To.Index, Path), Through);
      break;
    case PortKind::Global:
      Out(Reach::global(To.Name, Path), Through);
      break;
    case PortKind::Relay:
      // Inside the function: the value goes on from the relay.
      Local(Fact::relay(To.Index, Path), Through);
      break;
    case PortKind::CallArg: {
      const CallSite &Call = Body.Calls[To.Index];
      const std::vector<int> &Targets = Calls->targets(Fn, To.Index);
      bool IsSink = false;
      if (To.Arg >= 0 && Call.Args[To.Arg].SinkKind) {
        Out(Reach::sink(Body, To.Index, To.Arg, *Call.Args[To.Arg].SinkKind,
                        Call.CalleeName),
            Through);
        IsSink = true;
      }
      for (const FunctionRef &Ref : Calls->passed(Fn, To.Index))
        if (std::optional<Symbol> Kind = sinkKindAt(Ref.SinkKinds, To.Arg)) {
          Out(Reach::sink(Body, To.Index, To.Arg, *Kind, Ref.Name), Through);
          IsSink = true;
        }
      if (Targets.empty()) {
        // No body anywhere: the opaque-call model.
        if (Call.Declassifies)
          break;
        // A sink with no body is the norm, not a blind spot; and a call with
        // no result or output could carry nothing anywhere.
        bool Sink = llvm::any_of(Call.Args, [](const CallArgument &A) {
          return A.SinkKind.has_value();
        });
        bool CanCarry = Call.ReturnsValue || Call.MutatesObject ||
                        llvm::any_of(Call.Args, [](const CallArgument &A) {
                          return A.Output;
                        });
        if (Tracing && !IsSink && !Sink && CanCarry)
          approximate(ApproximationKind::UnmodelledCall, Call.Where,
                      Call.CalleeName);
        LazyTrace Opaque([&] {
          return Arena.extend(Through(),
                              FlowStep::at(FlowStepKind::CallResult, Call.Where,
                                           Call.CalleeName));
        });
        Local(Fact::callResult(To.Index), Opaque);
        for (size_t Written = 0; Written < Call.Args.size(); ++Written)
          if (Call.Args[Written].Output && static_cast<int>(Written) != To.Arg)
            Local(Fact::callOut(To.Index, static_cast<int>(Written)), Opaque);
        if (Call.MutatesObject && To.Arg != ObjectArg)
          Local(Fact::callOut(To.Index, ObjectArg), Opaque);
        break;
      }
      uint32_t EdgeIndex = &E - Body.Edges.data();
      for (int Target : Targets) {
        // A call that may run a sink takes its argument there, whatever
        // function it names: an override called through its base.
        const FunctionSummary &Callee = Calls->summary(Target);
        if (std::optional<Symbol> Kind = sinkKindAt(Callee.SinkKinds, To.Arg);
            Kind && Kind != Call.Args[To.Arg].SinkKind)
          Out(Reach::sink(Body, To.Index, To.Arg, *Kind, Callee.Name), Through);
        if (!mayReach(Call, To.Arg, Path, Target))
          continue;
        auto Chosen = summaryFor(Target, To.Arg, Path);
        if (!Chosen) {
          LooksIntoRest = true;
          continue;
        }
        auto [Query, Rest] = *Chosen;
        read(Query, EdgeIndex);
        applyEffects(Passed{Call, To.Index, To.Arg, Target, Path, Rest},
                     Through, Query, 0, Summaries[Query].Found.size(), Local,
                     Out);
      }
      break;
    }
    default:
      break; // inputs are never targets
    }
  }
}

template <typename ThroughFn, typename LocalFn, typename ReachFn>
void Linker::applyEffects(const Passed &In, ThroughFn &Through, QueryId Query,
                          size_t From, size_t End, LocalFn &Local,
                          ReachFn &Out) {
  if (From == End)
    return; // the value goes nowhere (yet): no step to describe
  Symbol Name = Calls->summary(In.Target).Name;
  SourceSpot Spot = In.Arg >= 0 ? In.Call.Args[In.Arg].Where : In.Call.Where;
  LazyTrace Enter([&] {
    return Arena.extend(
        Through(),
        In.Arg >= 0
            ? FlowStep::at(FlowStepKind::PassedAsArgument, Spot, Name, In.Arg)
            : FlowStep::at(FlowStepKind::CalledOn, Spot, Name));
  });
  // By index: an effect applied may add to this very summary (recursion).
  for (size_t K = From; K < End; ++K) {
    const auto &[R, Inside] = *Summaries[Query].Found[K];
    LazyTrace Done(
        [&, Inside = Inside] { return Arena.concat(Enter(), Inside); });
    PathRef Reached = below(R.Path, In);
    switch (R.Kind) {
    case Reach::Return:
      Local(Fact::callResult(In.Site, Reached),
            [&] { return Arena.extend(Done(), returnedAt(In.Call, Name)); });
      break;
    case Reach::ParamOut:
      Local(Fact::callOut(In.Site, R.Index, Reached), Done);
      break;
    case Reach::Global:
      Out(Reach::global(R.Name, Reached), Done);
      break;
    case Reach::Sink:
      Out(R, Done);
      break;
    }
  }
}

template <typename LocalFn, typename ReachFn>
void Linker::deliverTo(int Fn, const Item &I, const Reader &R, QueryId Query,
                       size_t End, LocalFn Local, ReachFn Out) {
  // The value's place at the call, as the reader's step found it.
  const FunctionSummary &Body = Calls->summary(Fn);
  const Edge &E = Body.Edges[R.Edge];
  PathRef Path = *moved(E, I.At.Path);
  llvm::ArrayRef<Symbol> Rest = llvm::ArrayRef<Symbol>(*Path).drop_front(
      (*Queries[Query]->second.Path).size());
  LazyTrace Through([&] { return Arena.extend(I.T, E.Steps); });
  applyEffects(Passed{Body.Calls[E.To.Index], E.To.Index, E.To.Arg,
                      Queries[Query]->first, Path, Rest},
               Through, Query, R.Seen, End, Local, Out);
}

void Linker::deliver(QueryId Query) {
  size_t End = Summaries[Query].Found.size();
  for (Traversal *Readers : {&OfQueries, &OfSource}) {
    if (Query >= Readers->Readers.size())
      continue;
    // By index, and each a copy: delivering adds items, never readers.
    for (size_t K = 0; K < Readers->Readers[Query].size(); ++K) {
      Reader R = Readers->Readers[Query][K];
      if (R.Seen >= End)
        continue;
      Readers->Readers[Query][K].Seen = End;
      if (!spendStep())
        return;
      Item I = Readers->Items[R.Item];
      if (Readers == &OfSource) {
        auto [Local, Out] = inSource(I.Owner);
        deliverTo(I.Owner, I, R, Query, End, Local, Out);
        continue;
      }
      QueryId Owner = I.Owner;
      if (LooksPast[Owner])
        continue; // its readers ask with more of their places now
      auto [Local, Out] = inQuery(Owner);
      deliverTo(Queries[Owner]->first, I, R, Query, End, Local, Out);
    }
  }
}

void Linker::summarize(QueryId Query, const Reach &R, MakeTrace RT) {
  Summary &S = Summaries[Query];
  auto [It, New] = S.Effects.try_emplace(R, nullptr);
  if (!New)
    return;
  It->second = RT();
  S.Found.push_back(&*It);
  changed(Query);
}

void Linker::computeSummaries() {
  // Breadth first over every query's facts. A summary that grows gives
  // its readers the new effects; a fact is followed again only when a
  // summary its step read looks past its input (and then only it, not the
  // whole function). Changes are passed on once the facts at hand are
  // followed, so that a summary growing fact by fact is delivered once.
  while (!OfQueries.Work.empty() || !ChangedQueue.empty()) {
    if (OfQueries.Work.empty()) {
      QueryId Query = ChangedQueue.front();
      ChangedQueue.pop_front();
      Changed[Query] = false;
      if (LooksPast[Query]) {
        OfQueries.reread(Query);
        OfSource.reread(Query);
      } else {
        deliver(Query);
      }
      continue;
    }
    ItemId Next = OfQueries.Work.front();
    OfQueries.Work.pop_front();
    followItem(Next);
  }
}

void Linker::followItem(ItemId Id) {
  // A copy: following it adds items.
  Item I = OfQueries.Items[Id];
  QueryId Query = I.Owner;
  if (LooksPast[Query])
    return; // its readers ask with more of their places now
  int Fn = Queries[Query]->first;
  OfQueries.Reading = Id;
  LooksIntoRest = false;
  auto [Local, Out] = inQuery(Query);
  step(Fn, I.At, I.T, Local, Out);
  OfQueries.Reading.reset();
  if (LooksIntoRest) {
    LooksPast[Query] = true;
    changed(Query);
  }
}

void Linker::changed(QueryId Query) {
  if (!Changed[Query]) {
    Changed[Query] = true;
    ChangedQueue.push_back(Query);
  }
}

void Linker::followSource(ItemId Id) {
  Item I = OfSource.Items[Id];
  int Fn = I.Owner;
  OfSource.Reading = Id;
  Tracing = true;
  auto [Local, Out] = inSource(Fn);
  step(Fn, I.At, I.T, Local, Out);
  Tracing = false;
  OfSource.Reading.reset();
}

void Linker::leave(int Fn, const Reach &R, MakeTrace MakeRT) {
  if (R.Kind != Reach::Sink && !SourceExits.insert({Fn, R}).second)
    return;
  Trace RT = MakeRT();
  auto Same = [RT] { return RT; };
  if (Memo && R.Kind == Reach::Global)
    SourceGlobals.insert(R.Name);
  else if (Memo && R.Kind != Reach::Sink)
    SourceLeft.insert(Fn);
  switch (R.Kind) {
  case Reach::Return:
    // The value began inside: it returns to every caller.
    Calls->forEachCaller(Fn, [&](int Caller, int Site) {
      OfSource.reach(Caller, Fact::callResult(Site, R.Path), [&] {
        return Arena.extend(RT, returnedAt(Calls->summary(Caller).Calls[Site],
                                           Calls->summary(Fn).Name));
      });
    });
    break;
  case Reach::ParamOut:
    Calls->forEachCaller(Fn, [&](int Caller, int Site) {
      OfSource.reach(Caller, Fact::callOut(Site, R.Index, R.Path), Same);
    });
    break;
  case Reach::Global:
    for (int Reader : Calls->readersOf(R.Name))
      OfSource.reach(Reader, Fact::global(R.Name, R.Path), Same);
    break;
  case Reach::Sink:
    for (const Rule *Broken :
         Pol.rulesBrokenBy(Sources[Traced].Purpose, R.Name))
      report({R, RT, uint32_t(Broken - Pol.Rules.data())});
    break;
  }
}

void Linker::report(const LinkMemo::Flow::Reported &By) {
  const SourceInfo &Source = Sources[Traced];
  const Rule &Broken = Pol.Rules[By.Rule];
  const Reach &R = By.At;
  const CallSite &Call = R.In->Calls[R.Arg];
  auto Key =
      std::make_tuple(R.In->Usr, R.Arg, R.Arg2, R.SinkName, Traced, &Broken);
  std::vector<FlowStep> Steps = flatten(By.T);
  // Of the paths found, report the shortest: the most direct account of
  // the flow.
  if (auto It = Found.find(Key);
      It != Found.end() && It->second.first.Steps.size() <= Steps.size())
    return;
  Finding F;
  F.RuleId = Broken.Id;
  F.Level = Broken.Level;
  F.Purpose = Source.Purpose;
  F.SourceName = Source.OriginName;
  F.SourceDecl = Source.OriginSpot;
  F.SinkName = R.SinkName;
  F.SinkKind = R.Name;
  F.ArgIndex = R.Arg2;
  F.Where = Call.Args[R.Arg2].Where;
  F.WhereEnd = Call.Args[R.Arg2].End;
  F.Call = Call.Where;
  F.Steps = std::move(Steps);
  Found.insert_or_assign(Key, std::make_pair(std::move(F), By));
}

void Linker::traceSource(int SourceId,
                         llvm::ArrayRef<std::pair<int, int>> Reads) {
  // Every read of the source at once: the flows from its reads mostly
  // meet, and are followed once. The flows ask for summaries not computed
  // yet; they are computed, and the facts whose steps read them followed
  // again, until nothing changes. Summaries are shared: the sources met
  // later mostly find theirs computed.
  bool WithinBudget = Steps <= Budget;
  Traced = SourceId;
  LinkMemo::SourceKey Key = {Sources[SourceId].Purpose,
                             Sources[SourceId].OriginUsr};
  if (Memo)
    if (const LinkMemo::Flow *Kept = Memo->findFlow(Key);
        Kept && replay(*Kept, Reads)) {
      Flows[Key] = *Kept;
      ++KeptFlows;
      return;
    }
  uint64_t StepsBefore = Steps;
  OfSource = Traversal();
  SourceExits.clear();
  for (auto [Fn, Source] : Reads)
    OfSource.reach(Fn, Fact::source(Source), [] { return Trace(); });
  while (!OfSource.Work.empty()) {
    while (!OfSource.Work.empty()) {
      ItemId Next = OfSource.Work.front();
      OfSource.Work.pop_front();
      followSource(Next);
    }
    computeSummaries();
  }
  if (WithinBudget && Steps > Budget)
    approximate(ApproximationKind::LinkBudget, Sources[SourceId].OriginSpot,
                Sources[SourceId].OriginName, Budget);
  if (Memo)
    Flows[Key] = followed(SourceId, Reads, StepsBefore);
}

bool Linker::replay(const LinkMemo::Flow &Kept,
                    llvm::ArrayRef<std::pair<int, int>> Reads) {
  // Where a link following the flow would stop at its budget, it is
  // followed, to stop there.
  if (Steps + Kept.Steps > Budget ||
      llvm::any_of(Kept.Findings, [&](const LinkMemo::Flow::Reported &R) {
        return R.Rule >= Pol.Rules.size();
      }))
    return false;
  std::vector<int> Left;
  for (const FunctionSummary *Body : Kept.Left)
    Left.push_back(Calls->idOf(*Body));
  if (neighbours(Reads, Left, Kept.Globals) != Kept.Neighbours)
    return false;
  for (const LinkMemo::Flow::Reported &By : Kept.Findings)
    report(By);
  for (const Approximation &A : Kept.Approximations)
    approximate(A.Kind, A.Where, A.Subject, A.Count);
  Steps += Kept.Steps;
  StepsKept += Kept.Steps;
  return true;
}

LinkMemo::Flow Linker::followed(int SourceId,
                                llvm::ArrayRef<std::pair<int, int>> Reads,
                                uint64_t StepsBefore) {
  LinkMemo::Flow F;
  for (const auto &[Key, Reported] : Found)
    if (std::get<4>(Key) == SourceId)
      F.Findings.push_back(Reported.second);
  F.Approximations = std::move(SourceApproximations);
  F.Steps = Steps - StepsBefore;
  for (int Fn : SourceLeft)
    F.Left.push_back(&Calls->summary(Fn));
  F.Globals.assign(SourceGlobals.begin(), SourceGlobals.end());
  F.Neighbours = neighbours(Reads, SourceLeft.getArrayRef(), F.Globals);
  for (const Item &I : OfSource.Items)
    SourceRead.insert(I.Owner);
  for (int Fn : SourceRead)
    F.Reads.push_back(&Calls->summary(Fn));
  SourceLeft.clear();
  SourceGlobals.clear();
  SourceRead.clear();
  SourceApproximations.clear();
  SourceApproximated.clear();
  return F;
}

uint64_t Linker::neighbours(llvm::ArrayRef<std::pair<int, int>> Reads,
                            llvm::ArrayRef<int> Left,
                            llvm::ArrayRef<Symbol> Globals) {
  // Sums, so that the order the readers are listed in does not count.
  uint64_t Readers = 0;
  for (auto [Fn, Source] : Reads)
    Readers += StableDigest::of(
        {Calls->summary(Fn).Usr.digest(), uint64_t(uint32_t(Source))});
  StableDigest Digest;
  Digest.add(Readers);
  for (int Fn : Left)
    Digest.add(Calls->callersDigest(Fn));
  for (Symbol Global : Globals)
    Digest.add(Calls->readersDigest(Global));
  return Digest.finish();
}

void Linker::remember() {
  llvm::DenseMap<int, uint64_t> CallsOf;
  for (QueryId Query = 0; Query < Queries.size(); ++Query) {
    if (Kept[Query])
      continue;
    const auto &[Fn, Input] = *Queries[Query];
    const FunctionSummary &Body = Calls->summary(Fn);
    auto [Digest, New] = CallsOf.try_emplace(Fn);
    if (New)
      Digest->second = Calls->callsDigest(Body);
    LinkMemo::Summary S;
    S.LooksPast = LooksPast[Query];
    for (const auto *Effect : Summaries[Query].Found)
      S.Effects.push_back(*Effect);
    Summaries[Query] = Summary();
    Memo->keep(Index.sharedDefinition(Body.Usr), Digest->second, Input,
               std::move(S));
  }
  for (auto [Reader, Callee] : Read)
    Memo->noteRead(Calls->summary(Reader), Calls->summary(Callee));
  Memo->keepFlows(std::move(Flows), Index, [this](const FunctionSummary &Body) {
    return Calls->callsDigest(Body);
  });
  // The class hierarchy keeps every answer the link's virtual calls asked.
  Memo->noteClasses(Index.classes());
  Memo->linked();
}

LinkResult Linker::run() {
  if (Memo)
    Memo->forgetChanged(Index, [this](const FunctionSummary &Body) {
      return Calls->callsDigest(Body);
    });
  // Program-wide source to its reads: (function, source as numbered in
  // the function's unit), in the order of the functions.
  std::map<int, std::vector<std::pair<int, int>>> Reads;
  for (int Fn : Calls->sourceReaders()) {
    const FunctionSummary &Body = Calls->summary(Fn);
    const std::vector<Edge> &Edges = Body.Edges;
    for (size_t E = 0; E < Edges.size(); ++E) {
      const Port &From = Edges[E].From;
      if (From.Kind == PortKind::Source &&
          (E == 0 || portOf(Edges[E - 1].From) != portOf(From)))
        Reads[SourceMaps[Index.unitOf(Body.Usr)][From.Index]].emplace_back(
            Fn, From.Index);
    }
  }
  Told.Sources = Reads.size();
  for (const auto &[SourceId, Readers] : Reads) {
    traceSource(SourceId, Readers);
    ++Told.SourcesDone;
  }

  LinkResult Result;
  for (auto &[Key, F] : Found)
    Result.Findings.push_back(std::move(F.first));
  sortAndUnique(Result.Findings);
  // Not on a thread of its own while the flows are followed: a crash in
  // the link (IsolatedRun.h) would leave that thread reading a program
  // the driver goes on to free.
  Result.Stats = countCalls(Index, *Calls);
  Result.Stats.Summaries = Summaries.size();
  Result.Stats.Steps = Steps - StepsKept;
  Result.Stats.BudgetExhausted = Steps > Budget;
  Result.Stats.KeptSummaries = llvm::count(Kept, true);
  Result.Stats.Flows = Reads.size();
  Result.Stats.KeptFlows = KeptFlows;
  // A link stopped at its budget leaves summaries incomplete. The facts
  // reached are done with: the memo's copies of the summaries are made in
  // their room, not on top of them (on tdlib, gigabytes).
  OfQueries = Traversal();
  OfSource = Traversal();
  if (Memo && !Result.Stats.BudgetExhausted)
    remember();
  Result.Approximations = std::move(Approximations);
  return Result;
}

} // namespace

LinkResult link(const ProgramIndex &Index,
                llvm::ArrayRef<const TranslationUnitSummary *> Units,
                const Policy &P, const LinkOptions &Options, LinkMemo *Memo) {
  LinkResult Result = Linker(Index, Units, P, Options, Memo).run();
  // A header's comments are in every unit that includes it.
  for (const TranslationUnitSummary *Unit : Units)
    llvm::append_range(Result.Suppressions, Unit->Suppressions);
  llvm::sort(Result.Suppressions);
  Result.Suppressions.erase(
      std::unique(Result.Suppressions.begin(), Result.Suppressions.end(),
                  [](const SuppressionComment &A, const SuppressionComment &B) {
                    return A.Where == B.Where;
                  }),
      Result.Suppressions.end());
  // And so are its declarations.
  for (const TranslationUnitSummary *Unit : Units)
    llvm::append_range(Result.PolicyNamesDeclared, Unit->PolicyNamesDeclared);
  llvm::sort(Result.PolicyNamesDeclared);
  Result.PolicyNamesDeclared.erase(
      std::unique(Result.PolicyNamesDeclared.begin(),
                  Result.PolicyNamesDeclared.end()),
      Result.PolicyNamesDeclared.end());
  return Result;
}

LinkResult link(llvm::ArrayRef<const TranslationUnitSummary *> Units,
                const Policy &P, const LinkOptions &Options) {
  ProgramIndex Index;
  for (size_t U = 0; U < Units.size(); ++U)
    Index.add(*Units[U], U);
  return link(Index, Units, P, Options);
}

LinkResult link(const std::vector<TranslationUnitSummary> &Units,
                const Policy &P, const LinkOptions &Options) {
  std::vector<const TranslationUnitSummary *> Pointers;
  for (const TranslationUnitSummary &Unit : Units)
    Pointers.push_back(&Unit);
  return link(Pointers, P, Options);
}

} // namespace pii

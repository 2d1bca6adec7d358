//===- LinkMemo.h - Summaries kept from one link to the next ----*- C++ -*-===//
//
// The editor links the program again after every edit, and an edit changes
// the bodies of a few functions. The summaries the link computed for the
// others still hold: a summary depends on its function's body, on where
// that body's calls go, on which classes may be one object (the filter of
// virtual calls), and on the summaries of the callees it read, nothing
// else. A LinkMemo keeps a link's summaries with
// what they depended on; the next link takes those whose dependencies are
// unchanged as they are and computes only the rest.
//
// It keeps what following each source found the same way: a flow depends
// on the bodies it followed, the summaries it read, and who reads the
// source, calls the functions it returned from and reads the globals it
// wrote. An edit most often changes none of those (on a large program a
// source's flow meets a few percent of the functions), and the next link
// then takes the flow's findings as they are, rather than follow millions
// of facts again to find the same.
//
// The places and traces of the summaries kept are the memo's, and every
// link that uses it makes its own there too, so that what it keeps stays
// valid. A summary forgotten leaves its traces behind: once they are most
// of the memo, it starts afresh.
//
//===----------------------------------------------------------------------===//

#ifndef PII_CORE_LINK_LINKMEMO_H
#define PII_CORE_LINK_LINKMEMO_H

#include "core/link/Facts.h"
#include "core/link/MemoSnapshot.h"
#include "core/link/Place.h"
#include "core/link/ProgramIndex.h"
#include "core/link/Trace.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLFunctionalExtras.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace pii {

class LinkMemo {
public:
  /// A function's summary for one value entering it: where the value
  /// goes, each with the trace inside, in the order they were found; or,
  /// if the function looks past the value's open place, that.
  struct Summary {
    bool LooksPast = false;
    std::vector<std::pair<Reach, Trace>> Effects;
  };

  /// What following one source found, and what it met that is not a body.
  struct Flow {
    /// A sink it reached breaking a rule (by its index in the policy's),
    /// with the path reported.
    struct Reported {
      Reach At;
      Trace T;
      uint32_t Rule = 0;
    };
    std::vector<Reported> Findings;
    /// Those it made while following the source, each once.
    std::vector<Approximation> Approximations;
    uint64_t Steps = 0;
    /// The functions it left by their result or an out-parameter, to their
    /// callers, and the globals it left by, to their readers.
    std::vector<const FunctionSummary *> Left;
    std::vector<Symbol> Globals;
    /// A digest of who reads the source, calls each of Left and reads each
    /// of Globals, as it met them: the link follows the flow again if
    /// they differ.
    uint64_t Neighbours = 0;
    /// The bodies it followed and those whose summaries it read: when one
    /// is forgotten, so is the flow.
    std::vector<const FunctionSummary *> Reads;
  };
  /// A source, as the program names it: its purpose and its origin's USR.
  using SourceKey = std::pair<std::string, std::string>;

  PathTable &paths() { return Paths; }
  TraceArena &traces() { return Traces; }

  /// Forgets the summaries that do not hold in \p Index's program: those
  /// of functions whose body is not the program's any more or whose calls
  /// go elsewhere (\p CallsOf, a digest of where a body's calls go, is
  /// not what it was), and those that read them, at any depth; and the
  /// flows that followed or read any of those. A body
  /// that only moved (MovedBody.h) keeps its summaries, their places
  /// moved with it. Forgets
  /// everything if the program's classes answer a question the link asked
  /// differently (noteClasses), or if the traces of summaries forgotten
  /// are most of the memo.
  void
  forgetChanged(const ProgramIndex &Index,
                llvm::function_ref<uint64_t(const FunctionSummary &)> CallsOf);

  /// The summary kept for \p Body and a value entering it as \p Input.
  const Summary *find(const FunctionSummary &Body, const Fact &Input) const;
  /// The flow kept for \p Source, if none of the bodies it depended on
  /// changed.
  const Flow *findFlow(const SourceKey &Source) const;

  /// Keeps \p S as \p Body's summary for \p Input; \p Calls is the digest
  /// of where Body's calls go.
  void keep(const SharedFunction &Body, uint64_t Calls, const Fact &Input,
            Summary S);
  /// Notes the questions a link asked \p Classes (whether one object may
  /// be of two classes), and their answers.
  void noteClasses(const ClassHierarchy &Classes);
  /// Notes that a summary of \p Reader read one of \p Callee, which must
  /// be kept too: when Callee's are forgotten, so are Reader's.
  void noteRead(const FunctionSummary &Reader, const FunctionSummary &Callee);
  /// Keeps \p Linked, the flows of every source a link followed or took
  /// from the memo, in place of those it kept; \p CallsOf is the digest of
  /// where a body's calls go.
  void keepFlows(std::map<SourceKey, Flow> Linked, const ProgramIndex &Index,
                 llvm::function_ref<uint64_t(const FunctionSummary &)> CallsOf);
  /// Notes that a link has kept all it computed: the memo's size after a
  /// link from nothing is the measure of what the next may leave behind.
  void linked();

  /// What it keeps, as plain values, for a later process.
  MemoSnapshot snapshot() const;
  /// Takes \p Snapshot, of a memo in an earlier process, in place of what
  /// it keeps: the next link (forgetChanged) finds its bodies in its own
  /// program, and keeps the summaries of those the same or only moved.
  void adopt(MemoSnapshot Snapshot) { Adopted = std::move(Snapshot); }

  /// How many summaries, and of how many functions, it keeps.
  size_t summaries() const { return Summaries.size(); }
  size_t functions() const { return Functions.size(); }

private:
  struct Function {
    /// Held, so that its address names no other body while kept.
    SharedFunction Body;
    uint64_t Calls = 0;
    /// The functions whose summaries this one's read.
    std::vector<const FunctionSummary *> Reads;
  };
  struct KeyHash {
    size_t operator()(const std::pair<const FunctionSummary *, Fact> &K) const {
      return llvm::hash_combine(K.first, K.second);
    }
  };

  /// Bodies that only moved, each with the program's body now, and where
  /// each of their places went.
  struct Moves {
    llvm::DenseMap<const FunctionSummary *, const FunctionSummary *> Bodies;
    std::map<SourceSpot, SourceSpot> Places;
    /// Whether one place went two ways.
    bool Ambiguous = false;

    void note(const PlaceMoves &Moved);
    /// Moves \p Place where it went, if it moved.
    void move(SourceSpot &Place) const;
  };

  /// Whether \p Kept's body, no longer the program's, only moved: then
  /// notes it in \p Moved.
  bool moved(const ProgramIndex &Index, const Function &Kept,
             llvm::function_ref<uint64_t(const FunctionSummary &)> CallsOf,
             Moves &Moved) const;
  /// Keeps the summaries and flows of the bodies \p Moved as the new
  /// bodies', with every place in their traces moved.
  void relocate(const ProgramIndex &Index, const Moves &Moved);
  /// Keeps what \p Snapshot kept of the bodies that are \p Index's or
  /// only moved there, and does not depend on others.
  void restore(MemoSnapshot Snapshot, const ProgramIndex &Index);
  void clear();

  PathTable Paths;
  TraceArena Traces;
  llvm::DenseMap<const FunctionSummary *, Function> Functions;
  std::unordered_map<std::pair<const FunctionSummary *, Fact>, Summary, KeyHash>
      Summaries;
  std::map<SourceKey, Flow> Flows;
  /// The classes the links (and the snapshot adopted) asked about, each
  /// with the digest of its answer (ClassHierarchy::relatedDigest): a few
  /// thousand on a large program.
  llvm::DenseMap<Symbol, uint64_t> ClassesAsked;
  /// The digest of the classes that answered them (ClassHierarchy::digest):
  /// while the program's is the same, they need not be asked again.
  uint64_t ClassesDigest = 0;
  /// The traces made by the last link from nothing.
  size_t FreshTraces = 0;
  /// From adopt, until the next link.
  std::optional<MemoSnapshot> Adopted;
};

} // namespace pii

#endif // PII_CORE_LINK_LINKMEMO_H

//===- MemoSnapshot.h - A LinkMemo as plain values --------------*- C++ -*-===//
//
// The command line links in a new process every run. To keep a link's
// summaries for the next run, it stores its LinkMemo as plain values
// (store/SummaryCache.h): bodies named by USR and shape (MovedBody.h)
// rather than by address, the places and trace nodes of the summaries by
// their index in the snapshot. The next run finds each body in its own
// program, and the summaries whose bodies are the same or only moved hold
// there as they held here.
//
//===----------------------------------------------------------------------===//

#ifndef PII_CORE_LINK_MEMOSNAPSHOT_H
#define PII_CORE_LINK_MEMOSNAPSHOT_H

#include "core/link/Facts.h"
#include "core/link/MovedBody.h"

#include <cstdint>
#include <string>
#include <vector>

namespace pii {

/// Indices into a snapshot's lists are 0-based; where one may be missing
/// (a trace, the function calling a sink), it is the index plus one, and
/// 0 is none.
struct MemoSnapshot {
  struct Body {
    Symbol Usr;
    BodyShape Shape;
    uint64_t Calls = 0;
    /// The bodies whose summaries this one's read.
    std::vector<uint32_t> Reads;
  };
  struct Path {
    FieldPath Fields;
    bool Open = false;
  };
  /// What one trace node holds: the steps of a body's edge, one of Steps,
  /// or the nodes Before and After joined.
  struct Node {
    uint32_t Before = 0;
    uint32_t After = 0;
    uint32_t Body = 0;
    uint32_t Edge = 0;
    uint32_t Step = 0;
  };
  /// A Fact, its path by index.
  struct Input {
    PortKind Kind = PortKind::Param;
    int Index = 0;
    int Arg = 0;
    Symbol Name;
    uint32_t Path = 0;
  };
  /// A Reach, its path, the function calling a sink and its trace by index.
  struct Effect {
    Reach::KindT Kind = Reach::Return;
    int Index = 0;
    int Arg = 0;
    int Arg2 = 0;
    Symbol Name;
    uint32_t Path = 0;
    Symbol SinkName;
    uint32_t In = 0;
    uint32_t Trace = 0;
  };
  struct Summary {
    uint32_t Body = 0;
    Input Entering;
    bool LooksPast = false;
    std::vector<Effect> Effects;
  };
  /// A LinkMemo::Flow: a finding's sink and trace as an effect.
  struct Reported {
    Effect At;
    uint32_t Rule = 0;
  };
  struct Flow {
    std::string Purpose;
    std::string Origin;
    std::vector<Reported> Findings;
    std::vector<Approximation> Approximations;
    uint64_t Steps = 0;
    std::vector<uint32_t> Left;
    std::vector<Symbol> Globals;
    uint64_t Neighbours = 0;
    std::vector<uint32_t> Reads;
  };
  /// A class the link asked which others an object of it may also be,
  /// and ClassHierarchy::relatedDigest of the answer.
  struct ClassAsked {
    Symbol Class;
    uint64_t Related = 0;
  };

  std::vector<Body> Bodies;
  std::vector<Path> Paths;
  std::vector<FlowStep> Steps;
  /// Each after the nodes it joins.
  std::vector<Node> Nodes;
  std::vector<Summary> Summaries;
  std::vector<Flow> Flows;
  std::vector<ClassAsked> Classes;
  /// The digest of the classes that gave those answers.
  uint64_t ClassesDigest = 0;
};

/// The field lists, in declaration order, for the archive (store/Archive.h)
/// that keeps a snapshot between runs.
template <typename Ar> void fields(Ar &A, BodyShape &S) {
  A(S.Digest, S.Places);
}
template <typename Ar> void fields(Ar &A, MemoSnapshot::Body &B) {
  A(B.Usr, B.Shape, B.Calls, B.Reads);
}
template <typename Ar> void fields(Ar &A, MemoSnapshot::Path &P) {
  A(P.Fields, P.Open);
}
template <typename Ar> void fields(Ar &A, MemoSnapshot::Node &N) {
  A(N.Before, N.After, N.Body, N.Edge, N.Step);
}
template <typename Ar> void fields(Ar &A, MemoSnapshot::Input &I) {
  A(I.Kind, I.Index, I.Arg, I.Name, I.Path);
}
template <typename Ar> void fields(Ar &A, MemoSnapshot::Effect &E) {
  A(E.Kind, E.Index, E.Arg, E.Arg2, E.Name, E.Path, E.SinkName, E.In, E.Trace);
}
template <typename Ar> void fields(Ar &A, MemoSnapshot::Summary &S) {
  A(S.Body, S.Entering, S.LooksPast, S.Effects);
}
template <typename Ar> void fields(Ar &A, MemoSnapshot::Reported &R) {
  A(R.At, R.Rule);
}
template <typename Ar> void fields(Ar &A, MemoSnapshot::Flow &F) {
  A(F.Purpose, F.Origin, F.Findings, F.Approximations, F.Steps, F.Left,
    F.Globals, F.Neighbours, F.Reads);
}
template <typename Ar> void fields(Ar &A, MemoSnapshot::ClassAsked &C) {
  A(C.Class, C.Related);
}
template <typename Ar> void fields(Ar &A, MemoSnapshot &S) {
  A(S.Bodies, S.Paths, S.Steps, S.Nodes, S.Summaries, S.Flows, S.Classes,
    S.ClassesDigest);
}

} // namespace pii

#endif // PII_CORE_LINK_MEMOSNAPSHOT_H

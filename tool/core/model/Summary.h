//===- Summary.h - What a function does with the data it sees ---*- C++ -*-===//
//
// The per-translation-unit result of extraction and the input of the link
// step. Plain values only (names, USRs, source spots): a summary outlives its
// AST, can be cached and moved between machines, and summaries of different
// translation units combine by USR.
//
// A function's summary is a set of edges between its ports. Input ports are
// where values come from as seen inside the body: a parameter (or the object
// `this` points to), the result of a call, what a call wrote through an
// argument, a global, or a purpose source. Output ports are where they go: the
// return value, what the body leaves in a parameter's referent (or `this`),
// an argument of a call, a global. Every port may name a field path, so
// `return u.name;` and `return u.phone;` are different summaries.
//
//===----------------------------------------------------------------------===//

#ifndef PII_CORE_MODEL_SUMMARY_H
#define PII_CORE_MODEL_SUMMARY_H

#include "core/model/Finding.h"
#include "core/policy/Policy.h"

#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

namespace pii {

/// How many fields a path below a value names at most (k-limiting):
/// longer ones are cut, which merges their suffixes.
inline constexpr unsigned MaxPathFields = 4;

/// Field USRs from outer to inner, at most MaxPathFields long.
using FieldPath = std::vector<Symbol>;

/// Argument index standing for the object a member function is called on.
inline constexpr int ObjectArg = -1;

enum class PortKind {
  // Inputs.
  Param,      ///< Index: parameter, or ObjectArg for `this`.
  CallResult, ///< Index: call site.
  CallOut,    ///< Index: call site; Arg: the argument written through.
  Source,     ///< Index: into TranslationUnitSummary::Sources.
  // Both: a global is read and written by every function.
  Global, ///< Name: the variable's USR.
  // Outputs.
  Return,
  ParamOut, ///< Index: parameter, or ObjectArg for `this`.
  CallArg,  ///< Index: call site; Arg: argument, or ObjectArg.
  // Both, inside the function alone: a relay stands for many call results
  // and outputs that meet where control flow joins, so that the body's
  // later reads take them from one port instead of each (see
  // analysis/JoinRelays.h). Index: the relay's number.
  Relay,
};

struct Port {
  PortKind Kind = PortKind::Param;
  int Index = 0;
  int Arg = 0;
  Symbol Name;
  FieldPath Path;

  auto key() const { return std::tie(Kind, Index, Arg, Name, Path); }
  friend bool operator<(const Port &A, const Port &B) {
    return A.key() < B.key();
  }
  friend bool operator==(const Port &A, const Port &B) {
    return A.key() == B.key();
  }

  /// One constructor a kind, so that what Index and Arg mean is said where
  /// a port is made.
  static Port param(int Param, FieldPath Path = {}) {
    return make(PortKind::Param, Param, 0, {}, std::move(Path));
  }
  static Port callResult(int Site, FieldPath Path = {}) {
    return make(PortKind::CallResult, Site, 0, {}, std::move(Path));
  }
  static Port callOut(int Site, int Arg, FieldPath Path = {}) {
    return make(PortKind::CallOut, Site, Arg, {}, std::move(Path));
  }
  static Port source(int Source, FieldPath Path = {}) {
    return make(PortKind::Source, Source, 0, {}, std::move(Path));
  }
  static Port global(Symbol Variable, FieldPath Path = {}) {
    return make(PortKind::Global, 0, 0, Variable, std::move(Path));
  }
  static Port returned(FieldPath Path = {}) {
    return make(PortKind::Return, 0, 0, {}, std::move(Path));
  }
  static Port paramOut(int Param, FieldPath Path = {}) {
    return make(PortKind::ParamOut, Param, 0, {}, std::move(Path));
  }
  static Port callArg(int Site, int Arg, FieldPath Path = {}) {
    return make(PortKind::CallArg, Site, Arg, {}, std::move(Path));
  }
  static Port relay(int Relay, FieldPath Path = {}) {
    return make(PortKind::Relay, Relay, 0, {}, std::move(Path));
  }

private:
  static Port make(PortKind Kind, int Index, int Arg, Symbol Name,
                   FieldPath Path) {
    Port P;
    P.Kind = Kind;
    P.Index = Index;
    P.Arg = Arg;
    P.Name = Name;
    P.Path = std::move(Path);
    return P;
  }
};

/// A purpose source: a purpose and the annotated declaration it comes from.
struct SourceInfo {
  std::string Purpose;
  std::string OriginUsr;
  std::string OriginName;
  SourceSpot OriginSpot;
};

struct Edge {
  Port From;
  Port To;
  /// The steps inside the function, from where From's value appears to To.
  std::vector<FlowStep> Steps;
};

/// A function passed around as a value (a pointer, a lambda, a
/// std::function), with what its parameters are as sinks: it may have no
/// body in the program.
struct FunctionRef {
  Symbol Usr;
  Symbol Name;
  std::vector<std::optional<Symbol>> SinkKinds;

  friend bool operator<(const FunctionRef &A, const FunctionRef &B) {
    return A.Usr < B.Usr;
  }
};

/// An explicit argument of a call.
struct CallArgument {
  /// Where it is written: its first character, and the place after its
  /// last.
  SourceSpot Where;
  SourceSpot End;
  /// Its sink kind, if the callee is a sink for it.
  std::optional<Symbol> SinkKind;
  /// An opaque callee may write through it: a non-const reference or
  /// pointer, or a writable iterator.
  bool Output = false;
  /// The functions (or lambdas' call operators) it refers to, and the
  /// caller's parameter whose function it passes on.
  std::vector<FunctionRef> Functions;
  int ForwardedParam = -1;
};

struct CallSite {
  /// USRs of the possible callees: the static callee, or the known targets
  /// of a call through a pointer. A virtual call also reaches overrides.
  std::vector<Symbol> Callees;
  Symbol CalleeName;
  bool Virtual = false;
  SourceSpot Where;
  std::vector<CallArgument> Args;
  /// What an opaque call does (no body in the program): its output
  /// arguments receive the other inputs, and so does the object of a
  /// non-const member function.
  bool MutatesObject = false;
  /// The call yields a value (not void).
  bool ReturnsValue = false;
  /// The callee's result carries no purpose (declassify).
  bool Declassifies = false;
  /// A call through a function pointer or callable (std::function) held in
  /// this parameter: its targets are what callers pass in.
  int CalleeParam = -1;
};

struct FunctionSummary {
  Symbol Usr;
  Symbol Name;
  SourceSpot Where;
  /// USRs of the virtual functions this one overrides, transitively.
  std::vector<Symbol> Overrides;
  /// Where the function is a sink, the kind of each parameter's sink (none
  /// where it is not one); else empty. A call the link finds may run the
  /// function takes an argument to a sink there, whatever function the
  /// call names: an override called through its base.
  std::vector<std::optional<Symbol>> SinkKinds;
  std::vector<CallSite> Calls;
  std::vector<Edge> Edges;
};

/// A function's summary, shared by every unit that has it: a header's
/// inline function is summarized alike in each unit that includes it, and
/// a program holds that summary once (FunctionPool). Shared summaries are
/// not changed; `edit` gives one to change.
using SharedFunction = std::shared_ptr<const FunctionSummary>;

/// \p F as a shared summary.
inline SharedFunction share(FunctionSummary F) {
  return std::make_shared<FunctionSummary>(std::move(F));
}

/// \p F to change in place when no other unit holds it, else a copy of it
/// that replaces it here: copy on write.
FunctionSummary &edit(SharedFunction &F);

/// Where the analysis knowingly approximates; the reporters say it in words
/// (report/Messages.h).
enum class ApproximationKind : uint8_t {
  /// Subject, a function, has no CFG: its flows are not followed.
  NoCfg,
  /// The analysis of Subject, a function, ran out of its budget.
  Budget,
  /// A call through a pointer or callable whose targets are unknown.
  IndirectCall,
  /// A value with a purpose enters Subject, a function with no body and no
  /// model.
  UnmodelledCall,
  InlineAsm,
  /// An object that may carry a purpose is reinterpreted as another type.
  RawCast,
  /// Subject, a parameter holding a callable, is called, but no caller
  /// passes a known function.
  UnresolvedCallback,
  /// The link stopped at its budget of Count steps while following the
  /// flows of Subject, a source.
  LinkBudget,
};
inline constexpr ApproximationKind LastApproximationKind =
    ApproximationKind::LinkBudget;

struct Approximation {
  ApproximationKind Kind = ApproximationKind::Budget;
  SourceSpot Where;
  Symbol Subject;
  uint64_t Count = 0;
};

/// A `pii-flow: allow(<rule-id>, ...) <reason>` comment in the code.
struct SuppressionComment {
  /// Where its marker is.
  SourceSpot Where;
  /// The rules it accepts, sorted.
  std::vector<std::string> Rules;
  std::string Reason;
  /// What is wrong with it, if it is malformed: it then accepts nothing.
  std::string Problem;

  friend bool operator<(const SuppressionComment &A,
                        const SuppressionComment &B) {
    return A.Where < B.Where;
  }
};

/// A class of the program that derives from others: the link tells by
/// them which overrides a virtual call may reach with a value in a field.
struct ClassInfo {
  Symbol Usr;
  /// Its direct bases.
  std::vector<Symbol> Bases;

  friend bool operator<(const ClassInfo &A, const ClassInfo &B) {
    return A.Usr < B.Usr;
  }
};

struct TranslationUnitSummary {
  Symbol File;
  std::vector<SourceInfo> Sources;
  std::vector<SharedFunction> Functions;
  /// The unit's classes with bases, in the order of their USRs.
  std::vector<ClassInfo> Classes;
  std::vector<Approximation> Approximations;
  /// In the order of their places.
  std::vector<SuppressionComment> Suppressions;
  /// The declarations of the names the policy files give (and of names
  /// close to them, members of the classes they name) that the unit
  /// declares, each by the kind it declares it as, sorted: a policy entry
  /// whose name no unit declares applies to nothing, and is reported.
  std::vector<PolicyName> PolicyNamesDeclared;
};

/// What the link step relies on and a reader of summaries must check: ports
/// that refer to call sites, arguments and sources that exist, and edges in
/// canonical order.
/// Returns the first inconsistency in \p Units, naming the function, or an
/// empty string.
std::string inconsistencyIn(const std::vector<TranslationUnitSummary> &Units);

/// Puts \p Unit's sources and each function's edges in order, so that the
/// same code always gives the same summary, byte for byte (the cache
/// compares summaries to tell whether a link result still holds). Edges
/// are ordered by the port they leave from, which the link relies on to
/// find them.
void canonicalize(TranslationUnitSummary &Unit);

/// The order of a function's edges in a canonical summary.
inline bool canonicalEdgeOrder(const Edge &A, const Edge &B) {
  return std::tie(A.From, A.To) < std::tie(B.From, B.To);
}

} // namespace pii

#endif // PII_CORE_MODEL_SUMMARY_H

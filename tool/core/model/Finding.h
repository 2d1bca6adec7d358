//===- Finding.h - The one model every reporter consumes --------*- C++ -*-===//
//
// A finding is a path from a purpose source to a sink argument that a policy
// rule forbids. It holds plain values (no SourceLocation, no AST), so it
// outlives the translation unit it came from and reporters (text, SARIF, LSP)
// only format it.
//
//===----------------------------------------------------------------------===//

#ifndef PII_CORE_MODEL_FINDING_H
#define PII_CORE_MODEL_FINDING_H

#include "core/model/Symbol.h"
#include "core/policy/Policy.h"

#include <cstdint>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

namespace pii {

/// A point in a source file; File is as the compiler saw it, dots removed.
struct SourceSpot {
  Symbol File;
  unsigned Line = 0;
  unsigned Column = 0;

  friend bool operator<(const SourceSpot &A, const SourceSpot &B) {
    return std::tie(A.File, A.Line, A.Column) <
           std::tie(B.File, B.Line, B.Column);
  }
  friend bool operator==(const SourceSpot &A, const SourceSpot &B) {
    return std::tie(A.File, A.Line, A.Column) ==
           std::tie(B.File, B.Line, B.Column);
  }
};

/// A problem in the code and where it is (a misused annotation, a stale
/// suppression), for reporters that do not print Clang's diagnostics
/// (SARIF, the editor).
struct PlacedProblem {
  SourceSpot Where;
  std::string Message;
  /// Worth a look, but the analysis is whole (a name no rule knows).
  bool Warning = false;

  friend bool operator<(const PlacedProblem &A, const PlacedProblem &B) {
    return std::tie(A.Where, A.Message) < std::tie(B.Where, B.Message);
  }
};

/// Something the run could not do or warns of, for the log's invocation.
struct RunProblem {
  RuleLevel Level = RuleLevel::Error;
  std::string Message;
  /// Where, when it is about a place in a file.
  std::optional<SourceSpot> Where;
};

/// What a step of a flow is; the reporters say it in words
/// (report/Messages.h).
enum class FlowStepKind : uint8_t {
  /// Subject, a declaration with Purpose, is read.
  ReadSource,
  /// Subject, a local or parameter, is declared with Purpose.
  DeclaredSource,
  /// Subject, a function, returns a value with Purpose.
  ReturnSource,
  /// The object passed contains Subject, a field with Purpose.
  ContainedField,
  /// Subject, a global, is read.
  ReadGlobal,
  /// The value is returned by Subject.
  Returned,
  /// The value flows into Subject (empty: `this`), or into its field
  /// Detail.
  Assign,
  /// The value flows through a call to Subject.
  CallResult,
  /// The value flows into an output of a call to Subject: Detail, the
  /// variable written, if known.
  CallOutput,
  /// The value is passed to Subject as its argument Arg (0-based).
  PassedAsArgument,
  /// Subject, a member function, is called on the value.
  CalledOn,
  /// The call to Subject returns the value.
  CallReturns,
};
inline constexpr FlowStepKind LastFlowStepKind = FlowStepKind::CallReturns;

/// One step of a flow, as data: which words describe it is the reporters'
/// business, so rewording a message changes no summary, cache or path.
struct FlowStep {
  FlowStepKind Kind = FlowStepKind::ReadSource;
  SourceSpot Where;
  /// The names of the declarations the step is about, as the user wrote
  /// them (a local by its name, anything else qualified).
  Symbol Subject;
  Symbol Detail;
  /// The purpose the source steps name.
  Symbol Purpose;
  unsigned Arg = 0;

  static FlowStep at(FlowStepKind Kind, SourceSpot Where, Symbol Subject,
                     unsigned Arg = 0) {
    FlowStep S;
    S.Kind = Kind;
    S.Where = Where;
    S.Subject = Subject;
    S.Arg = Arg;
    return S;
  }

  auto key() const {
    return std::tie(Where, Kind, Subject, Detail, Purpose, Arg);
  }
  friend bool operator==(const FlowStep &A, const FlowStep &B) {
    return A.key() == B.key();
  }
  friend bool operator<(const FlowStep &A, const FlowStep &B) {
    return A.key() < B.key();
  }
};

struct Finding {
  std::string RuleId;
  RuleLevel Level = RuleLevel::Error;
  std::string Purpose;
  /// Qualified name and declaration of the annotated source.
  std::string SourceName;
  SourceSpot SourceDecl;
  /// Qualified name and kind of the sink function.
  std::string SinkName;
  std::string SinkKind;
  /// 0-based explicit argument index at which the value enters the sink.
  unsigned ArgIndex = 0;
  /// The sink argument (its first character, and the place after its
  /// last), and the sink call (its callee's name).
  SourceSpot Where;
  SourceSpot WhereEnd;
  SourceSpot Call;
  /// Ordered from the source read to the last step before the sink.
  std::vector<FlowStep> Steps;
  /// What the finding is, independent of where in its file it sits, so that
  /// a baseline still matches after unrelated lines move (Fingerprint.h).
  std::string Fingerprint;
  /// Set when a `pii-flow: allow(<rule-id>) <reason>` comment on the sink
  /// line accepts the finding: the reason given.
  std::optional<std::string> Justification;

  /// Two findings are the same problem when rule, place, source and sink agree,
  /// whichever path was found first.
  auto identity() const {
    return std::tie(Where, RuleId, Purpose, SourceName, SinkName, ArgIndex);
  }
};

/// Sorts by location and drops findings with the same identity, as produced by
/// a header analyzed in several translation units.
void sortAndUnique(std::vector<Finding> &Findings);

} // namespace pii

#endif // PII_CORE_MODEL_FINDING_H

//===- Provenance.h - Labels and the steps that carried them ----*- C++ -*-===//
//
// A label is a purpose together with the annotated declaration it came from.
// Every label on every fact points at the step that put it there; steps point
// at their predecessor, so a finding walks back into an ordered path. Steps
// are interned, so re-running a loop to its fixpoint does not grow the arena.
//
//===----------------------------------------------------------------------===//

#ifndef PII_CORE_ANALYSIS_PROVENANCE_H
#define PII_CORE_ANALYSIS_PROVENANCE_H

#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"

#include <map>
#include <string>
#include <tuple>
#include <vector>

namespace clang {
class FieldDecl;
class NamedDecl;
} // namespace clang

namespace pii {

using LabelId = unsigned;

enum class LabelKind {
  /// A purpose from an annotated declaration: what the analysis tracks.
  Source,
  /// Symbolic inputs of the function being analyzed, which the link step
  /// connects across functions: a parameter (Index; -1 for `this`), the
  /// result of call site Index, what call site Index wrote through argument
  /// Arg, a global (Origin).
  Param,
  CallResult,
  CallOut,
  Global,
  /// Relay Index of the function: many call results and outputs,
  /// parameters' and globals' values carried as one (analysis/Relays.h).
  Relay,
};

struct Label {
  LabelKind Kind = LabelKind::Source;
  std::string Purpose;
  /// Source: the annotated declaration; Global: the variable.
  const clang::NamedDecl *Origin = nullptr;
  int Index = 0;
  int Arg = 0;
  /// Symbolic inputs: the field path below the input.
  llvm::SmallVector<const clang::FieldDecl *, 2> Path;

  using Key = std::tuple<LabelKind, std::string, const clang::NamedDecl *, int,
                         int, llvm::SmallVector<const clang::FieldDecl *, 2>>;
  Key key() const { return {Kind, Purpose, Origin, Index, Arg, Path}; }
};

class LabelTable {
public:
  LabelId source(const std::string &Purpose, const clang::NamedDecl *Origin);
  LabelId input(LabelKind Kind, int Index, int Arg = 0,
                const clang::NamedDecl *Origin = nullptr);
  /// \p Id read \p Suffix fields further down: a symbolic input names the
  /// deeper path (up to the access-path limit); a source stays what it is.
  LabelId refine(LabelId Id, llvm::ArrayRef<const clang::FieldDecl *> Suffix);
  const Label &get(LabelId Id) const { return Labels[Id]; }

private:
  LabelId intern(Label L);

  std::vector<Label> Labels;
  std::map<Label::Key, LabelId> Index;
};

enum class StepKind {
  /// Subject: the annotated declaration that was read.
  ReadSource,
  /// Subject: the annotated local or parameter, at its declaration.
  DeclaredSource,
  /// Subject: the global read (a symbolic input, see LabelKind::Global).
  ReadGlobal,
  /// Subject: the function returning the value.
  Returned,
  /// Subject: the function whose result carries a declared purpose.
  ReturnSource,
  /// Subject: the purpose field contained in an object passed whole.
  ContainedField,
  /// Subject: the variable written; Detail: its field, if one.
  Assign,
  /// Subject: the callee whose result carries its inputs' purposes.
  CallResult,
  /// Subject: the callee; Detail: the variable it wrote through a reference,
  /// pointer or `this`.
  CallOutput,
};

/// 0 is "no step": the label was introduced without a recorded history.
using StepId = unsigned;

struct Step {
  StepId Parent;
  clang::SourceLocation Loc;
  StepKind Kind;
  const clang::NamedDecl *Subject;
  const clang::NamedDecl *Detail;
};

class StepArena {
public:
  StepArena() : Steps(1) {}

  StepId extend(StepId Parent, clang::SourceLocation Loc, StepKind Kind,
                const clang::NamedDecl *Subject,
                const clang::NamedDecl *Detail = nullptr);
  const Step &get(StepId Id) const { return Steps[Id]; }
  /// The chain ending at \p Last, oldest first.
  std::vector<const Step *> chain(StepId Last) const;

private:
  using Key = std::tuple<StepId, unsigned, StepKind, const clang::NamedDecl *,
                         const clang::NamedDecl *>;
  std::vector<Step> Steps;
  std::map<Key, StepId> Index;
};

} // namespace pii

#endif // PII_CORE_ANALYSIS_PROVENANCE_H

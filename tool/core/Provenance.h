//===- Provenance.h - Labels and the steps that carried them ----*- C++ -*-===//
//
// A label is a purpose together with the annotated declaration it came from.
// Every label on every fact points at the step that put it there; steps point
// at their predecessor, so a finding walks back into an ordered path. Steps
// are interned, so re-running a loop to its fixpoint does not grow the arena.
//
//===----------------------------------------------------------------------===//

#ifndef PII_CORE_PROVENANCE_H
#define PII_CORE_PROVENANCE_H

#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/DenseMap.h"

#include <map>
#include <string>
#include <tuple>
#include <vector>

namespace clang {
class NamedDecl;
}

namespace pii {

using LabelId = unsigned;

struct Label {
  std::string Purpose;
  /// The annotated field, variable, parameter or function.
  const clang::NamedDecl *Origin;
};

class LabelTable {
public:
  LabelId intern(const std::string &Purpose, const clang::NamedDecl *Origin);
  const Label &get(LabelId Id) const { return Labels[Id]; }

private:
  std::vector<Label> Labels;
  std::map<std::pair<std::string, const clang::NamedDecl *>, LabelId> Index;
};

enum class StepKind {
  /// Subject: the annotated declaration that was read.
  ReadSource,
  /// Subject: the annotated local or parameter, at its declaration.
  DeclaredSource,
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

#endif // PII_CORE_PROVENANCE_H

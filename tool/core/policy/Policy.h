//===- Policy.h - Which purposes may not reach which sinks ------*- C++ -*-===//
//
// A rule forbids values carrying any of its `From` purposes from reaching
// sinks of any of its `To` kinds. The built-in policy is SPEC section 3's
// default: security data must not reach advertising or marketing.
//
// A policy file (PolicyFile.h) adds rules, and names sources, sinks and
// declassifiers by their fully qualified names, for code that cannot carry
// annotations (a vendored SDK, generated code). Those act exactly as the
// annotations would on the declarations they name.
//
//===----------------------------------------------------------------------===//

#ifndef PII_CORE_POLICY_POLICY_H
#define PII_CORE_POLICY_POLICY_H

#include "core/policy/Propagation.h"

#include "llvm/ADT/StringRef.h"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

namespace pii {

enum class RuleLevel { Error, Warning, Note };

struct Rule {
  std::string Id;
  std::vector<std::string> From;
  std::vector<std::string> To;
  RuleLevel Level = RuleLevel::Error;
  std::string Description;

  bool forbids(const std::string &Purpose, const std::string &SinkKind) const;
};

/// A sink named by a policy: the kind, and the explicit arguments it
/// applies to (all when absent).
struct NamedSink {
  std::string Kind;
  std::optional<std::vector<unsigned>> Args;

  bool appliesTo(unsigned ArgIndex) const;
};

/// What a declaration a policy names must be for the entry to apply: a
/// source's field or variable, or a function (a source's, a sink, a
/// declassifier, a propagation).
enum class DeclarationKind : uint8_t { Field, Variable, Function };

/// A declaration by kind and fully qualified name, as a policy names it.
struct PolicyName {
  DeclarationKind Kind = DeclarationKind::Function;
  std::string Name;

  friend bool operator<(const PolicyName &A, const PolicyName &B) {
    return std::tie(A.Name, A.Kind) < std::tie(B.Name, B.Kind);
  }
  friend bool operator==(const PolicyName &A, const PolicyName &B) {
    return A.Kind == B.Kind && A.Name == B.Name;
  }
};

/// Entries by fully qualified name, looked up by StringRef.
template <typename T> using ByName = std::map<std::string, T, std::less<>>;

struct Policy {
  std::vector<Rule> Rules;
  /// Purposes of fields and variables, and of functions' results.
  ByName<std::vector<std::string>> FieldPurposes;
  ByName<std::vector<std::string>> VariablePurposes;
  ByName<std::vector<std::string>> FunctionPurposes;
  ByName<std::vector<NamedSink>> Sinks;
  /// Declassifying functions, with the reason.
  ByName<std::string> Declassifiers;
  /// Functions modelled rather than summarized (Propagation.h).
  ByName<Propagation> Propagations;
  /// The declarations the policy files name, sorted, each once: those no
  /// analyzed file declares are reported (extraction looks them up), as
  /// their entries apply to nothing.
  std::vector<PolicyName> NamedInFiles;
  /// A purpose or sink kind that no rule names is an error, not a warning.
  bool UnknownNamesAreErrors = false;

  static Policy builtin();

  /// The rules that a value with \p Purpose entering a \p SinkKind sink breaks.
  std::vector<const Rule *> rulesBrokenBy(const std::string &Purpose,
                                          const std::string &SinkKind) const;

  /// The purposes (sink kinds) some rule names, as From (To), sorted, each
  /// once.
  std::vector<llvm::StringRef> purposes() const;
  std::vector<llvm::StringRef> sinkKinds() const;

  /// Identifies everything that decides the analysis' results, for the
  /// cache.
  std::string fingerprint() const;
};

const char *toString(RuleLevel Level);
/// "field", "variable" or "function".
const char *toString(DeclarationKind Kind);

/// Whether \p Name holds a control character (a line break, a tab), which
/// no purpose, sink kind, rule or declaration name may: each is printed on
/// the one line a finding or a GitHub annotation takes.
bool holdsControlCharacter(llvm::StringRef Name);

} // namespace pii

#endif // PII_CORE_POLICY_POLICY_H

//===- Policy.h - Which purposes may not reach which sinks ------*- C++ -*-===//
//
// A rule forbids values carrying any of its `From` purposes from reaching
// sinks of any of its `To` kinds. The built-in policy is SPEC section 3's
// default: security data must not reach advertising or marketing.
//
//===----------------------------------------------------------------------===//

#ifndef PII_CORE_POLICY_H
#define PII_CORE_POLICY_H

#include <string>
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

struct Policy {
  std::vector<Rule> Rules;

  static Policy builtin();

  /// The rules that a value with \p Purpose entering a \p SinkKind sink breaks.
  std::vector<const Rule *> rulesBrokenBy(const std::string &Purpose,
                                          const std::string &SinkKind) const;
};

const char *toString(RuleLevel Level);

} // namespace pii

#endif // PII_CORE_POLICY_H

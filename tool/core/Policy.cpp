//===- Policy.cpp ---------------------------------------------------------===//

#include "core/Policy.h"

#include <algorithm>

namespace pii {

static bool contains(const std::vector<std::string> &Names,
                     const std::string &Name) {
  return std::find(Names.begin(), Names.end(), Name) != Names.end();
}

bool Rule::forbids(const std::string &Purpose,
                   const std::string &SinkKind) const {
  return contains(From, Purpose) && contains(To, SinkKind);
}

Policy Policy::builtin() {
  Rule SecurityToAds;
  SecurityToAds.Id = "security-to-advertising";
  SecurityToAds.From = {"security"};
  SecurityToAds.To = {"advertising", "marketing"};
  SecurityToAds.Description =
      "Data collected for security (two-factor authentication, account "
      "recovery) must not be used for advertising or marketing.";
  return Policy{{SecurityToAds}};
}

std::vector<const Rule *>
Policy::rulesBrokenBy(const std::string &Purpose,
                      const std::string &SinkKind) const {
  std::vector<const Rule *> Broken;
  for (const Rule &R : Rules)
    if (R.forbids(Purpose, SinkKind))
      Broken.push_back(&R);
  return Broken;
}

const char *toString(RuleLevel Level) {
  switch (Level) {
  case RuleLevel::Error:
    return "error";
  case RuleLevel::Warning:
    return "warning";
  case RuleLevel::Note:
    return "note";
  }
  return "error";
}

} // namespace pii

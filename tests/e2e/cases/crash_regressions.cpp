// Constructs that once crashed the analysis on pii-flow's own sources:
// calls to standard operators (whose names are not identifiers) and calls
// to static member functions (which have no object).
#include <pii/annotations.h>

#include <string>

namespace acct {
struct User {
  PII_PURPOSE("security") std::string phone;
  std::string name;
};
}  // namespace acct

namespace ads {
PII_SINK("advertising") void upload(const std::string& key);
}

struct Registry {
  static std::string last;
  static void remember(const std::string& s) { last = s; }
  static std::string recall() { return last; }
};
std::string Registry::last;

void operators(const acct::User& u) {
  bool same = u.phone == u.name;
  std::string joined = u.name + "/" + u.phone;
  if (same && u.name != "guest")
    ads::upload(joined);  // $ finding=security-to-advertising
  ads::upload(u.name + "!");  // clean: the name only
}

void staticMembers(const acct::User& u) {
  Registry::remember(u.phone);
  ads::upload(Registry::recall());  // $ finding=security-to-advertising
}

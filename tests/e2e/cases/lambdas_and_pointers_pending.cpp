// Calls into lambdas and through function pointers need call summaries,
// which the analysis does not have yet; these record the gap.
#include <pii/annotations.h>

#include <string>

namespace acct {
struct User {
  PII_PURPOSE("security") std::string phone;
  std::string name;
};
}  // namespace acct

namespace ads {
PII_SINK("advertising") void show(const std::string& s);
}

void lambdas(const acct::User& u) {
  auto byRef = [&] { return u.phone; };
  ads::show(byRef());  // $ MISSING: finding=security-to-advertising
  auto byCopy = [u] { return u.phone; };
  ads::show(byCopy());  // $ MISSING: finding=security-to-advertising
  auto name = [&] { return u.name; };
  ads::show(name());  // clean: returns the name
  std::string p = u.phone;
  auto captured = [&] { return p; };
  ads::show(captured());  // $ finding=security-to-advertising
}

void functionPointer(const acct::User& u) {
  void (*fp)(const std::string&) = &ads::show;
  fp(u.phone);  // $ MISSING: finding=security-to-advertising
}

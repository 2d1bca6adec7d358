// Lambdas called where they are defined, with captures by reference and by
// copy, and calls through function pointers with known targets.
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
  ads::show(byRef());  // $ finding=security-to-advertising
  auto byCopy = [u] { return u.phone; };
  ads::show(byCopy());  // $ finding=security-to-advertising
  auto name = [&] { return u.name; };
  ads::show(name());  // clean: returns the name
  std::string p = u.phone;
  auto captured = [&] { return p; };
  ads::show(captured());  // $ finding=security-to-advertising
}

void functionPointer(const acct::User& u) {
  void (*fp)(const std::string&) = &ads::show;
  fp(u.phone);  // $ finding=security-to-advertising
}

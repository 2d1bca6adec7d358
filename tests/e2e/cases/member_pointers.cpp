// Pointers to data members select one field.
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

void select(const acct::User& u, std::string acct::User::*chosen) {
  std::string acct::User::*phone = &acct::User::phone;
  ads::show(u.*phone);  // $ finding=security-to-advertising
  std::string acct::User::*name = &acct::User::name;
  ads::show(u.*name);  // clean: selects the name
  const acct::User* pu = &u;
  ads::show(pu->*phone);  // $ finding=security-to-advertising
  ads::show(u.*chosen);   // $ finding=security-to-advertising
}

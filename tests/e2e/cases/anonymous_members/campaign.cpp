// Meets Result<int> first, then reads the strings lookup.cpp stored.
#include "result.h"

int countOf(const acct::User& u) {
  Result<int> count;
  count.set(static_cast<int>(u.name.size()));
  return count.ok();
}

// Declared only here, after Result<int> is met: defined in lookup.cpp.
void lookupPhone(const acct::User& u, Result<std::string>& out);
void lookupName(const acct::User& u, Result<std::string>& out);

void campaign(const acct::User& u) {
  Result<std::string> phone;
  lookupPhone(u, phone);
  ads::upload(phone.ok());  // $ finding=security-to-advertising
  Result<std::string> name;
  lookupName(u, name);
  ads::upload(name.ok());  // clean: the name
}

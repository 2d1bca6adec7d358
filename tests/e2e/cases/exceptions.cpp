// Catch handlers are analyzed, values set before a throwing call reach them,
// and a thrown value carries its purposes into the handler.
#include <pii/annotations.h>

#include <stdexcept>
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

void refreshToken();

void inHandler(const acct::User& u) {
  try {
    refreshToken();
  } catch (const std::runtime_error&) {
    ads::show(u.phone);  // $ finding=security-to-advertising
    ads::show(u.name);   // clean: another field
  }
}

void setBeforeThrow(const acct::User& u) {
  std::string fallback = "none";
  try {
    fallback = u.phone;
    refreshToken();
  } catch (...) {
    ads::show(fallback);  // $ finding=security-to-advertising
  }
}

void thrownValue(const acct::User& u) {
  try {
    throw std::runtime_error("bad number " + u.phone);
  } catch (const std::runtime_error& e) {
    ads::show(e.what());  // $ finding=security-to-advertising
  }
}

void thrownCleanValue(const acct::User& u) {
  try {
    throw std::runtime_error("bad user " + u.name);
  } catch (const std::runtime_error& e) {
    ads::show(e.what());  // clean: only the name was thrown
  }
}

// Analyzed and reported even though broken.cpp fails to compile.
#include <pii/annotations.h>

#include <string>

namespace acct {

struct User {
  PII_PURPOSE("security") std::string phone;
  std::string nickname;
};

}  // namespace acct

namespace ads {
PII_SINK("advertising") void upload(const std::string& key);
}  // namespace ads

void syncAudience(const acct::User& u) {
  ads::upload(u.phone);  // $ finding=security-to-advertising
  ads::upload(u.nickname);  // clean: no purpose
}

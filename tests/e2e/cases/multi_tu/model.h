// Shared declarations of a two-file program. The inline function below is
// compiled in both translation units; its finding is reported once.
#ifndef MULTI_TU_MODEL_H
#define MULTI_TU_MODEL_H

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

namespace partners {
void shareWithPartner(const std::string& key);
}  // namespace partners

inline void syncAudience(const acct::User& u) {
  ads::upload(u.phone);  // $ finding=security-to-advertising
  ads::upload(u.nickname);  // clean: no purpose
}

#endif  // MULTI_TU_MODEL_H

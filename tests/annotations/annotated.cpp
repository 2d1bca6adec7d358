// Every placement of every macro from <pii/annotations.h>: this file must
// build warning-free with GCC and Clang, -Wall -Wextra -Wpedantic -Werror.
#include <pii/annotations.h>

#include <string>

namespace acct {
struct User {
  PII_PURPOSE("security") std::string phone;
  PII_PURPOSE("security", "fraud") std::string recoveryEmail;
  PII_PURPOSE("security") static const int Version = 1;
};
PII_PURPOSE("security") extern std::string g_lastRecoveryEmail;
PII_PURPOSE("security") std::string twoFactorPhone(const User &u);
} // namespace acct

namespace ads {
class PII_SINK("advertising") AudienceClient {
public:
  void upload(const std::string &matchKey);
};
PII_SINK("marketing") void sendNewsletter(const std::string &to);
void track(PII_SINK("advertising") const std::string &id, int campaign);
} // namespace ads

namespace stats {
PII_DECLASSIFY("aggregate count") int countUsers(const acct::User *users, int n);
} // namespace stats

int useLocal(PII_PURPOSE("security") int pin) {
  PII_PURPOSE("security") static int lastPin = 0;
  PII_PURPOSE("security") int copy = pin;
  lastPin = copy;
  return lastPin;
}

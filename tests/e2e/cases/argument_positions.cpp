// A finding is reported at the sink argument the value enters by, not at the
// call: when a call spans several lines the finding is on the argument's line,
// one finding per offending argument.
#include <pii/annotations.h>

#include <string>

namespace acct {

struct User {
  PII_PURPOSE("security") std::string phone;
  PII_PURPOSE("security") std::string recoveryEmail;
  std::string nickname;
};

}  // namespace acct

namespace ads {

PII_SINK("advertising") void uploadTriple(const std::string& campaign, const std::string& key,
                                          const std::string& extra);
void annotate(const std::string& campaign, PII_SINK("advertising") const std::string& key,
              const std::string& note);

class AudienceClient {
 public:
  PII_SINK("advertising") void upload(const std::string& key, int ttlDays);
};

}  // namespace ads

#define UPLOAD_TO_AUDIENCE(client, key) (client).upload((key), 30)

void multiLineCalls(const acct::User& u, const std::string& campaign, ads::AudienceClient& client) {
  ads::uploadTriple(
      campaign,
      u.phone,  // $ finding=security-to-advertising
      u.nickname);  // clean: no purpose
  ads::uploadTriple(u.recoveryEmail,  // $ finding=security-to-advertising
                    campaign,  // clean: no purpose
                    u.phone);  // $ finding=security-to-advertising
  client.upload(
      u.phone,  // $ finding=security-to-advertising
      30);
  ads::annotate(
      u.phone,  // clean: `campaign` is not a sink parameter
      u.recoveryEmail,  // $ finding=security-to-advertising
      u.phone);  // clean: `note` is not a sink parameter
}

void macroCall(const acct::User& u, ads::AudienceClient& client) {
  UPLOAD_TO_AUDIENCE(client, u.phone);  // $ finding=security-to-advertising
  UPLOAD_TO_AUDIENCE(client, u.nickname);  // clean: no purpose
}

// Sink declarations: a free function (every argument), a sink on one parameter
// only, a member function, a static member function, and the kinds the default
// policy restricts (advertising, marketing) or not (security, analytics).
// The purposes and sink kinds no rule names are warnings; the run finds.
// PII_EXIT: 1
#include <pii/annotations.h>

#include <string>

namespace acct {

struct User {
  PII_PURPOSE("security") std::string phone;
  std::string nickname;
  std::string segment;
};

}  // namespace acct

namespace ads {

PII_SINK("advertising") void upload(const std::string& key);
PII_SINK("advertising") void uploadPair(const std::string& first, const std::string& second);
void tag(PII_SINK("advertising") const std::string& key, const std::string& campaign);

class AudienceClient {
 public:
  PII_SINK("advertising") void upload(const std::string& key, int ttlDays);
  void setCampaign(const std::string& campaign);  // not a sink
  PII_SINK("advertising") static void publish(const std::string& key);
};

}  // namespace ads

namespace mkt {
PII_SINK("marketing") void sendSms(const std::string& phone, const std::string& text);
}  // namespace mkt

namespace sms {
PII_SINK("security") void sendOtp(const std::string& phone); // $ diag="no rule of the policy names the sink kind"
}  // namespace sms

namespace metrics {
PII_SINK("analytics") void track(const std::string& key); // $ diag="no rule of the policy names the sink kind"
}  // namespace metrics

void freeFunctions(const acct::User& u) {
  ads::upload(u.phone);  // $ finding=security-to-advertising
  ads::uploadPair(u.segment, u.phone);  // $ finding=security-to-advertising
  ads::uploadPair(u.phone, u.phone);  // $ finding=security-to-advertising finding=security-to-advertising
  ads::uploadPair(u.nickname, u.segment);  // clean: no purpose
}

void parameterSink(const acct::User& u) {
  ads::tag(u.phone, "spring");  // $ finding=security-to-advertising
  ads::tag("spring", u.phone);  // clean: `campaign` is not a sink parameter
}

void memberSinks(const acct::User& u, ads::AudienceClient& client) {
  client.upload(u.phone, 30);  // $ finding=security-to-advertising
  client.upload(u.segment, 30);  // clean: no purpose
  ads::AudienceClient* ptr = &client;
  ptr->upload(u.phone, 7);  // $ finding=security-to-advertising
  ads::AudienceClient::publish(u.phone);  // $ finding=security-to-advertising
  ads::AudienceClient other;
  other.setCampaign(u.phone);  // clean: not a sink
  other.upload(u.segment, 1);  // clean: only explicit arguments are checked, not the object
}

void otherKinds(const acct::User& u) {
  mkt::sendSms(u.phone, "Spring sale!");  // $ finding=security-to-advertising
  mkt::sendSms(u.nickname, "Spring sale!");  // clean: no purpose
  sms::sendOtp(u.phone);  // clean: security data into a security sink
  metrics::track(u.phone);  // clean: analytics sinks are not restricted by the default policy
}

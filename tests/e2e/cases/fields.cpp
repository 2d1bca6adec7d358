// Direct reads of purpose-annotated fields (macro spelling): several purposes
// on one field, fields of class type, nested fields, and the purposes and sink
// kinds that the default policy (security -> advertising/marketing) allows.
// The purposes and sink kinds no rule names are warnings; the run finds.
// PII_EXIT: 1
#include <pii/annotations.h>

#include <cstdint>
#include <string>

namespace acct {

struct Address {
  std::string street;
  std::string city;
};

struct Device {
  PII_PURPOSE("security") std::string pushToken;
  std::string model;
};

struct User {
  PII_PURPOSE("security") std::string phone;  // the 2FA number
  PII_PURPOSE("security", "fraud") std::string deviceId; // $ diag="no rule of the policy names the purpose"
  PII_PURPOSE("fraud") std::string ipAddress; // $ diag="no rule of the policy names the purpose"
  PII_PURPOSE("marketing") std::string newsletterEmail; // $ diag="no rule of the policy names the purpose"
  PII_PURPOSE("analytics") std::string sessionId; // $ diag="no rule of the policy names the purpose"
  PII_PURPOSE("security") Address recoveryAddress;  // every subobject carries it
  Address shippingAddress;
  Device primaryDevice;  // no purpose itself, one of its fields has one
  std::string displayName;
  std::int64_t id = 0;
};

}  // namespace acct

namespace ads {
PII_SINK("advertising") void upload(const std::string& audienceKey);
PII_SINK("advertising") void uploadId(std::int64_t userId);
}  // namespace ads

namespace mkt {
PII_SINK("marketing") void sendNewsletter(const std::string& to);
}  // namespace mkt

namespace sms {
PII_SINK("security") void sendOneTimeCode(const std::string& phone, const std::string& code); // $ diag="no rule of the policy names the sink kind"
}  // namespace sms

void syncAudience(const acct::User& user) {
  ads::upload(user.phone);  // $ finding=security-to-advertising
  ads::upload(user.deviceId);  // $ finding=security-to-advertising
  ads::upload(user.ipAddress);  // clean: "fraud" is not restricted by the default policy
  ads::upload(user.newsletterEmail);  // clean: marketing data may be used for advertising
  ads::upload(user.sessionId);  // clean: analytics data is not restricted either
  ads::upload(user.displayName);  // clean: no purpose
  ads::uploadId(user.id);  // clean: no purpose
}

void syncNested(const acct::User& user) {
  ads::upload(user.recoveryAddress.city);  // $ finding=security-to-advertising
  ads::upload(user.recoveryAddress.street);  // $ finding=security-to-advertising
  ads::upload(user.shippingAddress.city);  // clean: same type, field without a purpose
  ads::upload(user.primaryDevice.pushToken);  // $ finding=security-to-advertising
  ads::upload(user.primaryDevice.model);  // clean: sibling of the annotated field
}

void campaigns(const acct::User& user) {
  mkt::sendNewsletter(user.newsletterEmail);  // clean: marketing data for marketing
  mkt::sendNewsletter(user.phone);  // $ finding=security-to-advertising
  mkt::sendNewsletter(user.recoveryAddress.city);  // $ finding=security-to-advertising
  sms::sendOneTimeCode(user.phone, "123456");  // clean: a security value into a security sink
  sms::sendOneTimeCode(user.deviceId, user.sessionId);  // clean: security sink
}

void viaPointer(const acct::User* user) {
  if (!user)
    return;
  ads::upload(user->phone);  // $ finding=security-to-advertising
  ads::upload(user->displayName);  // clean: no purpose
  ads::upload(user->primaryDevice.pushToken);  // $ finding=security-to-advertising
}

// Purposes on variables rather than fields: a global, a namespace-scope static,
// a static data member, a local and a static local. Reading the variable is
// the source read.
// The purposes and sink kinds no rule names are warnings; the run finds.
// PII_EXIT: 1
#include <pii/annotations.h>

#include <string>

namespace acct {

PII_PURPOSE("security") std::string g_recoveryEmail = "owner@example.com";
PII_PURPOSE("security") static std::string s_fallbackPhone = "+15550100";
PII_PURPOSE("marketing") std::string g_promoList = "spring"; // $ diag="no rule of the policy names the purpose"
std::string g_supportEmail = "help@example.com";

struct Config {
  PII_PURPOSE("security") static inline std::string adminPhone = "+15550199";
  static inline std::string region = "eu";
};

std::string lookupPhone(int userId);

}  // namespace acct

namespace ads {
PII_SINK("advertising") void upload(const std::string& key);
}  // namespace ads

void globals() {
  ads::upload(acct::g_recoveryEmail);  // $ finding=security-to-advertising
  ads::upload(acct::s_fallbackPhone);  // $ finding=security-to-advertising
  ads::upload(acct::Config::adminPhone);  // $ finding=security-to-advertising
  std::string copy = acct::g_recoveryEmail;  // $ note=""
  ads::upload(copy);  // $ finding=security-to-advertising
  ads::upload(acct::Config::region);  // clean: static member without a purpose
  ads::upload(acct::g_supportEmail);  // clean: global without a purpose
  ads::upload(acct::g_promoList);  // clean: marketing purpose
}

void locals(int userId) {
  PII_PURPOSE("security") std::string otpPhone = acct::lookupPhone(userId);
  ads::upload(otpPhone);  // $ finding=security-to-advertising
  ads::upload(otpPhone.substr(0, 4));  // $ finding=security-to-advertising
  PII_PURPOSE("security") static std::string lastOtpPhone;
  ads::upload(lastOtpPhone);  // $ finding=security-to-advertising
  PII_PURPOSE("analytics") std::string visit = "home"; // $ diag="no rule of the policy names the purpose"
  ads::upload(visit);  // clean: analytics purpose
  std::string plain = acct::lookupPhone(userId);
  ads::upload(plain);  // clean: lookupPhone's result carries no purpose
}

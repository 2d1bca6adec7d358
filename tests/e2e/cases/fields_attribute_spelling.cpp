// The C++11 attribute spelling [[pii::...]], which pii-flow recognises itself
// (a plain Clang build warns about the unknown `pii` namespace; that is why the
// header offers macros). Sources, sinks and a sink class in this spelling,
// mixed with the macro spelling.
// The purposes and sink kinds no rule names are warnings; the run finds.
// PII_EXIT: 1
#include <pii/annotations.h>

#include <string>

namespace acct {

struct Credentials {
  [[pii::purpose("security")]] std::string recoveryPhone;
  [[pii::purpose("security", "fraud")]] std::string loginIp; // $ diag="no rule of the policy names the purpose"
  [[pii::purpose("analytics")]] std::string utmSource; // $ diag="no rule of the policy names the purpose"
  std::string username;
};

struct Account {
  Credentials primary;  // no purpose itself
  [[pii::purpose("security")]] Credentials backup;  // every subobject carries it
  PII_PURPOSE("security") std::string totpSeed;  // macro spelling in the same class
  std::string plan;
};

}  // namespace acct

namespace ads {

[[pii::sink("advertising")]] void matchAudience(const std::string& key);

struct [[pii::sink("advertising")]] Pixel {
  void fire(const std::string& event, const std::string& value);
};

struct Partner {
  void share([[pii::sink("advertising")]] const std::string& key, const std::string& note);
};

}  // namespace ads

namespace mkt {
[[pii::sink("marketing")]] void enrol(const std::string& contact);
}  // namespace mkt

namespace sec {
[[pii::sink("security")]] void verifyPhone(const std::string& phone); // $ diag="no rule of the policy names the sink kind"
}  // namespace sec

void attributeSources(const acct::Account& account) {
  ads::matchAudience(account.primary.recoveryPhone);  // $ finding=security-to-advertising
  ads::matchAudience(account.primary.loginIp);  // $ finding=security-to-advertising
  ads::matchAudience(account.primary.utmSource);  // clean: analytics
  ads::matchAudience(account.primary.username);  // clean: no purpose
  ads::matchAudience(account.backup.username);  // $ finding=security-to-advertising
  ads::matchAudience(account.totpSeed);  // $ finding=security-to-advertising
  ads::matchAudience(account.plan);  // clean: no purpose
}

void attributeSinks(const acct::Account& account, ads::Pixel& pixel, ads::Partner& partner) {
  pixel.fire("login", account.primary.recoveryPhone);  // $ finding=security-to-advertising
  pixel.fire(account.totpSeed, "seed");  // $ finding=security-to-advertising
  pixel.fire("plan", account.plan);  // clean: no purpose
  partner.share(account.primary.recoveryPhone, "q3");  // $ finding=security-to-advertising
  partner.share(account.plan, account.primary.recoveryPhone);  // clean: `note` is not a sink parameter
  // Two sources reach this argument, the annotated `backup` and its annotated
  // field, so there are two findings (each finding names one source).
  mkt::enrol(account.backup.recoveryPhone);  // $ finding=security-to-advertising finding=security-to-advertising
  mkt::enrol(account.primary.utmSource);  // clean: analytics into marketing
  sec::verifyPhone(account.primary.recoveryPhone);  // clean: security into security
}

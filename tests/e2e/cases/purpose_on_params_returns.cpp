// Purposes on parameters and on function results ([[pii::...]] spelling, with
// one macro for comparison): a function with a body, one declared only, and a
// virtual function whose purpose applies to its overrides. In this file the
// User fields carry no purpose: only the annotated functions and parameters do.
#include <pii/annotations.h>

#include <string>

namespace acct {

struct User {
  std::string phone;
  std::string nickname;
  int id = 0;
};

[[pii::purpose("security")]] std::string twoFactorPhone(const User& u) { return u.phone; }
[[pii::purpose("security")]] std::string recoveryEmail(int userId);
PII_PURPOSE("security") long long phoneNumber(int userId);
std::string displayName(const User& u);

class Directory {
 public:
  virtual ~Directory();
  [[pii::purpose("security")]] virtual std::string backupPhone(int userId) const;
  virtual std::string nickname(int userId) const;
};

class LdapDirectory : public Directory {
 public:
  std::string backupPhone(int userId) const override;
  std::string nickname(int userId) const override;
};

}  // namespace acct

namespace ads {
PII_SINK("advertising") void upload(const std::string& key);
PII_SINK("advertising") void uploadNumber(long long value);
}  // namespace ads

void fromReturnValues(const acct::User& u, const acct::LdapDirectory& ldap, const acct::Directory& dir) {
  ads::upload(acct::twoFactorPhone(u));  // $ finding=security-to-advertising
  std::string email = acct::recoveryEmail(u.id);  // $ note=""
  ads::upload(email);  // $ finding=security-to-advertising
  ads::uploadNumber(acct::phoneNumber(u.id) / 1000);  // $ finding=security-to-advertising
  ads::upload(dir.backupPhone(u.id));  // $ finding=security-to-advertising
  ads::upload(ldap.backupPhone(u.id));  // $ finding=security-to-advertising
  ads::upload(ldap.nickname(u.id));  // clean: no purpose on nickname()
  ads::upload(acct::displayName(u));  // clean: no purpose on displayName()
  ads::upload(u.phone);  // clean: the field itself carries no purpose in this program
}

void onLogin([[pii::purpose("security")]] const std::string& phone, const std::string& campaign) {
  ads::upload(phone);  // $ finding=security-to-advertising
  std::string key = campaign + ":" + phone;
  ads::upload(key);  // $ finding=security-to-advertising
  ads::upload(campaign);  // clean: parameter without a purpose
}

void onSignup(PII_PURPOSE("security") long long phoneNumber, int age) {
  ads::uploadNumber(phoneNumber / 1000);  // $ finding=security-to-advertising
  ads::uploadNumber(age);  // clean: parameter without a purpose
}

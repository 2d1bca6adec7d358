// Arithmetic on purpose-carrying integers, compound assignment, casts, and the
// conditional operator: both arms carry their purposes, a purpose that is only
// in the condition is not a flow.
#include <pii/annotations.h>

#include <string>

namespace acct {

struct User {
  PII_PURPOSE("security") long long phoneNumber = 0;
  PII_PURPOSE("security") std::string phone;
  std::string nickname;
  int loyaltyPoints = 0;
  bool premium = false;
};

}  // namespace acct

namespace ads {
PII_SINK("advertising") void upload(const std::string& key);
PII_SINK("advertising") void uploadNumber(long long value);
PII_SINK("advertising") void bid(double cents);
}  // namespace ads

void arithmetic(const acct::User& u) {
  ads::uploadNumber(u.phoneNumber % 10000);  // $ finding=security-to-advertising
  long long areaCode = u.phoneNumber / 10000000;  // $ note=""
  ads::uploadNumber(areaCode);  // $ finding=security-to-advertising
  ads::uploadNumber(areaCode * 31 + 7);  // $ finding=security-to-advertising
  ads::uploadNumber(-u.phoneNumber);  // $ finding=security-to-advertising
  ads::uploadNumber(u.phoneNumber ^ 0x5bd1e995LL);  // $ finding=security-to-advertising
  int bucket = static_cast<int>(u.phoneNumber & 0xff);
  ads::uploadNumber(bucket);  // $ finding=security-to-advertising
  ads::bid(u.phoneNumber * 0.5);  // $ finding=security-to-advertising
  ads::uploadNumber(u.loyaltyPoints * 2 + 1);  // clean: no purpose
  ads::bid(static_cast<double>(u.loyaltyPoints) / 3);  // clean: no purpose
}

void compoundAssignment(const acct::User& u) {
  long long hash = 17;
  hash = hash * 31 + u.loyaltyPoints;
  ads::uploadNumber(hash);  // clean: nothing with a purpose mixed in yet
  hash += u.phoneNumber;
  ads::uploadNumber(hash);  // $ finding=security-to-advertising
  long long mixed = 5;
  mixed ^= u.phoneNumber;
  mixed <<= 2;
  ads::uploadNumber(mixed);  // $ finding=security-to-advertising
  long long incremented = u.phoneNumber;
  incremented++;
  ads::uploadNumber(incremented);  // $ finding=security-to-advertising
  long long score = u.loyaltyPoints;
  score *= 3;
  score -= 1;
  ads::uploadNumber(score);  // clean: no purpose
}

void conditional(const acct::User& u, bool preferPhone) {
  ads::upload(preferPhone ? u.phone : u.nickname);  // $ finding=security-to-advertising
  ads::upload(preferPhone ? u.nickname : u.phone);  // $ finding=security-to-advertising
  std::string key = u.premium ? u.phone : "basic";
  ads::upload(key);  // $ finding=security-to-advertising
  ads::uploadNumber(preferPhone ? u.loyaltyPoints : u.phoneNumber);  // $ finding=security-to-advertising
  ads::upload(u.phone.empty() ? "no-phone" : "has-phone");  // clean: the purpose is only in the condition
  std::string tier = u.phoneNumber > 0 ? "verified" : "unverified";
  ads::upload(tier);  // clean: the purpose is only in the condition
  ads::uploadNumber(u.phoneNumber % 2 == 0 ? u.loyaltyPoints : 0);  // clean: only in the condition
  ads::upload(u.premium ? u.nickname : "basic");  // clean: no purpose anywhere
}

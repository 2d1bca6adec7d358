// Control dependence alone is not a flow: branches, early returns, switches and
// loops that merely test a purpose value leave the data they guard clean. A
// value computed from the purpose value (a bool, a size) is a flow.
#include <pii/annotations.h>

#include <cstddef>
#include <string>

namespace acct {

struct User {
  PII_PURPOSE("security") std::string phone;
  PII_PURPOSE("security") long long phoneNumber = 0;
  std::string nickname;
};

}  // namespace acct

namespace ads {
PII_SINK("advertising") void show(const std::string& creative);
PII_SINK("advertising") void reportBucket(int bucket);
PII_SINK("advertising") void reportFlag(bool flag);
PII_SINK("advertising") void reportIndex(std::size_t index);
}  // namespace ads

void branches(const acct::User& u, const std::string& campaign) {
  if (u.phone.empty())
    ads::show(campaign);  // clean: only the decision depends on the phone
  if (!u.phone.empty()) {
    ads::show(campaign);  // clean: only the decision depends on the phone
    ads::show(u.phone);  // $ finding=security-to-advertising
  }
  if (u.phoneNumber % 2 == 0)
    ads::show("even");  // clean: a literal
}

void earlyReturn(const acct::User& u, const std::string& campaign) {
  if (u.phone.size() < 10)
    return;
  ads::show(campaign);  // clean: reached only for long numbers, but carries none of them
}

void implicitFlows(const acct::User& u) {
  int bucket;
  if (u.phoneNumber > 5000000000LL)
    bucket = 1;
  else
    bucket = 2;
  ads::reportBucket(bucket);  // clean: implicit flow only
  std::string region;
  switch (u.phoneNumber % 3) {
    case 0:
      region = "north";
      break;
    default:
      region = "south";
      break;
  }
  ads::show(region);  // clean: implicit flow only
  bool hasPhone = !u.phone.empty();
  ads::reportFlag(hasPhone);  // $ finding=security-to-advertising
  ads::reportIndex(u.phone.size());  // $ finding=security-to-advertising
}

void boundedLoops(const acct::User& u) {
  for (std::size_t i = 0; i < u.phone.size(); ++i)
    ads::reportIndex(i);  // clean: the loop is bounded by the phone, i is not computed from it
  std::string stars;
  while (stars.size() < u.phone.size())
    stars += '*';
  ads::show(stars);  // clean: as many stars as digits, but no digit
  int sevens = 0;
  for (char c : u.phone)
    if (c == '7')
      ++sevens;
  ads::reportBucket(sevens);  // clean: counted under control of the phone only
}

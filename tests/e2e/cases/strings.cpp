// std::string operations carry purposes: `+`, `+=`, append, push_back,
// substr, operator[], c_str, data, iterators, std::string_view, ostringstream
// `<<` then .str(), std::to_string, and snprintf into a char buffer.
#include <pii/annotations.h>

#include <cstdio>
#include <sstream>
#include <string>
#include <string_view>

namespace acct {

struct User {
  PII_PURPOSE("security") std::string phone;
  PII_PURPOSE("security") long long phoneNumber = 0;
  std::string firstName;
  int age = 0;
};

}  // namespace acct

namespace ads {
PII_SINK("advertising") void upload(const std::string& key);
PII_SINK("advertising") void uploadRaw(const char* key);
PII_SINK("advertising") void uploadView(std::string_view key);
}  // namespace ads

void concatenation(const acct::User& u, const std::string& campaign) {
  ads::upload("tel:" + u.phone);  // $ finding=security-to-advertising
  ads::upload(u.phone + "@" + campaign);  // $ finding=security-to-advertising
  std::string key = campaign + "/" + u.phone;  // $ note="'key'"
  ads::upload(key);  // $ finding=security-to-advertising
  ads::upload("hello " + u.firstName + campaign);  // clean: no purpose
}

void appending(const acct::User& u) {
  std::string plusEquals = "k:";
  plusEquals += u.phone;
  ads::upload(plusEquals);  // $ finding=security-to-advertising
  std::string appended = "k:";
  appended.append(u.phone, 0, 6);
  ads::upload(appended);  // $ finding=security-to-advertising
  std::string firstDigit;
  firstDigit.push_back(u.phone[0]);
  ads::upload(firstDigit);  // $ finding=security-to-advertising
  std::string greeting = "hi ";
  greeting.append(u.firstName);
  ads::upload(greeting);  // clean: no purpose
}

void slicing(const acct::User& u) {
  ads::upload(u.phone.substr(u.phone.size() - 4));  // $ finding=security-to-advertising
  std::string prefix = u.phone.substr(0, 3);
  ads::upload(prefix);  // $ finding=security-to-advertising
  ads::uploadRaw(u.phone.c_str());  // $ finding=security-to-advertising
  ads::uploadRaw(u.phone.data());  // $ finding=security-to-advertising
  std::string rebuilt(u.phone.begin(), u.phone.end());
  ads::upload(rebuilt);  // $ finding=security-to-advertising
  ads::uploadRaw(u.firstName.c_str());  // clean: no purpose
}

void views(const acct::User& u) {
  std::string_view view = u.phone;
  ads::uploadView(view);  // $ finding=security-to-advertising
  ads::uploadView(std::string_view(u.phone).substr(1));  // $ finding=security-to-advertising
  std::string_view name = u.firstName;
  ads::uploadView(name);  // clean: no purpose
}

void streams(const acct::User& u) {
  std::ostringstream chained;
  chained << "tel:" << u.phone << ";v=1";
  ads::upload(chained.str());  // $ finding=security-to-advertising
  std::ostringstream single;
  single << u.phoneNumber;
  std::string number = single.str();
  ads::upload(number);  // $ finding=security-to-advertising
  std::ostringstream greeting;
  greeting << "Hi " << u.firstName << ", age " << u.age;
  ads::upload(greeting.str());  // clean: no purpose
}

void formatting(const acct::User& u) {
  ads::upload(std::to_string(u.phoneNumber));  // $ finding=security-to-advertising
  std::string lastDigits = std::to_string(u.phoneNumber % 10000);
  ads::upload(lastDigits);  // $ finding=security-to-advertising
  ads::upload(std::to_string(u.age));  // clean: no purpose
  char formatted[64];
  std::snprintf(formatted, sizeof formatted, "tel:%s", u.phone.c_str());
  ads::uploadRaw(formatted);  // $ finding=security-to-advertising
  char digits[32];
  std::snprintf(digits, sizeof digits, "%lld", u.phoneNumber);
  ads::upload(digits);  // $ finding=security-to-advertising
  char ageText[32];
  std::snprintf(ageText, sizeof ageText, "age %d", u.age);
  ads::uploadRaw(ageText);  // clean: formatted from data without a purpose
}

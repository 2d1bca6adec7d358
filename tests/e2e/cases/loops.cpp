// Loops: range-for over a string and over containers, while-loop accumulation,
// and a purpose that reaches the sink only on a later iteration (the analysis
// must iterate to a fixed point, not look at the loop body once).
#include <pii/annotations.h>

#include <cstddef>
#include <string>
#include <vector>

namespace acct {

struct User {
  PII_PURPOSE("security") std::string phone;
  PII_PURPOSE("security") long long phoneNumber = 0;
  std::string nickname;
};

}  // namespace acct

namespace ads {
PII_SINK("advertising") void upload(const std::string& key);
PII_SINK("advertising") void uploadNumber(long long value);
}  // namespace ads

void rangeFor(const acct::User& u) {
  std::string digits;
  for (char c : u.phone)
    if (c >= '0' && c <= '9')
      digits += c;
  ads::upload(digits);  // $ finding=security-to-advertising
  std::vector<char> chars(u.phone.begin(), u.phone.end());
  std::string rebuilt;
  for (char c : chars)
    rebuilt.push_back(c);
  ads::upload(rebuilt);  // $ finding=security-to-advertising
  std::vector<std::string> keys = {u.nickname, u.phone};
  for (const std::string& key : keys)
    ads::upload(key);  // $ finding=security-to-advertising
  std::vector<std::string> names = {u.nickname, "guest"};
  for (const std::string& name : names)
    ads::upload(name);  // clean: no purpose in the container
  std::string masked;
  for (char c : u.phone)
    masked += c == '+' ? '+' : '*';
  ads::upload(masked);  // clean: the digit is only in the condition
}

void whileLoops(const acct::User& u) {
  std::string everyOther;
  std::size_t i = 0;
  while (i < u.phone.size()) {
    everyOther += u.phone[i];
    i += 2;
  }
  ads::upload(everyOther);  // $ finding=security-to-advertising
  long long hash = 0;
  long long rest = u.phoneNumber;
  while (rest > 0) {
    hash = hash * 31 + rest % 10;
    rest /= 10;
  }
  ads::uploadNumber(hash);  // $ finding=security-to-advertising
  int digitCount = 0;
  long long remaining = u.phoneNumber;
  while (remaining > 0) {
    remaining /= 10;
    ++digitCount;
  }
  ads::uploadNumber(digitCount);  // clean: only counted under control of the number
}

void laterIterations(const acct::User& u, int rounds) {
  std::string previous = "none";
  std::string current = u.nickname;
  for (int i = 0; i < rounds; ++i) {
    ads::upload(previous);  // $ finding=security-to-advertising
    previous = current;
    current = u.phone;
  }
  std::string last = "none";
  for (int i = 0; i < rounds; ++i) {
    ads::upload(last);  // clean: only ever holds the nickname or a literal
    last = u.nickname;
  }
  std::string key = "initial";
  for (int i = 0; i < rounds; ++i) {
    if (i == 2)
      key = u.phone;
  }
  ads::upload(key);  // $ finding=security-to-advertising
}

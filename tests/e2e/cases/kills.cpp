// Reassigning a local with clean data removes its purposes from that point on;
// a reassignment on only some paths (one branch, a loop body that may not run)
// does not; overwriting one variable leaves the others alone.
#include <pii/annotations.h>

#include <string>

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

void reassignment(const acct::User& u) {
  std::string key = u.phone;
  ads::upload(key);  // $ finding=security-to-advertising
  key = "anonymous";
  ads::upload(key);  // clean: reassigned with a literal
  key = u.phone + "#2";
  ads::upload(key);  // $ finding=security-to-advertising
  key = u.nickname;
  ads::upload(key);  // clean: reassigned with data without a purpose
  key = u.phone;
  key = std::string();
  ads::upload(key);  // clean: reassigned with an empty string
  long long number = u.phoneNumber;
  number = 0;
  ads::uploadNumber(number);  // clean: reassigned with a constant
  long long derived = u.phoneNumber;
  derived = derived + 1;
  ads::uploadNumber(derived);  // $ finding=security-to-advertising
}

void independentVariables(const acct::User& u) {
  std::string first = u.phone;
  std::string second = first;
  first = "reset";
  ads::upload(first);  // clean: overwritten
  ads::upload(second);  // $ finding=security-to-advertising
}

void branches(const acct::User& u, bool anonymise) {
  std::string oneBranch = u.phone;
  if (anonymise)
    oneBranch = "anon";
  ads::upload(oneBranch);  // $ finding=security-to-advertising
  std::string bothBranches = u.phone;
  if (anonymise)
    bothBranches = "anon";
  else
    bothBranches = u.nickname;
  ads::upload(bothBranches);  // clean: every path reassigns it
  std::string lateTaint = u.nickname;
  if (anonymise)
    lateTaint = u.phone;
  ads::upload(lateTaint);  // $ finding=security-to-advertising
  std::string cleanedInBranch = u.phone;
  if (anonymise) {
    cleanedInBranch = "anon";
    ads::upload(cleanedInBranch);  // clean: reassigned on this path
  }
}

void loops(const acct::User& u, int rounds) {
  std::string key = u.phone;
  for (int i = 0; i < rounds; ++i)
    key = "round-" + std::to_string(i);
  ads::upload(key);  // $ finding=security-to-advertising
  std::string cleared = u.phone;
  do {
    cleared = "x";
  } while (--rounds > 0);
  ads::upload(cleared);  // clean: the do-while body runs at least once
  for (int i = 0; i < rounds; ++i) {
    std::string tag = u.phone;
    tag = "t" + std::to_string(i);
    ads::upload(tag);  // clean: reassigned before the sink in every iteration
  }
}

// An annotated local or parameter holds a value with that purpose; a clean
// assignment replaces the value, and its purpose with it.
std::string loadOtp();

void annotatedLocalReassigned() {
  PII_PURPOSE("security") std::string otp = loadOtp();
  ads::upload(otp);  // $ finding=security-to-advertising
  otp = "redacted";
  ads::upload(otp);  // clean: reassigned
}

void annotatedParameterReassigned(PII_PURPOSE("security") std::string code) {
  ads::upload(code);  // $ finding=security-to-advertising
  code = "n/a";
  ads::upload(code);  // clean: reassigned
}

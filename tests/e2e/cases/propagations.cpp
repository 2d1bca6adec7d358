// The policy's "propagations" model functions whose bodies pii-flow does not
// see (an in-house logging or string library), replacing the opaque-call
// rule for them: which inputs reach which outputs. A function named there
// is modelled even when its body is in the program.
// PII_POLICY: propagations.policy.json
#include <pii/annotations.h>
#include <string>

struct User {
  PII_PURPOSE("security") std::string phone;
};
PII_SINK("advertising") void showAd(const std::string &key);

namespace log {
// A const member function keeps what it is given in a buffer it owns: by
// the opaque-call rule nothing reaches the object.
class Line {
public:
  void add(const std::string &text) const;
  std::string str() const;
};
} // namespace log

namespace util {
// Counts the digits: the count says nothing of the number.
unsigned long digitCount(const std::string &number);
// Writes the digits of its first argument through the pointer it is given
// second; the opaque-call rule never writes through a pointer to const.
void copyDigits(const std::string &from, const std::string *to);

// Its body is here, and says it forgets what it is given; the policy says
// otherwise, and is what holds.
struct Cache {
  void remember(const std::string &) const {}
  std::string recall() const;
};
} // namespace util

void logged(const User &u) {
  log::Line line;
  line.add(u.phone);
  showAd(line.str()); // $ finding=security-to-advertising
}

void counted(const User &u) {
  showAd(std::to_string(util::digitCount(u.phone)));
}

void copied(const User &u) {
  std::string digits;
  util::copyDigits(u.phone, &digits);
  showAd(digits); // $ finding=security-to-advertising
}

void unmodelled(const User &u) {
  // What the policy does not name keeps the opaque-call rule.
  log::Line line;
  showAd(std::to_string(u.phone.size())); // $ finding=security-to-advertising
  showAd(line.str());
}

void modelledOverBody(const User &u) {
  util::Cache cache;
  cache.remember(u.phone);
  showAd(cache.recall()); // $ finding=security-to-advertising
}

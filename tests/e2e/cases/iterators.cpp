// Iterators and inserters refer to their container.
#include <pii/annotations.h>

#include <algorithm>
#include <cctype>
#include <iterator>
#include <string>
#include <vector>

namespace acct {
struct User {
  PII_PURPOSE("security") std::string phone;
  std::string name;
};
}  // namespace acct

namespace ads {
PII_SINK("advertising") void show(const std::string& s);
}

void inserter(const acct::User& u) {
  std::string out;
  std::transform(u.phone.begin(), u.phone.end(), std::back_inserter(out),
                 ::tolower);
  ads::show(out);  // $ finding=security-to-advertising
  std::string other;
  std::copy(u.name.begin(), u.name.end(), std::back_inserter(other));
  ads::show(other);  // clean: copied from the name
}

void writeThroughIterator(const acct::User& u) {
  std::vector<std::string> keys(1);
  auto it = keys.begin();
  *it = u.phone;
  ads::show(keys.front());  // $ finding=security-to-advertising
}

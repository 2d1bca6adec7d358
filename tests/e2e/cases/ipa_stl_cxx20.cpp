// std::span (C++20) over containers filled in other functions: a view carries
// the purposes of what it views, through subspans, indexing and iteration.
// PII_ARGS: -std=c++20
#include <pii/annotations.h>

#include <array>
#include <cstddef>
#include <span>
#include <string>
#include <vector>

namespace acct {

struct User {
  PII_PURPOSE("security") std::string phone;
  std::string name;
};

}  // namespace acct

namespace ads {
PII_SINK("advertising") void upload(const std::string& key);
}  // namespace ads

namespace util {

std::vector<std::string> phonesOf(std::span<const acct::User> users) {
  std::vector<std::string> out;
  for (const auto& u : users) out.push_back(u.phone);
  return out;
}

std::string firstOf(std::span<const std::string> keys) { return keys.empty() ? std::string() : keys[0]; }

std::string joinTail(std::span<const std::string> keys) {
  std::string all;
  for (const std::string& k : keys.subspan(1)) all += k;
  return all;
}

void uploadAll(std::span<const std::string> keys) {
  for (std::size_t i = 0; i < keys.size(); ++i) ads::upload(keys[i]);  // $ finding=security-to-advertising
}

}  // namespace util

void spans(const acct::User& u, const std::vector<acct::User>& users) {
  std::vector<std::string> phones = util::phonesOf(users);
  std::span<const std::string> view(phones);
  ads::upload(view.front());  // $ finding=security-to-advertising
  ads::upload(util::firstOf(phones));  // $ finding=security-to-advertising
  ads::upload(util::joinTail(view));  // $ finding=security-to-advertising
  for (const std::string& p : view.first(1)) ads::upload(p);  // $ finding=security-to-advertising
  util::uploadAll(phones);

  std::array<std::string, 2> fixed{"+1", u.phone};
  std::span<std::string, 2> fixedView(fixed);
  ads::upload(fixedView[1]);  // $ finding=security-to-advertising

  std::array<std::string, 2> guests{"guest", u.name};
  std::span<const std::string> guestView(guests);
  ads::upload(util::firstOf(guestView));  // clean: only literals and the name
  ads::upload(util::joinTail(guestView));  // clean: only literals and the name
  for (const std::string& g : guestView) ads::upload(g);  // clean: only literals and the name
}

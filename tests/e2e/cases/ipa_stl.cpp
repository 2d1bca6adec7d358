// Standard library containers, algorithms and utilities, filled and read in
// different functions. A container holding a purpose value carries the purpose
// to what is read back from it (element, iterator, range-for, find); a
// container that only ever holds clean data stays clean.
#include <pii/annotations.h>

#include <algorithm>
#include <array>
#include <deque>
#include <iterator>
#include <list>
#include <map>
#include <memory>
#include <numeric>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <variant>
#include <vector>

namespace acct {

struct User {
  PII_PURPOSE("security") std::string phone;
  std::string name;
  int id = 0;
};

struct Contact {
  std::string number;
  std::string label;
};

}  // namespace acct

namespace ads {
PII_SINK("advertising") void upload(const std::string& key);
}  // namespace ads

namespace util {

std::string normalize(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c != ' ') out += c;
  }
  return out;
}

std::string hashKey(const std::string& s) { return "h" + std::to_string(std::hash<std::string>{}(s)); }

std::vector<std::string> collectPhones(const std::vector<acct::User>& users) {
  std::vector<std::string> out;
  for (const auto& u : users) out.push_back(u.phone);
  return out;
}

std::vector<std::string> collectNames(const std::vector<acct::User>& users) {
  std::vector<std::string> out;
  for (const auto& u : users) out.push_back(u.name);
  return out;
}

std::optional<std::string> maybePhone(const acct::User& u) {
  if (u.phone.empty()) return std::nullopt;
  return u.phone;
}

std::string_view areaCode(std::string_view number) { return number.substr(0, 3); }

template <typename T>
std::string relay(T&& value) {
  return std::string(std::forward<T>(value));
}

template <typename T>
void forwardToSink(T&& value) {
  ads::upload(std::forward<T>(value));  // $ finding=security-to-advertising
}

}  // namespace util

void sequences(const acct::User& u, const std::vector<acct::User>& users) {
  std::vector<std::string> keys;
  keys.push_back(u.phone);
  ads::upload(keys[0]);  // $ finding=security-to-advertising
  ads::upload(keys.at(0));  // $ finding=security-to-advertising
  for (const auto& k : keys) ads::upload(k);  // $ finding=security-to-advertising
  std::vector<std::string> phones = util::collectPhones(users);
  ads::upload(phones.back());  // $ finding=security-to-advertising
  std::vector<std::string> names = util::collectNames(users);
  ads::upload(names.front());  // clean: only the users' names were collected
  std::vector<std::string> guests{u.name, "guest"};
  for (const auto& g : guests) ads::upload(g);  // clean: no purpose

  std::deque<std::string> queue;
  queue.emplace_back(u.phone);
  queue.emplace_front("first");
  ads::upload(queue.back());  // $ finding=security-to-advertising
  std::list<std::string> history;
  history.push_front(util::normalize(u.phone));
  for (auto it = history.begin(); it != history.end(); ++it) ads::upload(*it);  // $ finding=security-to-advertising
  std::array<std::string, 2> pair{u.phone, "x"};
  ads::upload(pair[0]);  // $ finding=security-to-advertising
  std::array<std::string, 2> labels{"home", "work"};
  ads::upload(labels[1]);  // clean: only literals
}

void associative(const acct::User& u) {
  std::map<int, std::string> byId;
  byId[u.id] = u.phone;
  ads::upload(byId[u.id]);  // $ finding=security-to-advertising
  ads::upload(byId.at(u.id));  // $ finding=security-to-advertising
  auto it = byId.find(u.id);
  if (it != byId.end()) ads::upload(it->second);  // $ finding=security-to-advertising
  for (const auto& [id, phone] : byId) ads::upload(phone);  // $ finding=security-to-advertising
  std::map<std::string, int> counts;
  counts[u.phone] = 1;
  for (const auto& kv : counts) ads::upload(kv.first);  // $ finding=security-to-advertising

  std::unordered_map<std::string, std::string> index;
  index.insert({"primary", u.phone});
  ads::upload(index.find("primary")->second);  // $ finding=security-to-advertising
  std::unordered_map<int, std::string> nicknames;
  nicknames.emplace(1, u.name);
  nicknames[2] = "guest";
  ads::upload(nicknames[1]);  // clean: only names and literals

  std::set<std::string> audience;
  audience.insert(util::hashKey(u.phone));
  ads::upload(*audience.begin());  // $ finding=security-to-advertising
  std::set<std::string> tags{"new", "vip"};
  ads::upload(*tags.begin());  // clean: only literals
}

void vocabularyTypes(const acct::User& u) {
  std::optional<std::string> p = util::maybePhone(u);
  if (p) ads::upload(*p);  // $ finding=security-to-advertising
  ads::upload(p.value_or("none"));  // $ finding=security-to-advertising
  std::optional<std::string> none;
  ads::upload(none.value_or("none"));  // clean: empty, and the default is a literal

  std::variant<std::string, int> v = u.phone;
  ads::upload(std::get<std::string>(v));  // $ finding=security-to-advertising
  std::visit(
      [](const auto& x) {
        if constexpr (std::is_same_v<std::decay_t<decltype(x)>, std::string>)
          ads::upload(x);  // $ finding=security-to-advertising
      },
      v);
  std::variant<std::string, int> w = u.name;
  ads::upload(std::get<std::string>(w));  // clean: the name

  auto pr = std::make_pair(u.phone, 1);
  ads::upload(pr.first);  // $ finding=security-to-advertising
  auto named = std::make_pair(u.name, u.phone);
  ads::upload(std::get<0>(named));  // clean: the name
  ads::upload(std::get<1>(named));  // $ finding=security-to-advertising
  std::pair<std::string, std::string> built(u.phone, u.name);
  ads::upload(built.second);  // clean: the name
  auto t = std::make_tuple(u.id, util::normalize(u.phone));
  ads::upload(std::get<1>(t));  // $ finding=security-to-advertising
  std::string a, b;
  std::tie(a, b) = std::make_tuple(u.name, "x");
  ads::upload(a);  // clean: the name

  std::string_view view = u.phone;
  ads::upload(std::string(util::areaCode(view)));  // $ finding=security-to-advertising
  ads::upload(std::string(util::areaCode(u.name)));  // clean: the name
}

void algorithms(const acct::User& u, const std::vector<acct::User>& users) {
  std::vector<std::string> phones = util::collectPhones(users);
  std::vector<std::string> copied;
  std::copy(phones.begin(), phones.end(), std::back_inserter(copied));
  ads::upload(copied[0]);  // $ finding=security-to-advertising
  std::vector<std::string> hashed;
  std::transform(phones.begin(), phones.end(), std::back_inserter(hashed), util::hashKey);
  ads::upload(hashed[0]);  // $ finding=security-to-advertising
  std::string joined = std::accumulate(phones.begin(), phones.end(), std::string());
  ads::upload(joined);  // $ finding=security-to-advertising
  std::for_each(phones.begin(), phones.end(), [](const std::string& k) { ads::upload(k); });  // $ finding=security-to-advertising

  std::vector<std::string> names{u.name, "guest"};
  std::vector<std::string> upper;
  std::transform(names.begin(), names.end(), std::back_inserter(upper), util::normalize);
  ads::upload(upper[0]);  // clean: only names
  std::string allNames = std::accumulate(names.begin(), names.end(), std::string(u.name));
  ads::upload(allNames);  // clean: only names
  std::for_each(names.begin(), names.end(), [](const std::string& n) { ads::upload(n); });  // clean: only names
}

void movesAndForwarding(const acct::User& u) {
  std::string tmp = u.phone;
  std::vector<std::string> v;
  v.push_back(std::move(tmp));
  ads::upload(v.back());  // $ finding=security-to-advertising
  ads::upload(util::relay(u.phone));  // $ finding=security-to-advertising
  ads::upload(util::relay(u.name));  // clean: the same template, with the name
  util::forwardToSink(std::string(u.phone));
}

void smartPointers(const acct::User& u) {
  auto up = std::make_unique<std::string>(u.phone);
  ads::upload(*up);  // $ finding=security-to-advertising
  auto sp = std::make_shared<acct::Contact>();
  sp->number = u.phone;
  sp->label = "mobile";
  ads::upload(sp->number);  // $ finding=security-to-advertising
  ads::upload(sp->label);  // clean: "mobile"
  std::shared_ptr<acct::Contact> alias = sp;
  ads::upload(alias.get()->number);  // $ finding=security-to-advertising
  ads::upload((*alias).number);  // $ finding=security-to-advertising
  auto guest = std::make_unique<std::string>("guest");
  ads::upload(*guest);  // clean: a literal
}

// Globals and statics connect functions that never call each other: a value
// stored by one function is read back by another (which may come first in the
// file). Namespace-scope globals, file statics, function-local statics, a
// singleton, static data members, and a global pointer; globals that only ever
// hold clean data stay clean.
#include <pii/annotations.h>

#include <string>
#include <vector>

namespace acct {

struct User {
  PII_PURPOSE("security") std::string phone;
  std::string name;
};

std::string g_lastPhone;
std::string g_lastName;
std::string g_campaign = "spring";
PII_PURPOSE("security") std::string g_supportPhone = "+15550100";
std::string g_supportCopy = g_supportPhone;
const std::string* g_current = nullptr;
std::vector<std::string> g_outbox;

class Registry {
 public:
  static Registry& instance() {
    static Registry registry;
    return registry;
  }
  void setPhone(const std::string& p) { phone_ = p; }
  void setRegion(const std::string& r) { region_ = r; }
  std::string phone() const { return phone_; }
  std::string region() const { return region_; }

 private:
  Registry() = default;
  std::string phone_;
  std::string region_;
};

struct Session {
  static std::string s_current;
  static std::string s_locale;
};
std::string Session::s_current;
std::string Session::s_locale = "en";

}  // namespace acct

namespace ads {
PII_SINK("advertising") void upload(const std::string& key);
}  // namespace ads

namespace {
std::string s_pending;  // file-static
std::string s_banner = "welcome";
}  // namespace

namespace util {

std::string& lastKey() {
  static std::string key;
  return key;
}
std::string& lastLabel() {
  static std::string label;
  return label;
}
const std::string& cachedPhone(const acct::User& u) {
  static std::string cache = u.phone;
  return cache;
}
const std::string& cachedGreeting() {
  static std::string greeting = "hello";
  return greeting;
}

}  // namespace util

// The readers come first: the writers below still reach them.
void flushAudience() {
  ads::upload(acct::g_lastPhone);  // $ finding=security-to-advertising
  ads::upload(acct::g_lastName);  // clean: only ever holds names
  ads::upload(acct::g_campaign);  // clean: only ever holds clean data
  ads::upload(s_pending);  // $ finding=security-to-advertising
  ads::upload(s_banner);  // clean: a literal
  ads::upload(util::lastKey());  // $ finding=security-to-advertising
  ads::upload(util::lastLabel());  // clean: only literals are stored
  if (acct::g_current) ads::upload(*acct::g_current);  // $ finding=security-to-advertising
  for (const auto& m : acct::g_outbox) ads::upload(m);  // $ finding=security-to-advertising
}

void flushRegistry() {
  ads::upload(acct::Registry::instance().phone());  // $ finding=security-to-advertising
  ads::upload(acct::Registry::instance().region());  // clean: only "eu"
  ads::upload(acct::Session::s_current);  // $ finding=security-to-advertising
  ads::upload(acct::Session::s_locale);  // clean: only literals
}

void remember(const acct::User& u) {
  acct::g_lastPhone = u.phone;
  acct::g_lastName = u.name;
  acct::g_campaign = "summer-" + u.name;
  s_pending = "p:" + u.phone;
  util::lastKey() = u.phone;
  util::lastLabel() = "home";
  acct::g_current = &u.phone;
  acct::g_outbox.push_back(u.phone);
}

void registerUser(const acct::User& u) {
  acct::Registry::instance().setPhone(u.phone);
  acct::Registry::instance().setRegion("eu");
  acct::Session::s_current = u.phone;
  acct::Session::s_locale = "fr";
}

void staticsAndInitialisers(const acct::User& u) {
  ads::upload(util::cachedPhone(u));  // $ finding=security-to-advertising
  ads::upload(util::cachedGreeting());  // clean: a literal
  ads::upload(acct::g_supportCopy);  // $ finding=security-to-advertising
}

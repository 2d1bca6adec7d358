// Indirect calls: virtual dispatch (a call through a base reaches every
// override), lambdas and their captures, std::function, function pointers with
// known targets, callbacks passed as parameters, and templates analyzed per
// instantiation.
#include <pii/annotations.h>

#include <algorithm>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace acct {

struct User {
  PII_PURPOSE("security") std::string phone;
  std::string name;
  int id = 0;
};

class Directory {
 public:
  virtual ~Directory() = default;
  PII_PURPOSE("security") virtual std::string recoveryPhone(int id) const = 0;
  virtual std::string displayName(int id) const = 0;
};

class DbDirectory : public Directory {
 public:
  std::string recoveryPhone(int id) const override { return "+1555" + std::to_string(id); }
  std::string displayName(int id) const override { return "user" + std::to_string(id); }
};

// Identifiers for the template tests: one holds the phone, one a handle.
struct SecureId {
  PII_PURPOSE("security") std::string phone;
  std::string key() const { return phone; }
};
struct PublicId {
  std::string handle;
  std::string key() const { return handle; }
};

}  // namespace acct

namespace ads {

PII_SINK("advertising") void upload(const std::string& key);

class Tracker {
 public:
  virtual ~Tracker() = default;
  PII_SINK("advertising") virtual void track(const std::string& event);
};

class PixelTracker : public Tracker {
 public:
  void track(const std::string& event) override { last_ = event; }

 private:
  std::string last_;
};

}  // namespace ads

namespace util {

void logLocal(const std::string& line);
std::string tagged(const std::string& s) { return "t:" + s; }
std::string redact(const std::string& s) {
  (void)s;
  return "<redacted>";
}

}  // namespace util

namespace mail {

class Channel {
 public:
  virtual ~Channel() = default;
  virtual void deliver(const std::string& to) = 0;
  virtual void greet(const std::string& name) = 0;
};

class AdChannel : public Channel {
 public:
  void deliver(const std::string& to) override {
    ads::upload("ch:" + to);  // $ finding=security-to-advertising
  }
  void greet(const std::string& name) override {
    ads::upload(name);  // clean: greet() is only ever called with names
  }
};

class LogChannel : public Channel {
 public:
  void deliver(const std::string& to) override { util::logLocal(to); }
  void greet(const std::string& name) override { util::logLocal(name); }
};

void notify(Channel& channel, const acct::User& u) {
  channel.deliver(u.phone);
  channel.greet(u.name);
}

}  // namespace mail

void virtualCalls(const acct::User& u, const acct::Directory& dir) {
  ads::PixelTracker pixel;
  pixel.track(u.phone);  // $ finding=security-to-advertising
  ads::Tracker& base = pixel;
  base.track(u.name);  // clean: no purpose

  acct::DbDirectory db;
  ads::upload(db.recoveryPhone(u.id));  // $ finding=security-to-advertising
  ads::upload(dir.recoveryPhone(u.id));  // $ finding=security-to-advertising
  ads::upload(db.displayName(u.id));  // clean: no purpose on displayName()
}

void lambdas(const acct::User& u) {
  std::string phone = u.phone;
  auto byRef = [&phone] { return "k:" + phone; };
  ads::upload(byRef());  // $ finding=security-to-advertising
  auto byValue = [phone] { return phone; };
  ads::upload(byValue());  // $ finding=security-to-advertising
  auto named = [&u] { return u.name; };
  ads::upload(named());  // clean: returns the name
  auto ignores = [&u] { return std::string(u.phone.empty() ? "none" : "some"); };
  ads::upload(ignores());  // clean: control dependence only

  // A by-reference capture sees later assignments; a by-value capture does not.
  std::string later = "guest";
  auto seesLater = [&later] { return later; };
  later = u.phone;
  ads::upload(seesLater());  // $ finding=security-to-advertising
  std::string copied = "guest";
  auto copiedEarly = [copied] { return copied; };
  copied = u.phone;
  ads::upload(copiedEarly());  // clean: captured before the phone was assigned

  auto send = [](const std::string& s) {
    ads::upload(s);  // $ finding=security-to-advertising
  };
  send(u.phone);
  auto sendName = [](const std::string& s) {
    ads::upload(s);  // clean: only called with the name
  };
  sendName(u.name);

  std::vector<std::string> phones{u.phone};
  std::vector<std::string> names{u.name};
  std::string joined;
  std::for_each(phones.begin(), phones.end(), [&joined](const std::string& p) { joined += p; });
  ads::upload(joined);  // $ finding=security-to-advertising
  std::string joinedNames;
  std::for_each(names.begin(), names.end(), [&joinedNames](const std::string& n) { joinedNames += n; });
  ads::upload(joinedNames);  // clean: only names
}

void functionObjectsAndPointers(const acct::User& u) {
  std::function<std::string(const std::string&)> fmt = util::tagged;
  ads::upload(fmt(u.phone));  // $ finding=security-to-advertising
  ads::upload(fmt(u.name));  // clean: no purpose
  std::function<std::string(const std::string&)> mask = util::redact;
  ads::upload(mask(u.phone));  // clean: the target drops its argument
  std::function<void(const std::string&)> out = &ads::upload;
  out(u.phone);  // $ finding=security-to-advertising
  std::function<void(const std::string&)> viaLambda = [](const std::string& s) {
    ads::upload(s);  // $ finding=security-to-advertising
  };
  viaLambda(u.phone);
  std::function<std::string()> capture = [&u] { return u.phone; };
  ads::upload(capture());  // $ finding=security-to-advertising

  std::string (*fp)(const std::string&) = &util::tagged;
  ads::upload(fp(u.phone));  // $ finding=security-to-advertising
  fp = &util::redact;
  ads::upload(fp(u.phone));  // clean: now points to redact
  void (*sink)(const std::string&) = &ads::upload;
  sink(util::tagged(u.phone));  // $ finding=security-to-advertising
  sink(util::tagged(u.name));  // clean: no purpose
}

namespace util {

void withPhone(const acct::User& u, void (*cb)(const std::string&)) {
  cb(u.phone);  // $ finding=security-to-advertising
}
void withName(const acct::User& u, void (*cb)(const std::string&)) {
  cb(u.name);  // clean: the name
}
void eachPhone(const std::vector<acct::User>& users, const std::function<void(const std::string&)>& cb) {
  for (const auto& u : users) cb(u.phone);
}

}  // namespace util

void callbacks(const acct::User& u, const std::vector<acct::User>& users) {
  util::withPhone(u, &ads::upload);
  util::withPhone(u, &util::logLocal);
  util::withName(u, &ads::upload);
  util::eachPhone(users, [](const std::string& p) {
    ads::upload(p);  // $ finding=security-to-advertising
  });
  util::eachPhone(users, [](const std::string& p) { util::logLocal(p); });
}

namespace util {

template <typename T>
std::string keyOf(const T& id) {
  return "id:" + id.key();
}

template <typename T>
void publishKey(const T& id) {
  ads::upload(id.key());  // $ finding=security-to-advertising
}

template <typename T>
class Box {
 public:
  explicit Box(T value) : value_(std::move(value)) {}
  const T& get() const { return value_; }

 private:
  T value_;
};

}  // namespace util

void templates(const acct::User& u, const acct::SecureId& secure, const acct::PublicId& pub) {
  ads::upload(util::keyOf(secure));  // $ finding=security-to-advertising
  ads::upload(util::keyOf(pub));  // clean: the PublicId instantiation
  util::publishKey(secure);
  util::publishKey(pub);
  util::Box<std::string> phoneBox(u.phone);
  ads::upload(phoneBox.get());  // $ finding=security-to-advertising
  util::Box<std::string> nameBox(u.name);
  ads::upload(nameBox.get());  // clean: another Box<std::string>, holding the name
  util::Box<int> idBox(u.id);
  ads::upload(std::to_string(idBox.get()));  // clean: the id carries no purpose
}

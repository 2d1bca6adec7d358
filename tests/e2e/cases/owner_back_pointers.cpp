// Managers that point back at the service owning them, as production
// services are written (each of tdlib's managers holds td_). The service
// hands itself to the managers it makes, so a value the service holds is
// reachable from each manager, and each manager from the service: every
// way around that cycle is one place, the service's own, and not a place
// of its own per manager passed through. The phone the auth manager keeps
// is found where it is tracked; the name stays clean.
#include <pii/annotations.h>

#include <memory>
#include <string>

struct User {
  PII_PURPOSE("security") std::string phone;
  std::string name;
};

PII_SINK("advertising") void track(const std::string &event);

class Service;

class Manager {
 public:
  explicit Manager(Service *service) : service_(service) {}
  virtual ~Manager() = default;
  virtual std::string summary() = 0;

 protected:
  Service *service_;
};

class AuthManager : public Manager {
 public:
  using Manager::Manager;
  void remember(const std::string &phone) { phone_ = phone; }
  std::string summary() override { return phone_; }

 private:
  std::string phone_;
};

class ProfileManager : public Manager {
 public:
  using Manager::Manager;
  void rename(const std::string &name) { name_ = name; }
  std::string summary() override { return name_; }

 private:
  std::string name_;
};

class Service {
 public:
  // As tdlib's Td::init_managers: the managers get the service itself.
  void start() {
    auth_ = std::make_unique<AuthManager>(this);
    profile_ = std::make_unique<ProfileManager>(this);
  }
  AuthManager &auth() { return *auth_; }
  ProfileManager &profile() { return *profile_; }

 private:
  std::unique_ptr<AuthManager> auth_;
  std::unique_ptr<ProfileManager> profile_;
};

void login(Service &s, const User &u) {
  s.start();
  s.auth().remember(u.phone);
  s.profile().rename(u.name);
  s.start();  // again: the service, holding the phone, goes into its managers
  track(s.auth().summary());  // $ finding=security-to-advertising
  track(s.profile().summary());  // clean: the name
}

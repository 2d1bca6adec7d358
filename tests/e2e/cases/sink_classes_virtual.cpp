// A sink on a class covers every explicit argument of its member functions; a
// sink on a virtual member function covers every override, whether called
// through the derived object, a base reference or a base pointer.
#include <pii/annotations.h>

#include <string>

namespace acct {

struct User {
  PII_PURPOSE("security") std::string phone;
  PII_PURPOSE("security") std::string recoveryEmail;
  std::string nickname;
};

}  // namespace acct

namespace ads {

class PII_SINK("advertising") Pixel {
 public:
  void fire(const std::string& event);
  void fire(const std::string& event, const std::string& value);
  void setUserData(const std::string& key, const std::string& value);
};

class Tracker {
 public:
  virtual ~Tracker();
  PII_SINK("advertising") virtual void track(const std::string& event);
  virtual void debug(const std::string& message);  // not a sink
};

class SocialTracker : public Tracker {
 public:
  void track(const std::string& event) override;
  void debug(const std::string& message) override;
};

class RetargetingTracker final : public SocialTracker {
 public:
  void track(const std::string& event) override;
};

}  // namespace ads

namespace mkt {

class PII_SINK("marketing") Mailer {
 public:
  void send(const std::string& to, const std::string& body);
};

}  // namespace mkt

void sinkClass(const acct::User& u, ads::Pixel& pixel, mkt::Mailer& mailer) {
  pixel.fire(u.phone);  // $ finding=security-to-advertising
  pixel.fire("signup", u.phone);  // $ finding=security-to-advertising
  pixel.setUserData("em", u.recoveryEmail);  // $ finding=security-to-advertising
  pixel.fire("signup", u.nickname);  // clean: no purpose
  mailer.send(u.recoveryEmail, "Spring sale!");  // $ finding=security-to-advertising
  mailer.send(u.nickname, "Spring sale!");  // clean: no purpose
}

void virtualSinks(const acct::User& u, ads::SocialTracker& social, ads::Tracker& any,
                  ads::RetargetingTracker& retargeting) {
  social.track(u.phone);  // $ finding=security-to-advertising
  any.track(u.phone);  // $ finding=security-to-advertising
  ads::Tracker* base = &social;
  base->track(u.recoveryEmail);  // $ finding=security-to-advertising
  retargeting.track(u.phone);  // $ finding=security-to-advertising
  social.Tracker::track(u.phone);  // $ finding=security-to-advertising
  social.debug(u.phone);  // clean: not a sink, in the base or the override
  social.track(u.nickname);  // clean: no purpose
}

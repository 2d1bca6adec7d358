// Sources, sinks and declassifiers named by a policy file rather than
// annotated: a vendored SDK's declarations cannot carry annotations.
// PII_POLICY: policy.json
#include <string>

namespace acct {
struct User {
  std::string phone;
  std::string name;
  std::string device;
};
std::string twoFactorPhone();
extern std::string g_recovery_email;
} // namespace acct

namespace ads {
struct AudienceClient {
  void upload(const std::string &key, int weight);
  void upload(const std::string &key); // every overload of the name
};
template <typename T> struct Tracker {
  void track(const T &value); // a member of every specialization
};
} // namespace ads

namespace stats {
int countUsers(const std::string &phone);
}
namespace mkt {
void email(const std::string &to);
}

void flows(acct::User &u, ads::AudienceClient &ads,
           ads::Tracker<std::string> &tracker) {
  ads.upload(u.phone, 1); // $ finding=security-to-advertising
  ads.upload(u.name, 1);
  ads.upload("shoes", static_cast<int>(u.phone.size())); // only argument 0 is a sink
  ads.upload(u.phone); // $ finding=security-to-advertising
  ads.upload(acct::twoFactorPhone()); // $ finding=security-to-advertising
  ads.upload(acct::g_recovery_email); // $ finding=security-to-advertising
  tracker.track(u.phone); // $ finding=security-to-advertising
  int users = stats::countUsers(u.phone);
  ads.upload(std::to_string(users));
  mkt::email(u.device); // $ finding=fraud-to-marketing
  mkt::email(u.phone); // $ finding=security-to-advertising
}

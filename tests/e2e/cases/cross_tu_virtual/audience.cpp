// The override that leaks: it forwards the phone to the advertising sink.
#include "exporter.h"

namespace exporters {
namespace {

class AudienceExporter : public Exporter {
 public:
  void exportContact(const std::string& phone, const std::string& name) override {
    ads::upload("aud:" + phone);  // $ finding=security-to-advertising
    ads::upload(name);  // clean: run.cpp passes the name here
  }
  std::string describe(const std::string& phone) const override {
    (void)phone;
    return "audience";
  }
  std::string kind() const override { return "audience"; }
};

class FastBeacon : public Beacon {
 public:
  void ping(const std::string& event) override { last_ = event; }

 private:
  std::string last_;
};

}  // namespace

std::unique_ptr<Exporter> makeAudienceExporter() { return std::make_unique<AudienceExporter>(); }

void pingSignup(const acct::User& u) {
  FastBeacon beacon;
  beacon.ping(u.phone);  // $ finding=security-to-advertising
  beacon.ping(u.name);  // clean: no purpose
}

}  // namespace exporters

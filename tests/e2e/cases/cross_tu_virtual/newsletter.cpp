// Overrides that do not leak the phone to a sink, but one passes it through
// its result, and one carries the purpose of the base function's result.
#include "exporter.h"

namespace exporters {
namespace {

class NewsletterExporter : public Exporter {
 public:
  void exportContact(const std::string& phone, const std::string& name) override {
    (void)phone;
    mail::send(name + "@example.com", "Spring sale");  // clean: the name only
  }
  std::string describe(const std::string& phone) const override { return "news:" + phone; }
  std::string kind() const override { return "newsletter"; }
};

class SmsPhoneSource : public PhoneSource {
 public:
  std::string phone() const override { return "+15550100"; }
};

}  // namespace

std::unique_ptr<Exporter> makeNewsletterExporter() { return std::make_unique<NewsletterExporter>(); }
std::unique_ptr<PhoneSource> makePhoneSource() { return std::make_unique<SmsPhoneSource>(); }

void announce() {
  SmsPhoneSource sms;
  mail::send(sms.phone(), "Spring sale");  // $ finding=security-to-advertising
}

}  // namespace exporters

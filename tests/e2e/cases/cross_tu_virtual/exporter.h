// Base classes shared by a program whose overrides live in other files:
// audience.cpp and newsletter.cpp each define a derived exporter, run.cpp
// calls through the base only (it never sees a derived class).
#ifndef CROSS_TU_VIRTUAL_EXPORTER_H
#define CROSS_TU_VIRTUAL_EXPORTER_H

#include <pii/annotations.h>

#include <memory>
#include <string>

namespace acct {

struct User {
  PII_PURPOSE("security") std::string phone;
  std::string name;
};

}  // namespace acct

namespace ads {
PII_SINK("advertising") void upload(const std::string& key);
}  // namespace ads

namespace mail {
PII_SINK("marketing") void send(const std::string& to, const std::string& body);
}  // namespace mail

namespace exporters {

class Exporter {
 public:
  virtual ~Exporter() = default;
  virtual void exportContact(const std::string& phone, const std::string& name) = 0;
  virtual std::string describe(const std::string& phone) const = 0;
  virtual std::string kind() const = 0;
};

// A sink on the base member applies to every override.
class Beacon {
 public:
  virtual ~Beacon() = default;
  PII_SINK("advertising") virtual void ping(const std::string& event);
};

// A purpose on the base function's result applies to every override.
class PhoneSource {
 public:
  virtual ~PhoneSource() = default;
  PII_PURPOSE("security") virtual std::string phone() const = 0;
};

std::unique_ptr<Exporter> makeAudienceExporter();
std::unique_ptr<Exporter> makeNewsletterExporter();
std::unique_ptr<PhoneSource> makePhoneSource();
void pingSignup(const acct::User& u);

}  // namespace exporters

#endif  // CROSS_TU_VIRTUAL_EXPORTER_H

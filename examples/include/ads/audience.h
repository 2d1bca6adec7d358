// Custom ("tailored") audiences on the ad platform.
#pragma once

#include "acct/account.h"

#include <pii/annotations.h>

#include <cstddef>
#include <string>
#include <utility>

namespace ads {

// Client for the ad platform's audience-matching API: advertisers upload
// hashed phone numbers and the platform targets the matching people.
class AudienceClient {
public:
  explicit AudienceClient(std::string audience) : audience_(std::move(audience)) {}

  PII_SINK("advertising") void upload(const std::string& matchKey);
  std::size_t uploaded() const { return uploaded_; }

private:
  std::string audience_;
  std::size_t uploaded_ = 0;
};

// Adds our users to an advertiser audience.
class AudienceSync {
public:
  explicit AudienceSync(AudienceClient& client) : client_(client) {}

  void syncUser(const acct::User& u);

private:
  AudienceClient& client_;
};

} // namespace ads

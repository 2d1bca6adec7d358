#include "ads/audience.h"

#include "util/hash.h"

#include <iostream>

namespace ads {

void AudienceClient::upload(const std::string& matchKey) {
  ++uploaded_;
  std::cout << "[ads]  " << audience_ << " += " << matchKey.substr(0, 16) << "...\n";
}

// The growth team reused the phone number users gave us for two-factor
// authentication to match them against advertisers' customer lists. Hashing
// the number does not change what it was collected for: the platform hashes
// its own copy the same way precisely so that the keys match.
void AudienceSync::syncUser(const acct::User& u) {
  std::string digits = util::normalizePhone(u.phone2fa);
  std::string key = util::sha256Hex(digits);
  client_.upload(key); // $ finding=security-to-advertising
}

} // namespace ads
